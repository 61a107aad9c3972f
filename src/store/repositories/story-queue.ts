// The review queue by story: one item per story with flagged evidence, carrying every indicator event of the story
// (flagged ones to decide, decided and candidate ones for context), most important story first (the highest
// priority among its flagged events).
import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { events } from "../schema.ts";
import { allEvents, priorityExpr, type EventListItem } from "./events.ts";
import type { StoryBrief } from "./stories.ts";

export interface StoryQueueItem {
  story: StoryBrief;
  /** The title of the story's most important event. */
  title: string;
  /** When it happened: the earliest event date of its events. */
  occurredAt: string;
  priority: number;
  /** Its indicator events, flagged first, then by score. */
  events: EventListItem[];
}

export interface StoryQueuePage {
  items: StoryQueueItem[];
  /** Stories with flagged events. */
  total: number;
  page: number;
  limit: number;
}

const ORDER: Record<string, number> = { flagged: 0, confirmed: 1, dismissed: 2, candidate: 3 };

export async function storyQueue(db: Db, opts: { page: number; limit: number }): Promise<StoryQueuePage> {
  const flagged = eq(events.status, "flagged");
  const [count] = await db.select({ n: sql<number>`count(distinct ${events.clusterId})::int` }).from(events).where(flagged);
  const top = await db
    .select({ clusterId: events.clusterId, priority: sql<number>`max(${priorityExpr})` })
    .from(events)
    .where(flagged)
    .groupBy(events.clusterId)
    .orderBy(desc(sql`max(${priorityExpr})`), desc(events.clusterId))
    .limit(opts.limit)
    .offset((opts.page - 1) * opts.limit);
  const all = await allEvents(db, { stories: top.map((t) => t.clusterId) });
  const items = top.map(({ clusterId }): StoryQueueItem => {
    const mine = all
      .filter((e) => e.story.id === clusterId)
      .sort((a, b) => ORDER[a.status]! - ORDER[b.status]! || b.score - a.score || a.id - b.id);
    const lead = mine.filter((e) => e.status === "flagged").sort((a, b) => b.priority - a.priority)[0] ?? mine[0]!;
    return {
      story: lead.story,
      title: lead.title,
      occurredAt: mine.map((e) => e.occurredAt).sort()[0]!,
      priority: lead.priority,
      events: mine,
    };
  });
  return { items, total: Number(count?.n ?? 0), page: opts.page, limit: opts.limit };
}
