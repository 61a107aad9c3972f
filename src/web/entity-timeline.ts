// An entity's events by month for its page's chart: every month from its first event to the later of its last
// event and now (quiet months as zeros, so the gaps show), at most the last 36; per month its events and the
// confirmed ones, by event date (when it happened).
import type { EventListItem } from "../store/repositories/events.ts";
import { periodsOf } from "../store/repositories/timeline.ts";
import type { WeekPoint } from "./indicator-overview.ts";

export const ENTITY_CHART_MONTHS = 36;

export function entityMonths(events: readonly EventListItem[], now: Date): WeekPoint[] {
  if (events.length === 0) return [];
  const months = events.map((e) => e.occurredAt.slice(0, 7)).sort();
  const last = [months[months.length - 1]!, now.toISOString().slice(0, 7)].sort()[1]!;
  const end = new Date(`${last}-01T00:00:00Z`);
  end.setUTCMonth(end.getUTCMonth() + 1);
  const earliest = new Date(end);
  earliest.setUTCMonth(earliest.getUTCMonth() - ENTITY_CHART_MONTHS);
  const start = new Date(Math.max(Date.parse(`${months[0]!}-01T00:00:00Z`), earliest.getTime()));
  return periodsOf(start, end, "month").map((period) => {
    const mine = events.filter((e) => e.occurredAt.startsWith(period.slice(0, 7)));
    return { week: period.slice(0, 7), weekStart: period, flagged: mine.length, confirmed: mine.filter((e) => e.status === "confirmed").length };
  });
}
