// The review queue by story: one item per story with an event matching the queue's filter (flagged events by
// default), carrying every indicator event of the story (flagged ones to decide, decided and candidate ones for
// context), ordered by the best of its matching events (priority by default: the highest priority among them).
import { desc, max, sql, type SQL } from "drizzle-orm";
import type { Db } from "../db.ts";
import { events } from "../schema.ts";
import { allEvents, eventWhere, priorityExpr, type EventFilter, type EventListItem, type EventSort } from "./events.ts";
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
  /** Stories with an event matching the filter (with flagged events, by default). */
  total: number;
  page: number;
  limit: number;
}

export interface StoryQueueQuery {
  page: number;
  limit: number;
  /** Which events put a story in the queue; default: flagged ones. */
  filter?: EventFilter;
  /** Stories by the best of their matching events: priority (default), newest (first seen) or score. */
  sort?: EventSort;
}

const ORDER: Record<string, number> = { flagged: 0, confirmed: 1, dismissed: 2, candidate: 3 };

/** A story's rank under a sort: the best value among its matching events. */
function storyRank(sort: EventSort): SQL {
  switch (sort) {
    case "newest":
      return sql`${max(events.firstSeenAt)}`;
    case "score":
      return sql`${max(events.score)}`;
    case "priority":
      return sql`max(${priorityExpr})`;
  }
}

export async function storyQueue(db: Db, q: StoryQueueQuery): Promise<StoryQueuePage> {
  const where = eventWhere(q.filter ?? { status: "flagged" });
  const rank = storyRank(q.sort ?? "priority");
  const [count] = await db.select({ n: sql<number>`count(distinct ${events.clusterId})::int` }).from(events).where(where);
  const top = await db
    .select({ clusterId: events.clusterId })
    .from(events)
    .where(where)
    .groupBy(events.clusterId)
    .orderBy(desc(rank), desc(events.clusterId))
    .limit(q.limit)
    .offset((q.page - 1) * q.limit);
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
  return { items, total: Number(count?.n ?? 0), page: q.page, limit: q.limit };
}
