// Indicator scores from the learned layer: per indicator a logistic model over the rule features
// (features.ts) with weights from data/weights/indicators.json. The score is the model's probability; the
// indicator is listed when it reaches the model's decision threshold. A rule the weights file does not know
// yet (added after the last refit) gets a prior from its hand weight, so it works before a refit.
import type { Contribution, IndicatorHit, IndicatorId } from "../types.ts";
import { INDICATOR_IDS } from "../types.ts";
import type { IndicatorRule } from "./rules.ts";
import { DERIVED_FEATURES, featureEvidence, RULE_PREFIX, ruleFeature, type IndicatorFeatures } from "./features.ts";
import type { WeightsFile } from "./weights.ts";

/** An indicator without a fitted model: a 2% base rate. With the priors below, one rule alone scores its
 * hand weight, as under the old noisy-OR. */
export const PRIOR_BIAS = logit(0.02);
export const PRIOR_THRESHOLD = 0.5;

export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
  return Math.log(q / (1 - q));
}
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export interface ResolvedModel {
  bias: number;
  threshold: number;
  /** Feature -> weight, every feature of the indicator's current rules and the derived ones. */
  weights: Map<string, { weight: number; prior: boolean }>;
}

/** The model each indicator scores with: fitted weights where the file has them, priors for the rest. */
export function resolveModels(fittedModels: WeightsFile["indicators"], rules: readonly IndicatorRule[]): Map<IndicatorId, ResolvedModel> {
  const out = new Map<IndicatorId, ResolvedModel>();
  for (const id of INDICATOR_IDS) {
    const fitted = fittedModels[id];
    const bias = fitted?.bias ?? PRIOR_BIAS;
    const weights = new Map<string, { weight: number; prior: boolean }>();
    for (const r of rules) {
      if (r.indicator !== id) continue;
      const w = fitted?.weights[ruleFeature(r.id)];
      weights.set(ruleFeature(r.id), w === undefined ? { weight: logit(r.weight) - bias, prior: true } : { weight: w, prior: false });
    }
    for (const d of DERIVED_FEATURES) {
      const w = fitted?.weights[d];
      weights.set(d, { weight: w ?? 0, prior: w === undefined });
    }
    out.set(id, { bias, threshold: fitted?.threshold ?? PRIOR_THRESHOLD, weights });
  }
  return out;
}

/** log-odds = bias + sum of weight * value over the features that are not zero. */
export function logOdds(model: ResolvedModel, values: Record<string, number>): number {
  let z = model.bias;
  for (const f in values) z += (model.weights.get(f)?.weight ?? 0) * values[f]!;
  return z;
}

export function contributions(model: ResolvedModel, f: IndicatorFeatures, titleEnd: number): Contribution[] {
  const out: Contribution[] = [];
  for (const [feature, value] of Object.entries(f.values)) {
    const w = model.weights.get(feature) ?? { weight: 0, prior: true };
    out.push({ feature, value, weight: w.weight, contribution: w.weight * value, ...(w.prior ? { prior: true } : {}), evidence: featureEvidence(f, feature, titleEnd) });
  }
  return out;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The listing decision, shared by extraction and cross-validation: some rule fired and the probability
 * reaches the model's threshold. Without a fired rule an article is never listed, whatever the bias. */
export function decide(model: ResolvedModel, values: Record<string, number>): { listed: boolean; probability: number } {
  let fired = false;
  for (const f in values) if (f.startsWith(RULE_PREFIX)) fired = true;
  const probability = sigmoid(logOdds(model, values));
  return { listed: fired && probability >= model.threshold, probability };
}

/** Every indicator with a fired rule and a probability at or above its threshold. */
export function scoreIndicators(features: IndicatorFeatures[], models: Map<IndicatorId, ResolvedModel>, titleEnd: number): IndicatorHit[] {
  const hits: IndicatorHit[] = [];
  for (const f of features) {
    if (f.fired.length === 0) continue;
    const model = models.get(f.id)!;
    const { listed, probability: score } = decide(model, f.values);
    if (!listed) continue;
    hits.push({ id: f.id, score: round3(score), rules: f.fired.map((r) => r.rule.id), evidence: f.evidence, contributions: contributions(model, f, titleEnd) });
  }
  return hits;
}
