// Everything the indicators view shows, computed once for the API and the page.
import { INDICATOR_IDS } from "../extract/types.ts";
import { indicatorLabel } from "../report/indicator-labels.ts";
import { isoWeekOf, recentWeekStarts } from "../report/iso-week.ts";
import type { Db } from "../store/db.ts";
import {
  indicatorCounts,
  indicatorState,
  latestConfirmed,
  weeklyCounts,
  type ConfirmedEvidence,
  type IndicatorState,
} from "../store/repositories/analytics.ts";
import type { EventStatus } from "../review/status.ts";

const CHART_WEEKS = 12;

export interface WeekPoint {
  week: string;
  weekStart: string;
  flagged: number;
  confirmed: number;
}

export interface IndicatorOverview {
  id: string;
  label: string;
  state: IndicatorState;
  counts: Record<EventStatus, number>;
  weekly: WeekPoint[];
  latestConfirmed: ConfirmedEvidence[];
}

export async function indicatorOverview(db: Db, now = new Date()): Promise<IndicatorOverview[]> {
  const weeks = recentWeekStarts(now, CHART_WEEKS);
  const [counts, weekly, confirmed] = await Promise.all([
    indicatorCounts(db, INDICATOR_IDS),
    weeklyCounts(db, new Date(`${weeks[0]}T00:00:00Z`)),
    latestConfirmed(db, 3),
  ]);
  return counts.map((c) => ({
    id: c.indicator,
    label: indicatorLabel(c.indicator),
    state: indicatorState(c),
    counts: c.counts,
    weekly: weeks.map((weekStart) => {
      const hit = weekly.find((w) => w.indicator === c.indicator && w.weekStart === weekStart);
      return {
        week: isoWeekOf(new Date(`${weekStart}T00:00:00Z`)),
        weekStart,
        flagged: hit?.flagged ?? 0,
        confirmed: hit?.confirmed ?? 0,
      };
    }),
    latestConfirmed: confirmed.filter((e) => e.indicator === c.indicator),
  }));
}
