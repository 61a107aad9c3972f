// Articles and the story clusters that group syndicated copies of one story.
import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "../db.ts";
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

/** Of the given values of a unique-ish article column, those already stored. */
async function storedValues(db: Db, column: typeof articles.url | typeof articles.contentHash, values: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += BATCH) {
    const rows = await db
      .select({ value: column })
      .from(articles)
      .where(inArray(column, values.slice(i, i + BATCH)));
    for (const r of rows) found.add(r.value);
  }
  return found;
}

/** Of the given URLs, those already stored: lets a poll skip work for items it has seen. */
export function existingArticleUrls(db: Db, urls: string[]): Promise<Set<string>> {
  return storedValues(db, articles.url, urls);
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
 * Puts articles into the story cluster of a near-duplicate first seen in the last `windowDays`, or into new clusters
 * (near-duplicates within the batch share one). Syndicated copies appear within days, so only recent clusters are
 * compared, by Hamming distance in SQL over an index range on created_at, in one round trip for the whole batch.
 * Articles that already have a cluster keep it; articles without a SimHash get a cluster of their own.
 * Returns article id -> cluster id.
 */
export async function assignClusters(
  db: Db,
  items: { articleId: number; simhash: bigint | null }[],
  maxDistance: number,
  windowDays = 7,
): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (items.length === 0) return result;
  const ids = items.map((i) => i.articleId);
  const current = await db
    .select({ id: articles.id, clusterId: articles.clusterId })
    .from(articles)
    .where(inArray(articles.id, ids));
  for (const c of current) if (c.clusterId) result.set(c.id, c.clusterId);
  const todo = items.filter((i) => !result.has(i.articleId));
  if (todo.length === 0) return result;

  const hashed = todo.filter((i) => i.simhash !== null);
  if (hashed.length > 0) {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    const values = sql.join(
      hashed.map((i) => sql`(${i.articleId}::bigint, ${i.simhash!.toString()}::bigint)`),
      sql`, `,
    );
    const near = await queryRows<{ article_id: number | string; cluster_id: number | string | null }>(
      db,
      sql`select h.article_id, (
            select c.id from ${storyClusters} c
            where c.created_at > ${since.toISOString()}::timestamptz and bit_count((c.simhash # h.simhash)::bit(64)) <= ${maxDistance}
            order by bit_count((c.simhash # h.simhash)::bit(64)), c.id limit 1
          ) as cluster_id
          from (values ${values}) as h(article_id, simhash)`,
    );
    for (const n of near) if (n.cluster_id !== null) result.set(Number(n.article_id), Number(n.cluster_id));
  }

  // New stories: near-duplicates inside the batch become one cluster, founded by the first of them.
  const founders: { simhash: bigint | null; members: number[] }[] = [];
  for (const item of todo) {
    if (result.has(item.articleId)) continue;
    const group =
      item.simhash === null
        ? undefined
        : founders.find((f) => f.simhash !== null && hamming(f.simhash, item.simhash!) <= maxDistance);
    if (group) group.members.push(item.articleId);
    else founders.push({ simhash: item.simhash, members: [item.articleId] });
  }
  if (founders.length > 0) {
    const created = await db
      .insert(storyClusters)
      .values(founders.map((f) => ({ simhash: f.simhash ?? 0n })))
      .returning({ id: storyClusters.id });
    founders.forEach((f, k) => f.members.forEach((m) => result.set(m, created[k]!.id)));
  }

  const assigned = todo.map((i) => sql`(${i.articleId}::bigint, ${result.get(i.articleId)!}::bigint)`);
  // Only articles still without a cluster are set, so a concurrent assignment is kept, then read back.
  await db.execute(
    sql`update ${articles} set cluster_id = v.cluster_id from (values ${sql.join(assigned, sql`, `)}) as v(id, cluster_id)
        where ${articles.id} = v.id and ${articles.clusterId} is null`,
  );
  const after = await db
    .select({ id: articles.id, clusterId: articles.clusterId })
    .from(articles)
    .where(inArray(articles.id, todo.map((i) => i.articleId)));
  for (const a of after) if (a.clusterId) result.set(a.id, a.clusterId);
  return result;
}

/** One article's cluster (see assignClusters). */
export async function assignCluster(
  db: Db,
  articleId: number,
  simhash: bigint | null,
  maxDistance: number,
  windowDays = 7,
): Promise<number> {
  const clusters = await assignClusters(db, [{ articleId, simhash }], maxDistance, windowDays);
  return clusters.get(articleId)!;
}

/** Of the given content hashes, those already stored (the same text under another URL). */
export function existingContentHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  return storedValues(db, articles.contentHash, hashes);
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
