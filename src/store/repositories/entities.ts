// What chipwatch knows about one org, model or chip: how articles write its name, the claims it is in (as subject
// or as chip) with when they were first seen and by how many outlets, and the events whose sources name it, with a
// monthly timeline by event date.
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { articles, claims, mentions } from "../schema.ts";
import { allEvents, type EventListItem } from "./events.ts";

export const ENTITY_TYPES = ["org", "model", "chip"] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityClaim {
  subject: string;
  chip: string;
  stage: string;
  firstSeenAt: string;
  sources: number;
  negated: boolean;
}

export interface EntityView {
  entity: { type: EntityType; name: string };
  /** Surfaces articles wrote it as (any language). */
  aliases: string[];
  claims: EntityClaim[];
  events: EventListItem[];
  timeline: { period: string; events: number }[];
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
      firstSeenAt: sql<Date | string>`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt}))`,
      sources: sql<number>`count(distinct ${articles.feedId})::int`,
    })
    .from(claims)
    .innerJoin(articles, eq(articles.id, claims.articleId))
    .where(type === "chip" ? eq(claims.chip, canonical) : or(eq(claims.subject, canonical), eq(claims.chip, canonical)))
    .groupBy(claims.subject, claims.chip, claims.stage, claims.negated)
    .orderBy(sql`min(coalesce(${articles.publishedAt}, ${articles.fetchedAt}))`);
  const events = await allEvents(db, { [type]: canonical }, 500);
  const months = new Map<string, number>();
  for (const e of events) months.set(e.occurredAt.slice(0, 7), (months.get(e.occurredAt.slice(0, 7)) ?? 0) + 1);
  return {
    entity: { type, name: canonical },
    aliases: [...new Set(surfaces.map((s) => s.surface))].sort(),
    claims: claimRows.map((c) => ({ ...c, firstSeenAt: new Date(c.firstSeenAt).toISOString(), sources: Number(c.sources) })),
    events,
    timeline: [...months].sort().map(([period, n]) => ({ period, events: n })),
  };
}
