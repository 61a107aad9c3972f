// Aggregates for the analyst views: indicator states and weekly series, the claims table, rule precision, feed health.
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../db.ts";
import type { ListingSelectors } from "../../ingest/source-kind.ts";
import type { EventStatus } from "../../review/status.ts";
import { articles, claims, eventSources, events, feeds, mentions } from "../schema.ts";
import { eventDate } from "./events.ts";

export type IndicatorState = "unseen" | "weak" | "corroborated" | "confirmed";

export interface IndicatorCounts {
  indicator: string;
  counts: Record<EventStatus, number>;
  /** Non-dismissed, non-candidate events with two or more independent sources. */
  corroboratedEvents: number;
}

/**
 * The state of one indicator from its event counts: confirmed once an analyst confirmed any event; corroborated
 * when two flagged stories, or one flagged story from two independent feeds, support it; weak with anything
 * flagged or a candidate; unseen otherwise (dismissed-only evidence counts as none).
 */
export function indicatorState(c: IndicatorCounts): IndicatorState {
  if (c.counts.confirmed > 0) return "confirmed";
  if (c.counts.flagged >= 2 || c.corroboratedEvents > 0) return "corroborated";
  if (c.counts.flagged > 0 || c.counts.candidate > 0) return "weak";
  return "unseen";
}

const zeroCounts = (): Record<EventStatus, number> => ({ flagged: 0, candidate: 0, confirmed: 0, dismissed: 0 });

export async function indicatorCounts(db: Db, indicators: readonly string[]): Promise<IndicatorCounts[]> {
  const rows = await db
    .select({
      indicator: events.indicator,
      status: events.status,
      n: sql<number>`count(*)::int`,
      corroborated: sql<number>`(count(*) filter (where ${events.sourceCount} >= 2))::int`,
    })
    .from(events)
    .groupBy(events.indicator, events.status);
  const ids = [...new Set([...indicators, ...rows.map((r) => r.indicator)])];
  return ids.map((indicator) => {
    const counts = zeroCounts();
    let corroboratedEvents = 0;
    for (const r of rows.filter((x) => x.indicator === indicator)) {
      counts[r.status] = Number(r.n);
      if (r.status === "flagged" || r.status === "confirmed") corroboratedEvents += Number(r.corroborated);
    }
    return { indicator, counts, corroboratedEvents };
  });
}

export interface WeekCount {
  indicator: string;
  /** Monday of the ISO week, YYYY-MM-DD (UTC). */
  weekStart: string;
  /** Events that happened that week (event date) and reached the review queue (flagged, confirmed or dismissed). */
  flagged: number;
  confirmed: number;
}

export async function weeklyCounts(db: Db, since: Date): Promise<WeekCount[]> {
  const rows = await queryRows<{ indicator: string; week_start: string; flagged: number | string; confirmed: number | string }>(
    db,
    sql`select ${events.indicator} as indicator,
          to_char(date_trunc('week', ${eventDate} at time zone 'UTC'), 'YYYY-MM-DD') as week_start,
          count(*) filter (where ${events.status} <> 'candidate') as flagged,
          count(*) filter (where ${events.status} = 'confirmed') as confirmed
        from ${events}
        where ${eventDate} >= ${since.toISOString()}::timestamptz
        group by 1, 2
        order by 2`,
  );
  return rows.map((r) => ({
    indicator: r.indicator,
    weekStart: r.week_start,
    flagged: Number(r.flagged),
    confirmed: Number(r.confirmed),
  }));
}

export interface ConfirmedEvidence {
  id: number;
  indicator: string;
  title: string;
  reviewedAt: string | null;
  url: string | null;
}

/** The latest confirmed events per indicator (up to `per` each). */
export async function latestConfirmed(db: Db, per = 3): Promise<ConfirmedEvidence[]> {
  const rows = await queryRows<{ id: number | string; indicator: string; title: string; reviewed_at: string | Date | null; url: string | null }>(
    db,
    sql`select id, indicator, title, reviewed_at, url from (
          select e.id, e.indicator, e.title, e.reviewed_at,
            (select a.url from ${eventSources} es join ${articles} a on a.id = es.article_id
              where es.event_id = e.id order by es.created_at, a.id limit 1) as url,
            row_number() over (partition by e.indicator order by e.reviewed_at desc nulls last, e.id desc) as rn
          from ${events} e where e.status = 'confirmed') ranked
        where rn <= ${per}
        order by indicator, reviewed_at desc nulls last`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    indicator: r.indicator,
    title: r.title,
    reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at).toISOString(),
    url: r.url,
  }));
}

