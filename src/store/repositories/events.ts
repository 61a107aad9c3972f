// Reading events for the analyst: the filtered, ordered queue, and one event with all its evidence.
import { and, asc, desc, eq, exists, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db.ts";
import { priorityFormula, priorityOf, type PriorityArithmetic } from "../../review/priority.ts";
import type { EventStatus } from "../../review/status.ts";
import { articles, claims, eventSources, events, feeds, mentions } from "../schema.ts";
import { TITLE_SEPARATOR } from "../../extract/types.ts";
import { articleBody } from "./articles.ts";
import { claimFacts } from "./claim-facts.ts";
import { storyBriefs, type StoryBrief } from "./stories.ts";

/** Queue priority (review/priority.ts) as SQL, for ordering. */
const sqlArithmetic: PriorityArithmetic<SQL, SQL> = {
  // Code constants, inlined as literals: a parameter next to an integer column would be typed integer.
  constant: (n) => sql.raw(String(n)),
  add: (a, b) => sql`(${a} + ${b})`,
  times: (a, b) => sql`(${a} * ${b})`,
  clamp: (x, lo, hi) => sql`least(greatest(${x}, ${lo}), ${hi})`,
  when: (condition, then, otherwise) => sql`case when ${condition} then ${then} else ${otherwise} end`,
};
export const priorityExpr = priorityFormula(sqlArithmetic, { score: sql`${events.score}`, novel: sql`${events.novel}`, sourceCount: sql`${events.sourceCount}` });

/** An event's date: when it happened (its earliest published source), or when first seen if that is not known. */
export const eventDate = sql<Date>`coalesce(${events.occurredAt}, ${events.firstSeenAt})`;

export const EVENT_SORTS = ["priority", "newest", "score"] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export interface EventFilter {
  status?: EventStatus | undefined;
  indicator?: string | undefined;
  /** Canonical org name mentioned in one of the event's sources (case-insensitive). */
  org?: string | undefined;
  chip?: string | undefined;
  /** Canonical model name mentioned in one of the event's sources (case-insensitive). */
  model?: string | undefined;
  /** Language of one of the event's sources. */
  lang?: string | undefined;
  /** Happened (event date: earliest published source, else first seen) at or after. */
  from?: Date | undefined;
  /** Happened before. */
  to?: Date | undefined;
  /** Case-insensitive substring of the title. */
  q?: string | undefined;
  /** Events of these stories (story cluster ids) only. */
  stories?: number[] | undefined;
}

function hasSourceWhere(cond: SQL): SQL {
  return sql`exists (select 1 from ${eventSources} where ${eventSources.eventId} = ${events.id} and ${cond})`;
}

function mentionCondition(type: "org" | "model" | "chip", name: string): SQL {
  return hasSourceWhere(
    sql`exists (select 1 from ${mentions} where ${mentions.articleId} = ${eventSources.articleId} and ${mentions.type} = ${type} and lower(${mentions.name}) = lower(${name}))`,
  );
}

export function eventWhere(f: EventFilter): SQL | undefined {
  return and(
    f.status ? eq(events.status, f.status) : undefined,
    f.indicator ? eq(events.indicator, f.indicator) : undefined,
    f.org ? mentionCondition("org", f.org) : undefined,
    f.chip ? mentionCondition("chip", f.chip) : undefined,
    f.model ? mentionCondition("model", f.model) : undefined,
    f.lang
      ? hasSourceWhere(
          sql`exists (select 1 from ${articles} where ${articles.id} = ${eventSources.articleId} and lower(${articles.lang}) like lower(${f.lang}) || '%')`,
        )
      : undefined,
    f.from ? sql`${eventDate} >= ${f.from.toISOString()}::timestamptz` : undefined,
    f.to ? sql`${eventDate} < ${f.to.toISOString()}::timestamptz` : undefined,
    f.q ? titleLike(f.q) : undefined,
    f.stories ? inArray(events.clusterId, f.stories.length > 0 ? f.stories : [-1]) : undefined,
  );
}

function orderFor(sort: EventSort): SQL[] {
  switch (sort) {
    case "newest":
      return [desc(events.firstSeenAt), desc(events.id)];
    case "score":
      return [desc(events.score), desc(events.firstSeenAt), desc(events.id)];
    case "priority":
      return [sql`${priorityExpr} desc`, desc(events.firstSeenAt), desc(events.id)];
  }
}

export interface EntityNames {
  org: string[];
  model: string[];
  chip: string[];
}

export interface ClaimSummary {
  subject: string;
  /** "model" or "org": which entity page the subject is. */
  subjectType: string;
  chip: string;
  stage: string;
  modality: string;
  negated: boolean;
}

export interface EventListItem {
  id: number;
  indicator: string;
  title: string;
  status: EventStatus;
  score: number;
  priority: number;
  novel: boolean;
  sourceCount: number;
  rules: string[];
  firstSeenAt: string;
  /** When it happened: the earliest published time among its sources (first seen when none is dated). */
  occurredAt: string;
  updatedAt: string;
  reviewedAt: string | null;
  /** The first source (the earliest added): where "open source" goes. */
  url: string | null;
  feed: string | null;
  lang: string | null;
  publishedAt: string | null;
  entities: EntityNames;
  claim: ClaimSummary | null;
  sources: SourceBrief[];
  /** The story this event is evidence from: its languages and independent outlets, across every indicator. */
  story: StoryBrief;
}

export interface SourceBrief {
  title: string;
  url: string;
  feed: string;
  /** The article's language as stored (e.g. "en", "zh-CN"), if known. */
  lang: string | null;
  publishedAt: string | null;
}

export interface EventPage {
  items: EventListItem[];
  total: number;
  page: number;
  limit: number;
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export async function listEvents(
  db: Db,
  filter: EventFilter,
  opts: { sort: EventSort; page: number; limit: number },
): Promise<EventPage> {
  const where = eventWhere(filter);
  const [countRow] = await db.select({ n: sql<number>`count(*)::int` }).from(events).where(where);
  const rows = await db
    .select()
    .from(events)
    .where(where)
    .orderBy(...orderFor(opts.sort))
    .limit(opts.limit)
    .offset((opts.page - 1) * opts.limit);
  return { items: await decorate(db, rows), total: Number(countRow?.n ?? 0), page: opts.page, limit: opts.limit };
}

/** Every event matching a filter, in priority order (exports). Capped so an export cannot exhaust memory. */
export async function allEvents(db: Db, filter: EventFilter, cap = 50_000): Promise<EventListItem[]> {
  const rows = await db
    .select()
    .from(events)
    .where(eventWhere(filter))
    .orderBy(...orderFor("priority"))
    .limit(cap);
  return decorate(db, rows);
}

type EventRow = typeof events.$inferSelect;

/** Adds the first source, entity names and the main claim to each event, with one query each for the whole page. */
async function decorate(db: Db, rows: EventRow[]): Promise<EventListItem[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const sources = await db
    .select({
      eventId: eventSources.eventId,
      articleId: articles.id,
      title: articles.title,
      url: articles.url,
      lang: articles.lang,
      publishedAt: articles.publishedAt,
      feed: feeds.title,
      feedUrl: feeds.url,
    })
    .from(eventSources)
    .innerJoin(articles, eq(articles.id, eventSources.articleId))
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(inArray(eventSources.eventId, ids))
    .orderBy(asc(eventSources.addedAt), asc(articles.id));
  const articleIds = [...new Set(sources.map((s) => s.articleId))];
  const stories = await storyBriefs(db, rows.map((r) => r.clusterId));
  const mentionRows = articleIds.length
    ? await db
        .selectDistinct({ articleId: mentions.articleId, type: mentions.type, name: mentions.name })
        .from(mentions)
        .where(inArray(mentions.articleId, articleIds))
    : [];
  const claimRows = articleIds.length
    ? await db
        .select({
          articleId: claims.articleId,
          subject: claims.subject,
          subjectType: claims.subjectType,
          chip: claims.chip,
          stage: claims.stage,
          modality: claims.modality,
          negated: claims.negated,
        })
        .from(claims)
        .where(inArray(claims.articleId, articleIds))
        .orderBy(asc(claims.negated), asc(claims.id))
    : [];

  return rows.map((r) => {
    const mine = sources.filter((s) => s.eventId === r.id);
    const arts = new Set(mine.map((s) => s.articleId));
    const entities: EntityNames = { org: [], model: [], chip: [] };
    for (const m of mentionRows) {
      if (!arts.has(m.articleId)) continue;
      const list = entities[m.type as keyof EntityNames];
      if (list && !list.includes(m.name)) list.push(m.name);
    }
    for (const list of Object.values(entities)) list.sort();
    const claim = claimRows.find((c) => arts.has(c.articleId));
    const first = mine[0];
    const feedName = (s: { feed: string; feedUrl: string }) => s.feed || s.feedUrl;
    return {
      id: r.id,
      indicator: r.indicator,
      title: r.title,
      status: r.status,
      score: r.score,
      priority: Math.round(priorityOf(r) * 1000) / 1000,
      novel: r.novel,
      sourceCount: r.sourceCount,
      rules: r.rules,
      firstSeenAt: iso(r.firstSeenAt)!,
      occurredAt: iso(r.occurredAt ?? r.firstSeenAt)!,
      updatedAt: iso(r.updatedAt)!,
      reviewedAt: iso(r.reviewedAt),
      url: first?.url ?? null,
      feed: first ? feedName(first) : null,
      lang: first?.lang ?? null,
      publishedAt: iso(first?.publishedAt ?? null),
      entities,
      claim: claim
        ? { subject: claim.subject, subjectType: claim.subjectType, chip: claim.chip, stage: claim.stage, modality: claim.modality, negated: claim.negated }
        : null,
      sources: mine.map((s) => ({ title: s.title, url: s.url, feed: feedName(s), lang: s.lang, publishedAt: iso(s.publishedAt) })),
      story: stories.get(r.clusterId) ?? { id: r.clusterId, languages: [], sources: 0 },
    };
  });
}

/**
 * The text extraction offsets point into (Span in extract/types.ts): title, separator, body, where the body is the
 * one jobs/extract-and-store.ts extracts (articleBody: the full page when longer than the feed summary).
 */
export function extractionText(a: { title: string; fullText: string | null; summary: string }): string {
  return a.title + TITLE_SEPARATOR + articleBody(a);
}

export interface MentionSpan {
  type: string;
  name: string;
  surface: string;
  start: number;
  end: number;
}

export interface EvidencePassage {
  start: number;
  end: number;
  text: string;
  /** Mentions inside the passage, with offsets relative to the passage start. */
  mentions: MentionSpan[];
}

export interface EventSourceDetail {
  articleId: number;
  title: string;
  url: string;
  feed: { id: number; title: string; url: string };
  publishedAt: string | null;
  fetchedAt: string;
  lang: string | null;
  score: number;
  rules: string[];
  evidence: EvidencePassage[];
  mentions: MentionSpan[];
  claims: (ClaimSummary & { chipDomestic: boolean; evidence: EvidencePassage })[];
}

export interface EventDetail {
  event: EventListItem;
  sources: EventSourceDetail[];
}

/** Cuts [start, end) out of the text, clamped, with the mentions that fall wholly inside it. */
function passage(text: string, span: { start: number; end: number }, all: MentionSpan[]): EvidencePassage {
  const start = Math.max(0, Math.min(span.start, text.length));
  const end = Math.max(start, Math.min(span.end, text.length));
  return {
    start,
    end,
    text: text.slice(start, end),
    mentions: all
      .filter((m) => m.start >= start && m.end <= end && m.end > m.start)
      .map((m) => ({ ...m, start: m.start - start, end: m.end - start })),
  };
}

export async function getEventDetail(db: Db, id: number): Promise<EventDetail | null> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  if (!row) return null;
  const [event] = await decorate(db, [row]);
  const sourceRows = await db
    .select({ source: eventSources, article: articles, feed: { id: feeds.id, title: feeds.title, url: feeds.url } })
    .from(eventSources)
    .innerJoin(articles, eq(articles.id, eventSources.articleId))
    .innerJoin(feeds, eq(feeds.id, articles.feedId))
    .where(eq(eventSources.eventId, id))
    .orderBy(desc(eventSources.score), asc(articles.id));
  const articleIds = sourceRows.map((s) => s.article.id);
  const mentionRows = articleIds.length
    ? await db.select().from(mentions).where(inArray(mentions.articleId, articleIds)).orderBy(asc(mentions.start))
    : [];
  const claimRows = articleIds.length
    ? await db.select().from(claims).where(inArray(claims.articleId, articleIds)).orderBy(asc(claims.id))
    : [];
  const sources = sourceRows.map(({ source, article, feed }): EventSourceDetail => {
    const text = extractionText(article);
    const own: MentionSpan[] = mentionRows
      .filter((m) => m.articleId === article.id)
      .map((m) => ({ type: m.type, name: m.name, surface: m.surface, start: m.start, end: m.end }));
    return {
      articleId: article.id,
      title: article.title,
      url: article.url,
      feed,
      publishedAt: iso(article.publishedAt),
      fetchedAt: iso(article.fetchedAt)!,
      lang: article.lang,
      score: source.score,
      rules: source.rules,
      evidence: source.evidence.map((span) => passage(text, span, own)),
      mentions: own,
      claims: claimRows
        .filter((c) => c.articleId === article.id)
        .map((c) => ({ ...claimFacts(c), evidence: passage(text, { start: c.evidenceStart, end: c.evidenceEnd }, own) })),
    };
  });
  return { event: event!, sources };
}

/** Distinct values for the queue's filter drop-downs. */
export async function filterOptions(db: Db): Promise<{ orgs: string[]; chips: string[]; langs: string[] }> {
  const names = async (type: string) =>
    (
      await db
        .selectDistinct({ name: mentions.name })
        .from(mentions)
        .where(and(eq(mentions.type, type), exists(db.select({ one: sql`1` }).from(eventSources).where(eq(eventSources.articleId, mentions.articleId)))))
        .orderBy(asc(mentions.name))
        .limit(500)
    ).map((r) => r.name);
  const langs = (
    await db
      .selectDistinct({ lang: articles.lang })
      .from(articles)
      .where(sql`${articles.lang} is not null`)
      .orderBy(asc(articles.lang))
      .limit(50)
  ).map((r) => r.lang as string);
  return { orgs: await names("org"), chips: await names("chip"), langs };
}

/** Case-insensitive substring search over titles, for the queue's search box. */
function titleLike(q: string): SQL {
  return ilike(events.title, `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
}
