// An indicator's timeline by event date (when it happened, not when chipwatch saw it): events per week or month
// that reached review, and how the analysts decided them. Periods without events are present with zeros, so a
// chart of a back-filled year has its quiet months.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db.ts";
import { events } from "../schema.ts";
import { eventDate } from "./events.ts";

export const TIMELINE_BUCKETS = ["week", "month"] as const;
export type TimelineBucket = (typeof TIMELINE_BUCKETS)[number];

export interface TimelinePoint {
  /** First day of the period (Monday of the ISO week, or the 1st of the month), YYYY-MM-DD, UTC. */
  period: string;
  /** Events that happened in the period and reached the review queue (flagged now, or decided since). */
  flagged: number;
  confirmed: number;
  dismissed: number;
}

export interface TimelineQuery {
  indicator?: string | undefined;
  from: Date;
  /** Exclusive. */
  to: Date;
  bucket: TimelineBucket;
}

/** The periods of a range, in order (pure; UTC). */
export function periodsOf(from: Date, to: Date, bucket: TimelineBucket): string[] {
  const start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), bucket === "month" ? 1 : from.getUTCDate()));
  if (bucket === "week") start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const out: string[] = [];
  for (const d = start; d < to && out.length < 1000; bucket === "week" ? d.setUTCDate(d.getUTCDate() + 7) : d.setUTCMonth(d.getUTCMonth() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export async function timeline(db: Db, q: TimelineQuery): Promise<TimelinePoint[]> {
  const unit = sql.raw(q.bucket === "month" ? "'month'" : "'week'");
  const rows = await queryRows<{ period: string; flagged: number | string; confirmed: number | string; dismissed: number | string }>(
    db,
    sql`select to_char(date_trunc(${unit}, ${eventDate} at time zone 'UTC'), 'YYYY-MM-DD') as period,
          count(*) filter (where ${events.status} <> 'candidate') as flagged,
          count(*) filter (where ${events.status} = 'confirmed') as confirmed,
          count(*) filter (where ${events.status} = 'dismissed') as dismissed
        from ${events}
        where ${eventDate} >= ${q.from.toISOString()}::timestamptz and ${eventDate} < ${q.to.toISOString()}::timestamptz
          ${q.indicator ? sql`and ${events.indicator} = ${q.indicator}` : sql``}
        group by 1`,
  );
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  return periodsOf(q.from, q.to, q.bucket).map((period) => {
    const r = byPeriod.get(period);
    return { period, flagged: Number(r?.flagged ?? 0), confirmed: Number(r?.confirmed ?? 0), dismissed: Number(r?.dismissed ?? 0) };
  });
}
