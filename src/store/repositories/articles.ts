// Articles: stored once per canonical URL (or feed + GUID), with their fingerprints and extraction state.
import { and, asc, eq, gt, isNull, ne, or, sql } from "drizzle-orm";
import { anyOf, insertRows } from "../bulk.ts";
import { queryRows, type Db } from "../db.ts";
import { articles } from "../schema.ts";

export type Article = typeof articles.$inferSelect;
export type NewArticle = typeof articles.$inferInsert;

// Rows per insert statement: one JSON parameter carries them all, this only bounds the size of one message.
const BATCH = 1000;

/**
 * Inserts articles not stored yet (by canonical URL, or by feed + GUID); returns the id and URL of each new row, in
 * row order. A row stored meanwhile by another job is skipped, not an error.
 */
export async function insertNewArticles(db: Db, rows: NewArticle[]): Promise<{ id: number; url: string }[]> {
  const out: { id: number; url: string }[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted = await queryRows<{ id: number | string; url: string }>(
      db,
      sql`${insertRows(articles, rows.slice(i, i + BATCH))} on conflict do nothing returning id, url`,
    );
    out.push(...inserted.map((r) => ({ id: Number(r.id), url: r.url })).sort((a, b) => a.id - b.id));
  }
  return out;
}

/** Of the given URLs and content hashes, those already stored: lets a poll skip items it has seen, under any URL. */
export async function storedUrlsAndHashes(db: Db, urls: string[], hashes: string[]): Promise<{ urls: Set<string>; hashes: Set<string> }> {
  const found = { urls: new Set<string>(), hashes: new Set<string>() };
  if (urls.length === 0 && hashes.length === 0) return found;
  const rows = await db
    .select({ url: articles.url, hash: articles.contentHash })
    .from(articles)
    .where(or(anyOf(articles.url, urls), anyOf(articles.contentHash, hashes)));
  for (const r of rows) {
    found.urls.add(r.url);
    found.hashes.add(r.hash);
  }
  return found;
}

/** Articles by id, in id order. */
export function getArticles(db: Db, ids: number[]): Promise<Article[]> {
  return db.select().from(articles).where(anyOf(articles.id, ids)).orderBy(asc(articles.id));
}

/**
 * How much of an article the extractor reads. Extraction runs on the event loop, one article in one piece, in time
 * linear in its text: this bounds that piece (about 100 ms for the worst hostile text on one core) however large a
 * page or item is. A news article is a few thousand characters; what lies beyond this is stored, not read.
 */
export const ARTICLE_BODY_MAX_CHARS = 100_000;

/** The body the extractor sees: the full page when it was fetched and is longer, else the feed's summary (capped). */
export function articleBody(article: Pick<Article, "summary" | "fullText">): string {
  const body = article.fullText && article.fullText.length > article.summary.length ? article.fullText : article.summary;
  if (body.length <= ARTICLE_BODY_MAX_CHARS) return body;
  // Never end on the first half of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(body[ARTICLE_BODY_MAX_CHARS - 1]!) ? ARTICLE_BODY_MAX_CHARS - 1 : ARTICLE_BODY_MAX_CHARS;
  return body.slice(0, end);
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
