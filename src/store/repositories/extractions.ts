// Stores articles' extractions: mentions, claims, and their share of indicator events. A batch (all new articles of
// a poll) is written in one transaction with statements whose rows travel as one parameter (bulk.ts): a dozen round
// trips per batch, not per article, each a statement the connection has already prepared.
// Re-running it for the same articles (a retried job, or reprocess after a catalog change) converges to the same rows.
import { and, eq, inArray, not, sql } from "drizzle-orm";
import type { Extraction } from "../../extract/types.ts";
import { anyOf, insertRows, recordset } from "../bulk.ts";
import { claimFacts } from "./claim-facts.ts";
import { queryRows, type Db } from "../db.ts";
import { articleOutcomes, type ArticleOutcome } from "../../review/article-outcome.ts";
import { eventKey, eventSeeds, eventSupport, type ArticleInStory, type EventSeed } from "../../review/event-merge.ts";
import { affirmedClaims, novelArticleIds, type ClaimKey } from "../../review/novelty.ts";
import { statusForScore } from "../../review/status.ts";
import { articles, claims, eventSources, events, feeds, mentions, reviews } from "../schema.ts";

export interface SaveOptions {
  /** The flag threshold (review/status.ts decides what it means). */
  flagThreshold: number;
}

export type SavedExtraction = ArticleOutcome;
export type ArticleForSave = ArticleInStory;

type Batch = { article: ArticleForSave; extraction: Extraction }[];

export async function saveExtractions(db: Db, batch: Batch, opts: SaveOptions): Promise<SavedExtraction[]> {
  if (batch.length === 0) return [];
  return db.transaction((tx) => writeExtractions(tx as unknown as Db, batch, opts));
}

/**
 * saveExtractions inside the caller's transaction. With `fresh`, the articles were inserted in this transaction with
 * their ruleset version already set: there is nothing stored of theirs to replace or compare with. The decisions
 * (novelty, which event an article supports, flag status, whom an alert is for) are review/'s; this persists them.
 */
export async function writeExtractions(tx: Db, batch: Batch, opts: SaveOptions & { fresh?: boolean }): Promise<SavedExtraction[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((b) => b.article.id);
  if (!opts.fresh) {
    await tx.delete(mentions).where(anyOf(mentions.articleId, ids));
    await tx.delete(claims).where(anyOf(claims.articleId, ids));
  }
  await insertMentions(tx, batch);
  const claimRows = await insertClaims(tx, batch);
  const novel = novelArticleIds(claimRows, await claimsMadeElsewhere(tx, claimRows, ids));

  const before = opts.fresh ? [] : await eventSupportOf(tx, ids);
  const { eventIdOf, flagged } = await ensureEvents(tx, eventSeeds(batch, novel), opts.flagThreshold);
  const support = eventSupport(batch).map(({ eventKey: key, ...s }) => ({ ...s, eventId: eventIdOf.get(key)! }));
  const dropped = await replaceSupport(tx, support, before);

  const touched = [...new Set([...support.map((r) => r.eventId), ...dropped.map((d) => d.eventId)])];
  const novelEvents = [...new Set(support.filter((r) => novel.has(r.articleId)).map((r) => r.eventId))];
  for (const id of await refreshEvents(tx, touched, opts.flagThreshold, novelEvents)) flagged.add(id);

  if (!opts.fresh) {
    const version = batch[0]!.extraction.rulesetVersion;
    await tx.update(articles).set({ rulesetVersion: version, extractedAt: new Date() }).where(anyOf(articles.id, ids));
  }
  return articleOutcomes(batch, support, before, flagged);
}

async function insertMentions(tx: Db, batch: Batch): Promise<void> {
  const rows = batch.flatMap(({ article, extraction }) =>
    extraction.entities.map((e) => ({
      articleId: article.id,
      type: e.type,
      name: e.name,
      surface: e.surface,
      start: e.start,
      end: e.end,
      discovered: e.discovered ?? false,
    })),
  );
  if (rows.length > 0) await tx.execute(sql`${insertRows(mentions, rows)} on conflict do nothing`);
}

