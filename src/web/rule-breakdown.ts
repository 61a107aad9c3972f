// Why an event was flagged, rule by rule: the best score among the sources where each rule fired, and how often
// analysts confirmed the rule's events. The event page and GET /api/events/:id show the same breakdown.
import type { RuleStats } from "../store/repositories/analytics.ts";
import type { EventDetail } from "../store/repositories/events.ts";

export interface RuleBreakdown {
  rule: string;
  /** The best score among the sources where this rule fired. */
  score: number | null;
  sources: number;
  /** confirmed / (confirmed + dismissed) over all events with this rule, null before any review. */
  precision: number | null;
  reviewed: number;
}

export function ruleBreakdown(detail: EventDetail, stats: RuleStats[]): RuleBreakdown[] {
  const byRule = new Map(stats.map((s) => [s.rule, s]));
  return detail.event.rules.map((rule) => {
    const fired = detail.sources.filter((s) => s.rules.includes(rule));
    const st = byRule.get(rule);
    return {
      rule,
      score: fired.length ? Math.max(...fired.map((s) => s.score)) : null,
      sources: fired.length,
      precision: st?.precision ?? null,
      reviewed: st ? st.confirmed + st.dismissed : 0,
    };
  });
}
