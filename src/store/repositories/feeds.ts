// Feeds and their schedule. The database is the source of truth for when a feed is due; queues only carry work.
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import type { FeedKind, ListingSelectors } from "../../ingest/source-kind.ts";
import type { Db } from "../db.ts";
import { feeds, fetchRuns } from "../schema.ts";

export type Feed = typeof feeds.$inferSelect;

export interface NewFeed {
  url: string;
  kind?: FeedKind;
  selectors?: ListingSelectors | null;
  title?: string;
  siteUrl?: string | null;
  lang?: string | null;
  timezone?: string | null;
  category?: string | null;
  note?: string | null;
  allowPrivate?: boolean;
  fetchFullText?: boolean;
  intervalSeconds?: number;
  /** When to poll first (default: now). */
  nextFetchAt?: Date;
}

/**
 * Rows per INSERT. One statement for a whole 20,000-outline OPML file broke PostgreSQL's 65,535-parameter limit,
 * and 50,000 overflowed the stack while the query was built; 1,000 rows stay far below both.
 */
const INSERT_BATCH = 1000;

/** Adds feeds that are not there yet (by URL); returns the ones added. All or none: one transaction. */
export async function addFeeds(db: Db, list: NewFeed[]): Promise<Feed[]> {
  if (list.length === 0) return [];
  return db.transaction(async (tx) => {
    const added: Feed[] = [];
    for (let i = 0; i < list.length; i += INSERT_BATCH) {
      const rows = await tx
        .insert(feeds)
        .values(list.slice(i, i + INSERT_BATCH).map((f) => ({ ...f, title: f.title ?? "" })))
        .onConflictDoNothing({ target: feeds.url })
        .returning();
      for (const row of rows) added.push(row);
    }
    return added;
  });
}

export async function findFeedByUrl(db: Db, url: string): Promise<Feed | undefined> {
  const [row] = await db.select().from(feeds).where(eq(feeds.url, url));
  return row;
}

export async function countFeeds(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(feeds);
  return Number(row?.n ?? 0);
}

export async function countBrokenFeeds(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(feeds).where(eq(feeds.broken, true));
  return Number(row?.n ?? 0);
}

/** Enabled feeds whose last poll failed (failing or broken): their kind and last error, for /metrics. */
export async function failingFeeds(db: Db): Promise<{ kind: string; lastError: string | null }[]> {
  return db
    .select({ kind: feeds.kind, lastError: feeds.lastError })
    .from(feeds)
    .where(and(eq(feeds.enabled, true), gt(feeds.consecutiveErrors, 0)));
}

export async function getFeed(db: Db, id: number): Promise<Feed | undefined> {
  const [row] = await db.select().from(feeds).where(eq(feeds.id, id));
  return row;
}

export async function listFeeds(db: Db): Promise<Feed[]> {
  return db.select().from(feeds).orderBy(asc(feeds.id));
}

export async function setFeedEnabled(db: Db, id: number, enabled: boolean, reason: string | null): Promise<Feed | undefined> {
  const [row] = await db
    .update(feeds)
    .set({
      enabled,
      disabledReason: enabled ? null : reason,
      // Re-enabling gives a feed a fresh start: due now, error streak forgotten.
      ...(enabled ? { nextFetchAt: new Date(), consecutiveErrors: 0, broken: false, brokenReason: null } : {}),
    })
    .where(eq(feeds.id, id))
    .returning();
  return row;
}

/**
 * Atomically takes up to `limit` due feeds and pushes their next_fetch_at forward by `leaseSeconds`, so that a
 * second scheduler tick (or a second scheduler process) does not hand out the same feed while it is in flight.
 * The poll itself sets the real next fetch time when it finishes.
 */
export async function claimDueFeeds(db: Db, now: Date, limit: number, leaseSeconds: number): Promise<Feed[]> {
  const due = db
    .select({ id: feeds.id })
    .from(feeds)
    .where(and(eq(feeds.enabled, true), lte(feeds.nextFetchAt, now)))
    .orderBy(asc(feeds.nextFetchAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(feeds)
    .set({ nextFetchAt: new Date(now.getTime() + leaseSeconds * 1000) })
    .where(inArray(feeds.id, due))
    .returning();
}

export interface FetchOutcome {
  feedId: number;
  /** Unique per job attempt chain: a retried job records its run once. */
  jobKey: string;
  startedAt: Date;
  finishedAt: Date;
  outcome: "ok" | "not-modified" | "error";
  httpStatus: number | null;
  bytes: number;
  items: number;
  newItems: number;
  parser: string | null;
  error: string | null;
  nextFetchAt: Date;
  intervalSeconds: number;
  etag?: string | null;
  lastModified?: string | null;
  title?: string;
  siteUrl?: string | null;
  lang?: string | null;
  /** Set when the failure streak reaches the limit; cleared by a success. */
  brokenReason?: string | null;
  silent?: boolean;
}

/** Records a fetch in the feed row and the fetch_runs log, in one transaction. Idempotent per jobKey. */
export async function recordFetch(db: Db, o: FetchOutcome): Promise<void> {
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(fetchRuns)
      .values({
        feedId: o.feedId,
        jobKey: o.jobKey,
        startedAt: o.startedAt,
        finishedAt: o.finishedAt,
        outcome: o.outcome,
        httpStatus: o.httpStatus,
        bytes: o.bytes,
        items: o.items,
        newItems: o.newItems,
        parser: o.parser,
        error: o.error,
      })
      .onConflictDoNothing({ target: fetchRuns.jobKey })
      .returning({ id: fetchRuns.id });
    if (inserted.length === 0) return;
    const failed = o.outcome === "error";
    await tx
      .update(feeds)
      .set({
        lastFetchAt: o.finishedAt,
        lastStatus: o.outcome,
        lastHttpStatus: o.httpStatus,
        lastError: o.error,
        nextFetchAt: o.nextFetchAt,
        intervalSeconds: o.intervalSeconds,
        parser: o.parser ?? sql`${feeds.parser}`,
        itemsSeen: sql`${feeds.itemsSeen} + ${o.newItems}`,
        ...(failed
          ? {
              errorCount: sql`${feeds.errorCount} + 1`,
              consecutiveErrors: sql`${feeds.consecutiveErrors} + 1`,
              ...(o.brokenReason ? { broken: true, brokenReason: o.brokenReason } : {}),
            }
          : {
              lastSuccessAt: o.finishedAt,
              consecutiveErrors: 0,
              broken: false,
              brokenReason: null,
              silent: o.silent ?? false,
              ...(o.newItems > 0 ? { lastNewItemAt: o.finishedAt } : {}),
            }),
        // Validators are stored from every response that carries them, 304s included.
        ...(o.etag !== undefined && o.etag !== null ? { etag: o.etag } : {}),
        ...(o.lastModified !== undefined && o.lastModified !== null ? { lastModified: o.lastModified } : {}),
        ...(o.title ? { title: sql`case when ${feeds.title} = '' then ${o.title} else ${feeds.title} end` } : {}),
        ...(o.siteUrl ? { siteUrl: sql`coalesce(${feeds.siteUrl}, ${o.siteUrl})` } : {}),
        ...(o.lang ? { lang: sql`coalesce(${feeds.lang}, ${o.lang})` } : {}),
      })
      .where(eq(feeds.id, o.feedId));
  });
}
