// Articles and the story clusters that group syndicated copies of one story.
import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { articles, storyClusters } from "../schema.ts";

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

// Rows per insert statement: PGlite fails cryptically past the bind-parameter limit (STACK.md), so stay far below it.
const BATCH = 500;

/** Inserts articles not stored yet (by canonical URL, or by feed + GUID); returns only the new rows. */
export async function insertNewArticles(db: Db, rows: NewArticle[]): Promise<Article[]> {
  const out: Article[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted = await db
      .insert(articles)
      .values(rows.slice(i, i + BATCH))
      .onConflictDoNothing()
      .returning();
    out.push(...inserted);
  }
  return out;
}

/** Of the given URLs, those already stored: lets a poll skip work for items it has seen. */
export async function existingArticleUrls(db: Db, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < urls.length; i += BATCH) {
    const rows = await db
      .select({ url: articles.url })
      .from(articles)
      .where(inArray(articles.url, urls.slice(i, i + BATCH)));
    for (const r of rows) found.add(r.url);
  }
  return found;
}

/** The body the extractor sees: the full page when it was fetched and is longer, else the feed's summary. */
export function articleBody(article: Pick<Article, "summary" | "fullText">): string {
  return article.fullText && article.fullText.length > article.summary.length ? article.fullText : article.summary;
}

export async function getArticle(db: Db, id: number): Promise<Article | undefined> {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  return row;
}

export async function setFullText(db: Db, id: number, fullText: string): Promise<void> {
  await db.update(articles).set({ fullText }).where(eq(articles.id, id));
}

/** Articles whose stored extraction is missing or from another ruleset: what `reprocess` must redo. */
export async function articlesToReprocess(
  db: Db,
  rulesetVersion: string,
  opts: { since?: Date | undefined; afterId: number; limit: number },
): Promise<Article[]> {
  const stale = or(isNull(articles.rulesetVersion), ne(articles.rulesetVersion, rulesetVersion));
  const since = opts.since ? sql`coalesce(${articles.publishedAt}, ${articles.fetchedAt}) >= ${opts.since}` : undefined;
  return db
    .select()
    .from(articles)
    .where(and(stale, since, gt(articles.id, opts.afterId)))
    .orderBy(asc(articles.id))
    .limit(opts.limit);
}

/**
 * Puts an article into the story cluster of a near-duplicate first seen in the last `windowDays`, or a new cluster.
 * Returns the cluster id. Syndicated copies appear within days, so only recent clusters are compared (by Hamming
 * distance in SQL, over an index range on created_at). Articles without a SimHash get a cluster of their own.
 */
export async function assignCluster(
  db: Db,
  articleId: number,
  simhash: bigint | null,
  maxDistance: number,
  windowDays = 7,
): Promise<number> {
  const [current] = await db.select({ clusterId: articles.clusterId }).from(articles).where(eq(articles.id, articleId));
  if (current?.clusterId) return current.clusterId;
  let clusterId: number | undefined;
  if (simhash !== null) {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    const [near] = await db
      .select({ id: storyClusters.id })
      .from(storyClusters)
      .where(
        and(
          gt(storyClusters.createdAt, since),
          sql`bit_count((${storyClusters.simhash} # ${simhash})::bit(64)) <= ${maxDistance}`,
        ),
      )
      .orderBy(sql`bit_count((${storyClusters.simhash} # ${simhash})::bit(64))`, asc(storyClusters.id))
      .limit(1);
    clusterId = near?.id;
  }
  if (clusterId === undefined) {
    const [created] = await db
      .insert(storyClusters)
      .values({ simhash: simhash ?? 0n })
      .returning({ id: storyClusters.id });
    clusterId = created!.id;
  }
  await db
    .update(articles)
    .set({ clusterId })
    .where(and(eq(articles.id, articleId), isNull(articles.clusterId)));
  const [after] = await db.select({ clusterId: articles.clusterId }).from(articles).where(eq(articles.id, articleId));
  return after?.clusterId ?? clusterId;
}

/** Of the given content hashes, those already stored (the same text under another URL). */
export async function existingContentHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += BATCH) {
    const rows = await db
      .select({ hash: articles.contentHash })
      .from(articles)
      .where(inArray(articles.contentHash, hashes.slice(i, i + BATCH)));
    for (const r of rows) found.add(r.hash);
  }
  return found;
}

/**
 * A feed's articles that were stored but never extracted: a poll that died between the two steps left them, and the
 * next poll of the feed (or the retry) finishes them, so no article is stored without its extraction for long.
 */
export async function unextractedArticles(db: Db, feedId: number, limit = 1000): Promise<Article[]> {
  return db
    .select()
    .from(articles)
    .where(and(eq(articles.feedId, feedId), isNull(articles.extractedAt)))
    .orderBy(asc(articles.id))
    .limit(limit);
}
