// The features an indicator model reads, from the rules that fired on one article. Every feature is named and
// traceable to sentences: `rule:<id>` (the rule fired), `in_title` (some of the indicator's evidence is in the
// title: document-level evidence, GUIDE.md weighs the headline), `evidence_log` (ln(1 + distinct evidence
// sentences): several sentences agreeing count more than one, with diminishing returns).
import type { IndicatorId, Span } from "../types.ts";
import { INDICATOR_IDS } from "../types.ts";
import type { IndicatorRule, RuleContext } from "./rules.ts";

export const DERIVED_FEATURES = ["in_title", "evidence_log"] as const;
export const RULE_PREFIX = "rule:";
export const ruleFeature = (ruleId: string): string => RULE_PREFIX + ruleId;

export interface RuleFiring {
  rule: IndicatorRule;
  evidence: Span[];
}

export interface IndicatorFeatures {
  id: IndicatorId;
  fired: RuleFiring[];
  /** Distinct evidence sentences of all fired rules, in rule order. */
  evidence: Span[];
  /** The features that are not zero. */
  values: Record<string, number>;
}

/** The feature names of one indicator's model, in a fixed order: its rules, then the derived features. */
export function featureNames(id: IndicatorId, rules: readonly IndicatorRule[]): string[] {
  return [...rules.filter((r) => r.indicator === id).map((r) => ruleFeature(r.id)), ...DERIVED_FEATURES];
}

/** A rule table grouped by indicator, with each rule's feature name: built once per table, not per article. */
interface RuleGroup {
  id: IndicatorId;
  rules: { rule: IndicatorRule; feature: string }[];
}
const groupsOf = new WeakMap<readonly IndicatorRule[], RuleGroup[]>();
function ruleGroups(rules: readonly IndicatorRule[]): RuleGroup[] {
  let groups = groupsOf.get(rules);
  if (!groups) {
    groups = INDICATOR_IDS.map((id) => ({ id, rules: rules.filter((r) => r.indicator === id).map((rule) => ({ rule, feature: ruleFeature(rule.id) })) }));
    groupsOf.set(rules, groups);
  }
  return groups;
}

/** Runs every rule once and groups the firings by indicator (all indicators, fired or not). */
export function indicatorFeatures(ctx: RuleContext, rules: readonly IndicatorRule[]): IndicatorFeatures[] {
  const out: IndicatorFeatures[] = [];
  for (const { id, rules: group } of ruleGroups(rules)) {
    const fired: RuleFiring[] = [];
    const evidence: Span[] = [];
    const values: Record<string, number> = {};
    for (const { rule, feature } of group) {
      const ev = rule.evidence(ctx);
      if (ev.length === 0) continue;
      fired.push({ rule, evidence: ev });
      values[feature] = 1;
      for (const e of ev) if (!evidence.some((x) => x.start === e.start && x.end === e.end)) evidence.push(e);
    }
    if (evidence.length > 0) {
      if (evidence.some((e) => e.start < ctx.titleEnd)) values.in_title = 1;
      values.evidence_log = Math.log1p(evidence.length);
    }
    out.push({ id, fired, evidence, values });
  }
  return out;
}

/** The evidence behind one feature (a rule's sentences; the title sentences; all sentences). */
export function featureEvidence(f: IndicatorFeatures, feature: string, titleEnd: number): Span[] {
  if (feature === "in_title") return f.evidence.filter((e) => e.start < titleEnd);
  if (feature === "evidence_log") return f.evidence;
  return f.fired.find((r) => ruleFeature(r.rule.id) === feature)?.evidence ?? [];
}
