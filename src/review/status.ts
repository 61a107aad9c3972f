// An event's review status and every rule that changes it: the score threshold that flags an event for the analyst,
// and the analyst's actions. Flags are sticky: a flagged event whose score later drops stays in the queue until an
// analyst decides, and a decided event is never re-flagged by new evidence.

export const EVENT_STATUSES = ["flagged", "candidate", "confirmed", "dismissed"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const REVIEW_ACTIONS = ["confirm", "dismiss", "note", "reopen"] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/**
 * The status an event has once its best source scores `bestScore`: a new (`null`) or candidate event at or above
 * the threshold is flagged, below it a candidate; any other status is kept.
 */
export function statusForScore(current: EventStatus | null, bestScore: number, threshold: number): EventStatus {
  if (current !== null && current !== "candidate") return current;
  return bestScore >= threshold ? "flagged" : "candidate";
}

/** The status an analyst's action leaves; null: the action (a note) does not change it. */
export const STATUS_AFTER_REVIEW: Readonly<Record<ReviewAction, EventStatus | null>> = {
  confirm: "confirmed",
  dismiss: "dismissed",
  note: null,
  reopen: "flagged",
};
