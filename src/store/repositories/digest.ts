// What the weekly digest reads besides the week's events and the review queue: the claims made in the week, the
// claims made before it (to tell what is new), and each indicator's confirmed and flagged events up to the week's end
// with their stories' outlets counted before and until the week (to tell what became corroborated). The decisions are
// report/digest-brief.ts's; an article's date here is its event date: published, else fetched.
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db.ts";
import { articles, claims, eventSources, events } from "../schema.ts";
import { eventDate } from "./events.ts";

const articleDate = sql`coalesce(${articles.publishedAt}, ${articles.fetchedAt})`;
const iso = (d: Date | string): string => new Date(d).toISOString();
const at = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

export interface WeekClaim {
  subject: string;
  subjectType: string;
  chip: string;
  stage: string;
  modality: string;
  /** The article's date. */
  at: string;
  /** The story of the article. */
  clusterId: number;
}

/**
 * Affirmed claims (not denied, not planned) of the articles dated in [from, to) that are sources of a confirmed or
 * flagged event: what the week's evidence says happened.
 */
export async function claimsInWeek(db: Db, range: { from: Date; to: Date }): Promise<WeekClaim[]> {
  const rows = await db
    .selectDistinct({
      subject: claims.subject,
      subjectType: claims.subjectType,
      chip: claims.chip,
      stage: claims.stage,
      modality: claims.modality,
      at: sql<Date | string>`${articleDate}`,
      clusterId: articles.clusterId,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .innerJoin(eventSources, eq(eventSources.articleId, articles.id))
    .innerJoin(events, eq(events.id, eventSources.eventId))
    .where(
      and(
        eq(claims.negated, false),
        sql`${claims.modality} <> 'planned'`,
        inArray(events.status, ["confirmed", "flagged"]),
        sql`${articleDate} >= ${at(range.from)} and ${articleDate} < ${at(range.to)}`,
      ),
    );
  return rows.flatMap((r) => (r.clusterId === null ? [] : [{ ...r, at: iso(r.at), clusterId: Number(r.clusterId) }]));
}

export interface EarlierClaim {
  subject: string;
  subjectType: string;
  chip: string;
  stage: string;
  /** The first article date of this claim. */
  firstAt: string;
}

/**
 * Every kind of affirmed, not planned claim (subject, chip, stage) made in articles dated before `before`, once, with
 * its first date. A claim whose articles analysts dismissed wherever they were evidence does not count: it was judged
 * wrong, so the same claim this week is still news.
 */
export async function claimsBefore(db: Db, before: Date): Promise<EarlierClaim[]> {
  const judgedWrong = sql`(exists (select 1 from ${eventSources} where ${eventSources.articleId} = ${articles.id})
    and not exists (select 1 from ${eventSources} inner join ${events} on ${events.id} = ${eventSources.eventId}
      where ${eventSources.articleId} = ${articles.id} and ${events.status} <> 'dismissed'))`;
  const rows = await db
    .select({
      subject: claims.subject,
      subjectType: sql<string>`min(${claims.subjectType})`,
      chip: claims.chip,
      stage: claims.stage,
      firstAt: sql<Date | string>`min(${articleDate})`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(eq(claims.negated, false), sql`${claims.modality} <> 'planned'`, sql`${articleDate} < ${at(before)}`, sql`not ${judgedWrong}`))
    .groupBy(claims.subject, claims.chip, claims.stage);
  return rows.map((r) => ({ ...r, firstAt: iso(r.firstAt) }));
}

export interface IndicatorEvidence {
  eventId: number;
  indicator: string;
  status: "confirmed" | "flagged";
  title: string;
  /** When it happened (event date). */
  occurredAt: string;
  clusterId: number;
  /** Independent outlets (distinct feeds) among the story's articles dated before the week. */
  outletsBefore: number;
  /** The same, among the story's articles dated before the week's end. */
  outletsUntil: number;
}

/** The confirmed and flagged events that happened before `until`, with their stories' outlets before `start` and
 * before `until`. */
export async function indicatorEvidence(db: Db, range: { start: Date; until: Date }): Promise<IndicatorEvidence[]> {
  // Qualified by hand: inside the subquery an unqualified cluster_id would be the article's own.
  const story = sql`${sql.identifier("events")}.${sql.identifier("cluster_id")}`;
  const outlets = (before: Date) =>
    sql<number>`(select count(distinct ${articles.feedId})::int from ${articles} where ${articles.clusterId} = ${story} and ${articleDate} < ${at(before)})`;
  const rows = await db
    .select({
      eventId: events.id,
      indicator: events.indicator,
      status: events.status,
      title: events.title,
      occurredAt: sql<Date | string>`${eventDate}`,
      clusterId: events.clusterId,
      outletsBefore: outlets(range.start),
      outletsUntil: outlets(range.until),
    })
    .from(events)
    .where(and(inArray(events.status, ["confirmed", "flagged"]), sql`${eventDate} < ${at(range.until)}`));
  return rows.map((r) => ({
    ...r,
    status: r.status as IndicatorEvidence["status"],
    occurredAt: iso(r.occurredAt),
    outletsBefore: Number(r.outletsBefore),
    outletsUntil: Number(r.outletsUntil),
  }));
}
