// Stores one article's extraction: mentions, claims, and its share of indicator events. Re-running it for the same
// article (a retried job, or reprocess after a catalog change) converges to the same rows.
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Extraction } from "../../extract/types.ts";
import type { Db } from "../db.ts";
import { articles, claims, eventSources, events, feeds, mentions, reviews } from "../schema.ts";

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

export async function saveExtraction(
  db: Db,
  article: { id: number; title: string; clusterId: number },
  extraction: Extraction,
  opts: SaveOptions,
): Promise<SavedExtraction> {
  return db.transaction(async (tx) => {
    await tx.delete(mentions).where(eq(mentions.articleId, article.id));
    if (extraction.entities.length > 0) {
      await tx
        .insert(mentions)
        .values(
          extraction.entities.map((e) => ({
            articleId: article.id,
            type: e.type,
            name: e.name,
            surface: e.surface,
            start: e.start,
            end: e.end,
            discovered: e.discovered ?? false,
          })),
        )
        .onConflictDoNothing();
    }

    await tx.delete(claims).where(eq(claims.articleId, article.id));
    if (extraction.claims.length > 0) {
      await tx
        .insert(claims)
        .values(
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
        )
        .onConflictDoNothing();
    }

    // Novelty: the article carries a (subject, chip, stage) claim that no other stored article has made.
    const novel =
      extraction.claims.length > 0 &&
      (await Promise.all(
        extraction.claims
          .filter((c) => !c.negated)
          .map(async (c) => {
            const [row] = await tx
              .select({ n: sql<number>`count(*)::int` })
              .from(claims)
              .where(
                and(
                  eq(claims.subject, c.subject),
                  eq(claims.chip, c.chip),
                  eq(claims.stage, c.stage),
                  eq(claims.negated, false),
                  sql`${claims.articleId} <> ${article.id}`,
                ),
              );
            return Number(row?.n ?? 0) === 0;
          }),
      ).then((flags) => flags.some(Boolean)));

    const before = await tx
      .select({ eventId: eventSources.eventId, indicator: events.indicator })
      .from(eventSources)
      .innerJoin(events, eq(events.id, eventSources.eventId))
      .where(eq(eventSources.articleId, article.id));

    const eventIds: number[] = [];
    const newlyFlagged: number[] = [];
    for (const hit of extraction.indicators) {
      const status = hit.score >= opts.flagThreshold ? "flagged" : "candidate";
      const [existing] = await tx
        .select({ id: events.id, status: events.status })
        .from(events)
        .where(and(eq(events.indicator, hit.id), eq(events.clusterId, article.clusterId)));
      let eventId: number;
      if (!existing) {
        const [created] = await tx
          .insert(events)
          .values({
            indicator: hit.id,
            clusterId: article.clusterId,
            title: article.title,
            score: hit.score,
            rules: hit.rules,
            status,
            novel,
          })
          .onConflictDoNothing()
          .returning({ id: events.id });
        if (created) {
          eventId = created.id;
          if (status === "flagged") newlyFlagged.push(eventId);
        } else {
          // Another worker created it between our select and insert.
          const [raced] = await tx
            .select({ id: events.id })
            .from(events)
            .where(and(eq(events.indicator, hit.id), eq(events.clusterId, article.clusterId)));
          eventId = raced!.id;
        }
      } else {
        eventId = existing.id;
        if (existing.status === "candidate" && status === "flagged") newlyFlagged.push(eventId);
      }
      await tx
        .insert(eventSources)
        .values({ eventId, articleId: article.id, score: hit.score, rules: hit.rules, evidence: hit.evidence })
        .onConflictDoUpdate({
          target: [eventSources.eventId, eventSources.articleId],
          set: { score: hit.score, rules: hit.rules, evidence: hit.evidence },
        });
      eventIds.push(eventId);
    }

    const kept = eventIds.length > 0 ? eventIds : [-1];
    const dropped = before.filter((b) => !eventIds.includes(b.eventId));
    if (dropped.length > 0) {
      await tx
        .delete(eventSources)
        .where(and(eq(eventSources.articleId, article.id), notInArray(eventSources.eventId, kept)));
    }
    const touched = [...new Set([...eventIds, ...dropped.map((d) => d.eventId)])];
    if (touched.length > 0) await refreshEvents(tx as unknown as Db, touched, opts.flagThreshold, novel);

    await tx
      .update(articles)
      .set({ rulesetVersion: extraction.rulesetVersion, extractedAt: new Date() })
      .where(eq(articles.id, article.id));

    const beforeIndicators = new Set(before.map((b) => b.indicator));
    const afterIndicators = new Set(extraction.indicators.map((i) => i.id as string));
    return {
      eventIds,
      newlyFlagged,
      removedIndicators: [...beforeIndicators].filter((i) => !afterIndicators.has(i)),
      addedIndicators: [...afterIndicators].filter((i) => !beforeIndicators.has(i)),
    };
  });
}

/**
 * Recomputes each event from its sources: best score, union of rules, number of independent sources (distinct
 * feeds). An unreviewed event left with no source is deleted; a reviewed one is kept for the audit trail.
 */
async function refreshEvents(db: Db, ids: number[], threshold: number, novel: boolean): Promise<void> {
  await db
    .update(events)
    .set({
      score: sql`coalesce((select max(${eventSources.score}) from ${eventSources} where ${eventSources.eventId} = ${events.id}), ${events.score})`,
      rules: sql`coalesce((select jsonb_agg(distinct r order by r) from ${eventSources}, jsonb_array_elements_text(${eventSources.rules}) r where ${eventSources.eventId} = ${events.id}), '[]'::jsonb)`,
      sourceCount: sql`(select count(distinct ${articles.feedId})::int from ${eventSources} join ${articles} on ${articles.id} = ${eventSources.articleId} where ${eventSources.eventId} = ${events.id})`,
      status: sql`case when ${events.status} = 'candidate' and (select max(${eventSources.score}) from ${eventSources} where ${eventSources.eventId} = ${events.id}) >= ${threshold} then 'flagged' else ${events.status} end`,
      novel: novel ? sql`true` : sql`${events.novel}`,
      updatedAt: new Date(),
    })
    .where(inArray(events.id, ids));
  await db
    .delete(events)
    .where(
      and(
        inArray(events.id, ids),
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
