// What chipwatch knows about one org, model or chip: how articles write its name, the claims it is in (as subject
// or as chip) with when they were first seen, by how many outlets and how they were reviewed, the events whose
// sources name it, with a monthly timeline by event date, and the entities named in the same articles.
import { and, desc, eq, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../db.ts";
import { articles, claims, mentions } from "../schema.ts";
import { claimReviewStates, type ClaimReviewState } from "./analytics.ts";
import { allEvents, type EventListItem } from "./events.ts";

export const ENTITY_TYPES = ["org", "model", "chip"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityClaim {
  subject: string;
  /** "model" or "org". */
  subjectType: string;
  chip: string;
  stage: string;
  firstSeenAt: string;
  /** Independent outlets (distinct feeds) that made the claim. */
  sources: number;
  negated: boolean;
  /** As on the claims page: from the events its articles support. */
  reviewState: ClaimReviewState;
}

/** Another entity named in the same articles, and in how many. */
export interface RelatedEntity {
  type: EntityType;
  name: string;
  articles: number;
}

const RELATED_LIMIT = 30;

export interface EntityView {
  entity: { type: EntityType; name: string };
  /** Surfaces articles wrote it as (any language). */
  aliases: string[];
  claims: EntityClaim[];
  events: EventListItem[];
  timeline: { period: string; events: number }[];
  /** Most often named alongside it first. */
  related: RelatedEntity[];
}

export async function entityView(db: Db, type: EntityType, name: string): Promise<EntityView | null> {
  const named = and(eq(mentions.type, type), sql`lower(${mentions.name}) = lower(${name})`);
  const surfaces = await db.selectDistinct({ name: mentions.name, surface: mentions.surface }).from(mentions).where(named).limit(200);
  if (surfaces.length === 0) return null;
  const canonical = surfaces[0]!.name;
  const claimRows = await db
    .select({
      subject: claims.subject,
      chip: claims.chip,
      stage: claims.stage,
      negated: claims.negated,
      subjectType: sql<string>`min(${claims.subjectType})`,
      articleIds: sql<(number | string)[]>`array_agg(distinct ${claims.articleId})`,
      firstSeenAt: sql<Date | string>`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt}))`,
      sources: sql<number>`count(distinct ${articles.feedId})::int`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(type === "chip" ? eq(claims.chip, canonical) : or(eq(claims.subject, canonical), eq(claims.chip, canonical)))
    .groupBy(claims.subject, claims.chip, claims.stage, claims.negated)
    .orderBy(sql`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt}))`);
  const states = await claimReviewStates(db, claimRows.map((c) => c.articleIds.map(Number)));
  const events = await allEvents(db, { [type]: canonical }, 500);
  const months = new Map<string, number>();
  for (const e of events) months.set(e.occurredAt.slice(0, 7), (months.get(e.occurredAt.slice(0, 7)) ?? 0) + 1);
  return {
    entity: { type, name: canonical },
    aliases: [...new Set(surfaces.map((s) => s.surface))].sort(),
    claims: claimRows.map(({ articleIds: _, ...c }, i) => ({
      ...c,
      firstSeenAt: new Date(c.firstSeenAt).toISOString(),
      sources: Number(c.sources),
      reviewState: states[i]!,
    })),
    events,
    timeline: [...months].sort().map(([period, n]) => ({ period, events: n })),
    related: await relatedEntities(db, type, canonical),
  };
}

async function relatedEntities(db: Db, type: EntityType, name: string): Promise<RelatedEntity[]> {
  const other = alias(mentions, "other");
  const rows = await db
    .select({ type: other.type, name: other.name, articles: sql<number>`count(distinct ${other.articleId})::int` })
    .from(mentions)
    .innerJoin(other, eq(other.articleId, mentions.articleId))
    .where(and(eq(mentions.type, type), eq(mentions.name, name), or(ne(other.type, type), ne(other.name, name))))
    .groupBy(other.type, other.name)
    .orderBy(desc(sql`count(distinct ${other.articleId})`), other.name)
    .limit(RELATED_LIMIT);
  return rows.flatMap((r) => (isEntityType(r.type) ? [{ type: r.type, name: r.name, articles: Number(r.articles) }] : []));
}

const isEntityType = (v: string): v is EntityType => (ENTITY_TYPES as readonly string[]).includes(v);