export interface ClaimFilter {
  /** Claims whose subject is this org, or whose article mentions it. */
  org?: string | undefined;
  /** Chip name or family prefix ("Huawei Ascend" also matches "Huawei Ascend 910C"). */
  chip?: string | undefined;
  domestic?: boolean | undefined;
  stage?: string | undefined;
}

export type ClaimReviewState = "confirmed" | "flagged" | "dismissed" | "unreviewed";

export interface ClaimRow {
  subject: string;
  subjectType: string;
  chip: string;
  chipDomestic: boolean;
  stage: string;
  /** The strongest modality any source gives: achieved > reported > planned; "denied" for negated claims. */
  modality: string;
  negated: boolean;
  firstSeen: string;
  sources: number;
  /** From the events the claim's articles support: any confirmed > any flagged > all dismissed > unreviewed. */
  reviewState: ClaimReviewState;
  articleIds: number[];
}

const MODALITY_RANK = ["achieved", "reported", "planned"];

function strongestModality(list: string[]): string {
  return [...list].sort((a, b) => rank(a) - rank(b))[0] ?? "reported";
}
function rank(m: string): number {
  const i = MODALITY_RANK.indexOf(m);
  return i < 0 ? MODALITY_RANK.length : i;
}

/**
 * The review state of claims, each given as the articles that make it: from the events those articles support (any
 * confirmed > any flagged > all dismissed > unreviewed). One query for all of them.
 */
export async function claimReviewStates(db: Db, articleIdsPerClaim: number[][]): Promise<ClaimReviewState[]> {
  const all = [...new Set(articleIdsPerClaim.flat())];
  const statusRows = all.length
    ? await db
        .selectDistinct({ articleId: eventSources.articleId, status: events.status })
        .from(eventSources)
        .innerJoin(events, eq(events.id, eventSources.eventId))
        .where(inArray(eventSources.articleId, all))
    : [];
  return articleIdsPerClaim.map((ids) => {
    const mine = new Set(ids);
    return reviewStateOf(statusRows.filter((s) => mine.has(Number(s.articleId))).map((s) => s.status));
  });
}

function reviewStateOf(statuses: EventStatus[]): ClaimReviewState {
  if (statuses.includes("confirmed")) return "confirmed";
  if (statuses.includes("flagged")) return "flagged";
  if (statuses.length > 0 && statuses.every((s) => s === "dismissed")) return "dismissed";
  return "unreviewed";
}

