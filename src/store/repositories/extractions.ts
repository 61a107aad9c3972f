// Stores articles' extractions: mentions, claims, and their share of indicator events. A batch (all new articles of
// a poll) is written in one transaction with statements whose rows travel as one parameter (bulk.ts): a dozen round
// trips per batch, not per article, each a statement the connection has already prepared.
// Re-running it for the same articles (a retried job, or reprocess after a catalog change) converges to the same rows.
import { and, eq, inArray, not, sql } from "drizzle-orm";
import type { Extraction } from "../../extract/types.ts";
import { anyOf, insertRows, recordset } from "../bulk.ts";
import { queryRows, type Db } from "../db.ts";
import { articles, claims, eventSources, events, feeds, mentions, reviews, type EventStatus } from "../schema.ts";

export interface SaveOptions {
  /** Events at or above this score are flagged for review; below it they are kept as candidates. */
  flagThreshold: number;
}

export interface SavedExtraction {
  /** Events this article contributes to. */
  eventIds: number[];
  /** Events that became flagged because of this article (for alerts). */
  newlyFlagged: number[];
  /** Indicators this article stopped supporting (reprocess). */
  removedIndicators: string[];
  addedIndicators: string[];
}

export interface ArticleForSave {
  id: number;
  title: string;
  clusterId: number;
}

const claimKey = (c: { subject: string; chip: string; stage: string }) => `${c.subject}\u0000${c.chip}\u0000${c.stage}`;
const eventKey = (indicator: string, clusterId: number) => `${indicator}\u0000${clusterId}`;

export async function saveExtractions(
  db: Db,
  batch: { article: ArticleForSave; extraction: Extraction }[],
  opts: SaveOptions,
): Promise<SavedExtraction[]> {
  if (batch.length === 0) return [];
  return db.transaction((tx) => writeExtractions(tx as unknown as Db, batch, opts));
}

/**
 * saveExtractions inside the caller's transaction. With `fresh`, the articles were inserted in this transaction with
 * their ruleset version already set: there is nothing stored of theirs to replace or compare with.
 */
