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

const MASK16 = 0xffffn;

/** The four 16-bit bands of a 64-bit SimHash (see story_clusters in schema.ts). */
export function simhashBands(simhash: bigint): [number, number, number, number] {
  const u = BigInt.asUintN(64, simhash);
  return [Number(u & MASK16), Number((u >> 16n) & MASK16), Number((u >> 32n) & MASK16), Number((u >> 48n) & MASK16)];
}

function hamming(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let n = 0;
  while (x) {
    x &= x - 1n;
    n++;
  }
  return n;
}

/**
 * Puts an article into the story cluster of a near-duplicate seen in the last `windowDays`, or a new cluster.
 * Returns the cluster id. Articles without a SimHash (too little text) get a cluster of their own.
 */
export async function assignCluster(
  db: Db,
  articleId: number,
  simhash: bigint | null,
  maxDistance: number,
  windowDays = 14,
): Promise<number> {
  const [current] = await db.select({ clusterId: articles.clusterId }).from(articles).where(eq(articles.id, articleId));
  if (current?.clusterId) return current.clusterId;
  let clusterId: number | undefined;
  const hash = simhash ?? 0n;
  const bands = simhashBands(hash);
  if (simhash !== null) {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    const candidates = await db
      .select({ id: storyClusters.id, simhash: storyClusters.simhash })
      .from(storyClusters)
      .where(
        and(
          gt(storyClusters.createdAt, since),
          or(
            eq(storyClusters.band0, bands[0]),
            eq(storyClusters.band1, bands[1]),
            eq(storyClusters.band2, bands[2]),
            eq(storyClusters.band3, bands[3]),
          ),
        ),
      )
      .orderBy(asc(storyClusters.id));
    clusterId = candidates.find((c) => hamming(c.simhash, hash) <= maxDistance)?.id;
  }
  if (clusterId === undefined) {
    const [created] = await db
      .insert(storyClusters)
      .values({ simhash: hash, band0: bands[0], band1: bands[1], band2: bands[2], band3: bands[3] })
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