async function insertClaims(tx: Db, batch: Batch) {
  const rows = batch.flatMap(({ article, extraction }) =>
    extraction.claims.map((c) => ({ articleId: article.id, ...claimFacts(c), evidenceStart: c.evidence.start, evidenceEnd: c.evidence.end })),
  );
  if (rows.length > 0) await tx.execute(sql`${insertRows(claims, rows)} on conflict do nothing`);
  return rows;
}

/** Which of the batch's affirmed claim keys articles outside the batch have made. */
async function claimsMadeElsewhere(tx: Db, batchClaims: (ClaimKey & { negated: boolean })[], batchIds: number[]): Promise<ClaimKey[]> {
  const affirmed = affirmedClaims(batchClaims);
  if (affirmed.length === 0) return [];
  const keys = recordset(
    { subject: claims.subject, chip: claims.chip, stage: claims.stage },
    affirmed.map(({ subject, chip, stage }) => ({ subject, chip, stage })),
  );
  return tx
    .selectDistinct({ subject: claims.subject, chip: claims.chip, stage: claims.stage })
    .from(claims)
    .where(
      and(
        eq(claims.negated, false),
        not(anyOf(claims.articleId, batchIds)),
        sql`(${claims.subject}, ${claims.chip}, ${claims.stage}) in (${keys})`,
      ),
    );
}

/** The events the articles support now, with their indicators. */
export function eventSupportOf(db: Db, articleIds: number[]): Promise<{ eventId: number; articleId: number; indicator: string }[]> {
  return db
    .select({ eventId: eventSources.eventId, articleId: eventSources.articleId, indicator: events.indicator })
    .from(eventSources)
    .innerJoin(events, eq(events.id, eventSources.eventId))
    .where(anyOf(eventSources.articleId, articleIds));
}

/**
 * Finds or creates the event of each seed; a new event's status follows its seed's score. Returns the ids by
 * eventKey and the events created flagged.
 */
async function ensureEvents(
  tx: Db,
  seeds: Map<string, EventSeed>,
  threshold: number,
): Promise<{ eventIdOf: Map<string, number>; flagged: Set<number> }> {
  const eventIdOf = new Map<string, number>();
  const flagged = new Set<number>();
  if (seeds.size === 0) return { eventIdOf, flagged };
  for (const e of await eventsFor(tx, [...seeds.values()])) eventIdOf.set(eventKey(e.indicator, e.clusterId), e.id);
  const missing = [...seeds.entries()].filter(([key]) => !eventIdOf.has(key)).map(([, seed]) => seed);
  if (missing.length > 0) {
    const rows = missing.map((seed) => ({ ...seed, status: statusForScore(null, seed.score, threshold) }));
    const inserted = await queryRows<{ id: number | string; indicator: string; cluster_id: number | string; status: string }>(
      tx,
      sql`${insertRows(events, rows)} on conflict do nothing returning id, indicator, cluster_id, status`,
    );
    for (const e of inserted) {
      eventIdOf.set(eventKey(e.indicator, Number(e.cluster_id)), Number(e.id));
      if (e.status === "flagged") flagged.add(Number(e.id));
    }
    // Another worker may have created some between our read and insert: read those back.
    const raced = missing.filter((seed) => !eventIdOf.has(eventKey(seed.indicator, seed.clusterId)));
    if (raced.length > 0) {
      for (const e of await eventsFor(tx, raced)) eventIdOf.set(eventKey(e.indicator, e.clusterId), e.id);
    }
  }
  return { eventIdOf, flagged };
}

/** Upserts the batch's supports and deletes the ones its articles no longer give; returns those deleted. */
async function replaceSupport<B extends { eventId: number; articleId: number }>(
  tx: Db,
  support: { eventId: number; articleId: number; score: number; rules: string[]; evidence: { start: number; end: number }[] }[],
  before: B[],
): Promise<B[]> {
  if (support.length > 0) {
    await tx.execute(
      sql`${insertRows(eventSources, support)} on conflict (event_id, article_id)
          do update set score = excluded.score, rules = excluded.rules, evidence = excluded.evidence`,
    );
  }
  const kept = new Set(support.map((r) => `${r.eventId}:${r.articleId}`));
  const dropped = before.filter((b) => !kept.has(`${b.eventId}:${b.articleId}`));
  if (dropped.length > 0) {
    const pairs = recordset({ eventId: eventSources.eventId, articleId: eventSources.articleId }, dropped);
    await tx.delete(eventSources).where(sql`(${eventSources.eventId}, ${eventSources.articleId}) in (${pairs})`);
  }
  return dropped;
}