export async function writeExtractions(
  tx: Db,
  batch: { article: ArticleForSave; extraction: Extraction }[],
  opts: SaveOptions & { fresh?: boolean },
): Promise<SavedExtraction[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((b) => b.article.id);
  if (!opts.fresh) {
    await tx.delete(mentions).where(anyOf(mentions.articleId, ids));
    await tx.delete(claims).where(anyOf(claims.articleId, ids));
  }
  const mentionRows = batch.flatMap(({ article, extraction }) =>
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
  if (mentionRows.length > 0) await tx.execute(sql`${insertRows(mentions, mentionRows)} on conflict do nothing`);
  const claimRows = batch.flatMap(({ article, extraction }) =>
    extraction.claims.map((c) => ({
      articleId: article.id,
      subject: c.subject,
      subjectType: c.subjectType,
      chip: c.chip,
      chipDomestic: c.chipDomestic,
      stage: c.stage,
      modality: c.modality,
      negated: c.negated,
      evidenceStart: c.evidence.start,
      evidenceEnd: c.evidence.end,
    })),
  );
  if (claimRows.length > 0) await tx.execute(sql`${insertRows(claims, claimRows)} on conflict do nothing`);

  // Novelty: an article is novel when it makes a (subject, chip, stage) claim that no other article has made; in a
  // batch, only the first article to make it.
  const affirmed = claimRows.filter((c) => !c.negated);
  const seenElsewhere = new Set<string>();
  if (affirmed.length > 0) {
    const keys = recordset({ subject: claims.subject, chip: claims.chip, stage: claims.stage }, affirmed);
    const rows = await tx
      .selectDistinct({ subject: claims.subject, chip: claims.chip, stage: claims.stage })
      .from(claims)
      .where(
        and(
          eq(claims.negated, false),
          not(anyOf(claims.articleId, ids)),
          sql`(${claims.subject}, ${claims.chip}, ${claims.stage}) in (${keys})`,
        ),
      );
    for (const r of rows) seenElsewhere.add(claimKey(r));
  }
  const novelArticles = new Set<number>();
  for (const c of [...affirmed].sort((a, b) => a.articleId - b.articleId)) {
    const key = claimKey(c);
    if (seenElsewhere.has(key)) continue;
    seenElsewhere.add(key);
    novelArticles.add(c.articleId);
  }

  const before = opts.fresh
    ? []
    : await tx
        .select({ eventId: eventSources.eventId, articleId: eventSources.articleId, indicator: events.indicator })
        .from(eventSources)
        .innerJoin(events, eq(events.id, eventSources.eventId))
        .where(anyOf(eventSources.articleId, ids));

  // One event per (indicator, story); create the missing ones, then read all with their status.
  const wanted = new Map<string, { indicator: string; clusterId: number; title: string; score: number; rules: string[]; novel: boolean }>();
  for (const { article, extraction } of batch) {
    for (const hit of extraction.indicators) {
      const key = eventKey(hit.id, article.clusterId);
      const prior = wanted.get(key);
      const novel = novelArticles.has(article.id);
      if (!prior) wanted.set(key, { indicator: hit.id, clusterId: article.clusterId, title: article.title, score: hit.score, rules: hit.rules, novel });
      else if (hit.score > prior.score) wanted.set(key, { ...prior, score: hit.score, rules: hit.rules, novel: prior.novel || novel });
    }
  }
  const status = (score: number): EventStatus => (score >= opts.flagThreshold ? "flagged" : "candidate");
  const newlyFlaggedEvents = new Set<number>();
  const eventIdOf = new Map<string, number>();
  if (wanted.size > 0) {
    const existing = await eventsFor(tx, [...wanted.values()]);
    for (const e of existing) {
      eventIdOf.set(eventKey(e.indicator, e.clusterId), e.id);
      const w = wanted.get(eventKey(e.indicator, e.clusterId));
      if (w && e.status === "candidate" && status(w.score) === "flagged") newlyFlaggedEvents.add(e.id);
    }
    const missing = [...wanted.entries()].filter(([key]) => !eventIdOf.has(key)).map(([, w]) => w);
    if (missing.length > 0) {
      const inserted = await queryRows<{ id: number | string; indicator: string; cluster_id: number | string; status: string }>(
        tx,
        sql`${insertRows(events, missing.map((w) => ({ ...w, status: status(w.score) })))}
            on conflict do nothing returning id, indicator, cluster_id, status`,
      );
      for (const e of inserted) {
        eventIdOf.set(eventKey(e.indicator, Number(e.cluster_id)), Number(e.id));
        if (e.status === "flagged") newlyFlaggedEvents.add(Number(e.id));
      }
    }
    // Another worker may have created some between our read and insert: read those back.
    const raced = missing.filter((w) => !eventIdOf.has(eventKey(w.indicator, w.clusterId)));
    if (raced.length > 0) {
      for (const e of await eventsFor(tx, raced)) eventIdOf.set(eventKey(e.indicator, e.clusterId), e.id);
    }
  }

  const sourceRows = batch.flatMap(({ article, extraction }) =>
    extraction.indicators.map((hit) => ({
      eventId: eventIdOf.get(eventKey(hit.id, article.clusterId))!,
      articleId: article.id,
      score: hit.score,
      rules: hit.rules,
      evidence: hit.evidence,
    })),
  );
  if (sourceRows.length > 0) {
    await tx.execute(
      sql`${insertRows(eventSources, sourceRows)} on conflict (event_id, article_id)
          do update set score = excluded.score, rules = excluded.rules, evidence = excluded.evidence`,
    );
  }
  const kept = new Set(sourceRows.map((r) => `${r.eventId}:${r.articleId}`));
  const dropped = before.filter((b) => !kept.has(`${b.eventId}:${b.articleId}`));
  if (dropped.length > 0) {
    const pairs = recordset({ eventId: eventSources.eventId, articleId: eventSources.articleId }, dropped);
    await tx.delete(eventSources).where(sql`(${eventSources.eventId}, ${eventSources.articleId}) in (${pairs})`);
  }

  const touched = [...new Set([...sourceRows.map((r) => r.eventId), ...dropped.map((d) => d.eventId)])];
  const novelEvents = [...new Set(sourceRows.filter((r) => novelArticles.has(r.articleId)).map((r) => r.eventId))];
  if (touched.length > 0) await refreshEvents(tx, touched, opts.flagThreshold, novelEvents);

  if (!opts.fresh) {
    const version = batch[0]!.extraction.rulesetVersion;
    await tx.update(articles).set({ rulesetVersion: version, extractedAt: new Date() }).where(anyOf(articles.id, ids));
  }

  const byArticle = groupBy(sourceRows, (r) => r.articleId);
  const beforeByArticle = groupBy(before, (b) => b.articleId);
  // An event counts as newly flagged once, for the first article of the batch that supports it.
  const firstSupporter = new Map<number, number>();
  for (const r of sourceRows) if (!firstSupporter.has(r.eventId)) firstSupporter.set(r.eventId, r.articleId);
  return batch.map(({ article, extraction }) => {
    const mine = byArticle.get(article.id) ?? [];
    const beforeIndicators = new Set((beforeByArticle.get(article.id) ?? []).map((b) => b.indicator));
    const afterIndicators = new Set(extraction.indicators.map((i) => i.id as string));
    return {
      eventIds: mine.map((r) => r.eventId),
      newlyFlagged: mine.map((r) => r.eventId).filter((id) => newlyFlaggedEvents.has(id) && firstSupporter.get(id) === article.id),
      removedIndicators: [...beforeIndicators].filter((i) => !afterIndicators.has(i)),
      addedIndicators: [...afterIndicators].filter((i) => !beforeIndicators.has(i)),
    };
  });
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
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
 * feeds). An unreviewed event left with no source is deleted; a reviewed one is kept for the audit trail.
 */
async function refreshEvents(db: Db, ids: number[], threshold: number, novelIds: number[]): Promise<void> {
  await db
    .update(events)
    .set({
      score: sql`coalesce((select max(${eventSources.score}) from ${eventSources} where ${eventSources.eventId} = ${events.id}), ${events.score})`,
      rules: sql`coalesce((select jsonb_agg(distinct r order by r) from ${eventSources}, jsonb_array_elements_text(${eventSources.rules}) r where ${eventSources.eventId} = ${events.id}), '[]'::jsonb)`,
      sourceCount: sql`(select count(distinct ${articles.feedId})::int from ${eventSources} join ${articles} on ${articles.id} = ${eventSources.articleId} where ${eventSources.eventId} = ${events.id})`,
      status: sql`case when ${events.status} = 'candidate' and (select max(${eventSources.score}) from ${eventSources} where ${eventSources.eventId} = ${events.id}) >= ${threshold} then 'flagged' else ${events.status} end`,
      novel: sql`${events.novel} or ${anyOf(events.id, novelIds)}`,
      updatedAt: new Date(),
    })
    .where(anyOf(events.id, ids));
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
