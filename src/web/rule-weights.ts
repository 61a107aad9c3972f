// What the rules page adds to each rule's review counts: the 95% Wilson interval of its precision (honest with few
// reviews) and its current weight in the live ruleset (a rule may feed several indicators: one weight each).
import type { Extractor } from "../extract/extract.ts";
import { RULE_PREFIX } from "../extract/indicators/features.ts";

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of k successes in n trials (z = 1.96), or null with no trial. */
export function wilson(k: number, n: number, z = 1.96): Interval | null {
  if (n === 0) return null;
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Rule id -> its weights in the live models, per indicator ("prior" when not fitted yet). */
export function ruleWeights(extractor: Pick<Extractor, "models">): Map<string, { indicator: string; weight: number; prior: boolean }[]> {
  const out = new Map<string, { indicator: string; weight: number; prior: boolean }[]>();
  for (const [indicator, model] of extractor.models) {
    for (const [feature, w] of model.weights) {
      if (!feature.startsWith(RULE_PREFIX)) continue;
      const rule = feature.slice(RULE_PREFIX.length);
      const list = out.get(rule) ?? [];
      list.push({ indicator, weight: w.weight, prior: w.prior });
      out.set(rule, list);
    }
  }
  return out;
}
