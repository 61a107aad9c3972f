// ISO 8601 weeks (Monday start, week 1 holds the year's first Thursday), in UTC.
const DAY = 86_400_000;

/** Monday 00:00 UTC of the week containing `d`. */
export function weekStart(d: Date): Date {
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const dow = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - dow * DAY);
}

/** "2026-W05" for a date. */
export function isoWeekOf(d: Date): string {
  const monday = weekStart(d);
  const thursday = new Date(monday.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** [Monday 00:00 UTC, next Monday) of an ISO week like "2026-W05"; null when it is not a valid week. */
export function isoWeekRange(week: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2]);
  // The Monday of week 1 is the Monday of the week that holds 4 January.
  const start = new Date(weekStart(new Date(Date.UTC(year, 0, 4))).getTime() + (n - 1) * 7 * DAY);
  if (n < 1 || isoWeekOf(start) !== week) return null;
  return { start, end: new Date(start.getTime() + 7 * DAY) };
}

/** The `count` weeks ending with the one containing `now`, oldest first, as Monday dates YYYY-MM-DD. */
export function recentWeekStarts(now: Date, count: number): string[] {
  const last = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * DAY).toISOString().slice(0, 10));
}
