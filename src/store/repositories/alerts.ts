// Alert bookkeeping: an event is alerted once. Claiming sets alerted_at atomically, so of two workers that both saw an
// event become flagged, only one gets it back to send.
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Db } from "../db.ts";
import { events } from "../schema.ts";

export type AlertedEvent = typeof events.$inferSelect;

/** Marks as alerted, and returns, those of the events that are flagged, score at least `minScore` and were not alerted. */
export async function claimEventsToAlert(db: Db, eventIds: number[], minScore: number): Promise<AlertedEvent[]> {
  const ids = [...new Set(eventIds)];
  if (ids.length === 0) return [];
  return db
    .update(events)
    .set({ alertedAt: new Date() })
    .where(and(inArray(events.id, ids), isNull(events.alertedAt), eq(events.status, "flagged"), gte(events.score, minScore)))
    .returning();
}
