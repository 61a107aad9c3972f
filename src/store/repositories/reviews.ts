// Analyst decisions. Each one changes the event's status (except notes) and appends a row to the audit log, in the
// same transaction, so the log and the status never disagree.
import { asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db.ts";
import { STATUS_AFTER_REVIEW, type EventStatus, type ReviewAction } from "../../review/status.ts";
import { events, reviews } from "../schema.ts";

export interface ReviewInput {
  ids: number[];
  action: ReviewAction;
  note?: string | null | undefined;
  actor: string;
}

export class UnknownEventsError extends Error {
  constructor(readonly missing: number[]) {
    super(`unknown event ids: ${missing.join(", ")}`);
    this.name = "UnknownEventsError";
  }
}

/** Applies one action to events; all or nothing: throws UnknownEventsError when any id does not exist. */
export async function reviewEvents(db: Db, input: ReviewInput): Promise<{ ids: number[]; status: EventStatus | null }> {
  const ids = [...new Set(input.ids)];
  const status = STATUS_AFTER_REVIEW[input.action];
  const note = input.note?.trim() ? input.note.trim() : null;
  await db.transaction(async (tx) => {
    const found = await tx.select({ id: events.id }).from(events).where(inArray(events.id, ids)).for("update");
    const have = new Set(found.map((r) => r.id));
    const missing = ids.filter((id) => !have.has(id));
    if (missing.length > 0) throw new UnknownEventsError(missing);
    if (status) {
      const now = new Date();
      await tx
        .update(events)
        .set({ status, reviewedAt: status === "flagged" ? null : now, updatedAt: now })
        .where(inArray(events.id, ids));
    }
    await tx.insert(reviews).values(ids.map((eventId) => ({ eventId, action: input.action, note, actor: input.actor })));
  });
  return { ids, status };
}

export type Review = typeof reviews.$inferSelect;

export async function reviewHistory(db: Db, eventId: number): Promise<Review[]> {
  return db.select().from(reviews).where(eq(reviews.eventId, eventId)).orderBy(asc(reviews.createdAt), asc(reviews.id));
}