export async function claimTable(db: Db, f: ClaimFilter, cap = 5_000): Promise<ClaimRow[]> {
  const conds: (SQL | undefined)[] = [
    f.chip ? sql`lower(${claims.chip}) like lower(${f.chip}) || '%'` : undefined,
    f.domestic === undefined ? undefined : eq(claims.chipDomestic, f.domestic),
    f.stage ? eq(claims.stage, f.stage) : undefined,
    f.org
      ? sql`(lower(${claims.subject}) = lower(${f.org}) or exists (select 1 from ${mentions} where ${mentions.articleId} = ${claims.articleId} and ${mentions.type} = 'org' and lower(${mentions.name}) = lower(${f.org})))`
      : undefined,
  ];
  const rows = await db
    .select({
      subject: claims.subject,
      subjectType: sql<string>`min(${claims.subjectType})`,
      chip: claims.chip,
      chipDomestic: sql<boolean>`bool_or(${claims.chipDomestic})`,
      stage: claims.stage,
      negated: claims.negated,
      modalities: sql<string[]>`array_agg(distinct ${claims.modality})`,
      firstSeen: sql<string>`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt}))`,
      articleIds: sql<(number | string)[]>`array_agg(distinct ${claims.articleId})`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(and(...conds))
    .groupBy(claims.subject, claims.chip, claims.stage, claims.negated)
    .orderBy(sql`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt})) desc`, asc(claims.subject))
    .limit(cap);
  const articleIds = rows.map((r) => r.articleIds.map(Number).sort((a, b) => a - b));
  const states = await claimReviewStates(db, articleIds);
  return rows.map((r, i) => {
    const ids = articleIds[i]!;
    return {
      subject: r.subject,
      subjectType: r.subjectType,
      chip: r.chip,
      chipDomestic: Boolean(r.chipDomestic),
      stage: r.stage,
      modality: r.negated ? "denied" : strongestModality(parsePgArray(r.modalities)),
      negated: r.negated,
      firstSeen: new Date(r.firstSeen).toISOString(),
      sources: ids.length,
      reviewState: states[i]!,
      articleIds: ids,
    };
  });
}

/** postgres.js returns text[] as an array; a raw "{a,b}" string is handled for drivers that do not parse it. */
function parsePgArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v.replace(/^\{|\}$/g, "").split(",").filter(Boolean);
}

export interface RuleStats {
  rule: string;
  events: number;
  confirmed: number;
  dismissed: number;
  /** confirmed / (confirmed + dismissed), null before any review. */
  precision: number | null;
}

export async function ruleStats(db: Db): Promise<RuleStats[]> {
  const rows = await queryRows<{ rule: string; events: number | string; confirmed: number | string; dismissed: number | string }>(
    db,
    sql`select r as rule, count(*) as events,
          count(*) filter (where e.status = 'confirmed') as confirmed,
          count(*) filter (where e.status = 'dismissed') as dismissed
        from ${events} e, jsonb_array_elements_text(e.rules) r
        group by r order by count(*) desc, r`,
  );
  return rows.map((r) => {
    const confirmed = Number(r.confirmed);
    const dismissed = Number(r.dismissed);
    return {
      rule: r.rule,
      events: Number(r.events),
      confirmed,
      dismissed,
      precision: confirmed + dismissed > 0 ? confirmed / (confirmed + dismissed) : null,
    };
  });
}

export interface FeedHealth {
  id: number;
  url: string;
  /** rss, html, github-releases, huggingface or sitemap. */
  kind: string;
  /** CSS selectors of an html source. */
  selectors: ListingSelectors | null;
  title: string;
  lang: string | null;
  timezone: string | null;
  enabled: boolean;
  disabledReason: string | null;
  /** Seconds between polls: FEED_DEFAULT_INTERVAL_S at first, then the pace the feed's schedule learned. */
  intervalSeconds: number;
  status: "ok" | "broken" | "disabled" | "silent" | "failing" | "new";
  lastFetchAt: string | null;
  lastSuccessAt: string | null;
  lastStatus: string | null;
  lastHttpStatus: number | null;
  lastError: string | null;
  nextFetchAt: string;
  errorCount: number;
  consecutiveErrors: number;
  brokenReason: string | null;
  /** Why the feed is failing or broken (its last error, e.g. "selectors matched nothing"); null when it is not. */
  failureReason: string | null;
  /** New articles this feed has produced since it was added. */
  itemsSeen: number;
  /** New articles per day over the last 7 days. */
  itemsPerDay: number;
  articles: number;
}

function feedStatus(f: typeof feeds.$inferSelect): FeedHealth["status"] {
  if (!f.enabled) return "disabled";
  if (f.broken) return "broken";
  if (!f.lastFetchAt) return "new";
  if (f.consecutiveErrors > 0) return "failing";
  if (f.silent) return "silent";
  return "ok";
}

export async function feedHealth(db: Db, now = new Date()): Promise<FeedHealth[]> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const list = await db.select().from(feeds).orderBy(desc(feeds.broken), asc(feeds.title), asc(feeds.id));
  const counts = await db
    .select({
      feedId: articles.feedId,
      total: sql<number>`count(*)::int`,
      recent: sql<number>`(count(*) filter (where ${gte(articles.fetchedAt, weekAgo)}))::int`,
    })
    .from(articles)
    .groupBy(articles.feedId);
  const byFeed = new Map(counts.map((c) => [c.feedId, c]));
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return list.map((f) => {
    const status = feedStatus(f);
    return {
    id: f.id,
    url: f.url,
    kind: f.kind,
    selectors: f.selectors ?? null,
    title: f.title,
    lang: f.lang,
    timezone: f.timezone,
    enabled: f.enabled,
    disabledReason: f.disabledReason,
    intervalSeconds: f.intervalSeconds,
    status,
    lastFetchAt: iso(f.lastFetchAt),
    lastSuccessAt: iso(f.lastSuccessAt),
    lastStatus: f.lastStatus,
    lastHttpStatus: f.lastHttpStatus,
    lastError: f.lastError,
    nextFetchAt: f.nextFetchAt.toISOString(),
    errorCount: f.errorCount,
    consecutiveErrors: f.consecutiveErrors,
    brokenReason: f.brokenReason,
    failureReason: status === "failing" || status === "broken" ? f.lastError : null,
    itemsSeen: f.itemsSeen,
    itemsPerDay: Math.round((Number(byFeed.get(f.id)?.recent ?? 0) / 7) * 10) / 10,
    articles: Number(byFeed.get(f.id)?.total ?? 0),
    };
  });
}