/** The stored events of the given (indicator, story) pairs. */
function eventsFor(db: Db, keys: { indicator: string; clusterId: number }[]) {
  const pairs = recordset({ indicator: events.indicator, clusterId: events.clusterId }, keys);
  return db
    .select({ id: events.id, indicator: events.indicator, clusterId: events.clusterId, status: events.status })
    .from(events)
    .where(sql`(${events.indicator}, ${events.clusterId}) in (${pairs})`);
}

/** One article's extraction (see saveExtractions). */
export async function saveExtraction(
  db: Db,
  article: ArticleForSave,
  extraction: Extraction,
  opts: SaveOptions,
): Promise<SavedExtraction> {
  const [saved] = await saveExtractions(db, [{ article, extraction }], opts);
  return saved!;
}

/**
 * Recomputes each event from its sources: best score, union of rules, number of independent sources (distinct
 * feeds), novelty; then applies the flag rule (review/status.ts) to the best score. An unreviewed event left with no
 * source is deleted; a reviewed one is kept for the audit trail. Returns the events this flagged.
 */
async function refreshEvents(db: Db, ids: number[], threshold: number, novelIds: number[]): Promise<number[]> {
  const bestScore = sql`(select max(${eventSources.score}) from ${eventSources} where ${eventSources.eventId} = ${events.id})`;
  const refreshed = await db
    .update(events)
    .set({
      score: sql`coalesce(${bestScore}, ${events.score})`,
      rules: sql`coalesce((select jsonb_agg(distinct r order by r) from ${eventSources}, jsonb_array_elements_text(${eventSources.rules}) r where ${eventSources.eventId} = ${events.id}), '[]'::jsonb)`,
      sourceCount: sql`(select count(distinct ${articles.feedId})::int from ${eventSources} join ${articles} on ${articles.id} = ${eventSources.articleId} where ${eventSources.eventId} = ${events.id})`,
      novel: sql`${events.novel} or ${anyOf(events.id, novelIds)}`,
      // When it happened: the earliest publication among its sources (an undated story: when it was first seen).
      occurredAt: sql`coalesce((select min(${articles.publishedAt}) from ${eventSources} join ${articles} on ${articles.id} = ${eventSources.articleId} where ${eventSources.eventId} = ${events.id}), ${events.firstSeenAt})`,
      updatedAt: new Date(),
    })
    .where(anyOf(events.id, ids))
    .returning({ id: events.id, status: events.status, bestScore: sql<number | null>`${bestScore}` });
  const flagged = refreshed
    .filter((e) => e.bestScore !== null && statusForScore(e.status, Number(e.bestScore), threshold) !== e.status)
    .map((e) => e.id);
  if (flagged.length > 0) await db.update(events).set({ status: "flagged" }).where(anyOf(events.id, flagged));
  await db
    .delete(events)
    .where(
      and(
        anyOf(events.id, ids),
        inArray(events.status, ["flagged", "candidate"]),
        sql`not exists (select 1 from ${eventSources} where ${eventSources.eventId} = ${events.id})`,
        sql`not exists (select 1 from ${reviews} where ${reviews.eventId} = ${events.id})`,
      ),
    );
  return flagged;
}

/** Names found by version patterns but not in the catalog, with how often and where they were first seen. */
export async function discoveredNames(
  db: Db,
): Promise<{ type: string; name: string; count: number; firstArticleId: number; feed: string | null }[]> {
  const rows = await db
    .select({
      type: mentions.type,
      name: mentions.name,
      count: sql<number>`count(distinct ${mentions.articleId})::int`,
      firstArticleId: sql<number>`min(${mentions.articleId})`,
      feed: sql<string | null>`min(${feeds.title})`,
    })
    .from(mentions)
    .innerJoin(articles, eq(articles.id, mentions.articleId))
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(eq(mentions.discovered, true))
    .groupBy(mentions.type, mentions.name)
    .orderBy(sql`count(distinct ${mentions.articleId}) desc`, mentions.name);
  return rows.map((r) => ({ ...r, count: Number(r.count), firstArticleId: Number(r.firstArticleId) }));
}
