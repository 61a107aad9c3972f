// Fitting the indicator models: one L2 logistic model per indicator over its named features, and a decision
// threshold per indicator chosen for F1 on the training rows. Pure: rows in, models out.
import { featureNames } from "../extract/indicators/features.ts";
import type { IndicatorRule } from "../extract/indicators/rules.ts";
import { decide, logit, resolveModels } from "../extract/indicators/score.ts";
import { WEIGHTS_FORMAT, type IndicatorModel, type WeightsFile } from "../extract/indicators/weights.ts";
import { INDICATOR_IDS, type IndicatorId } from "../extract/types.ts";
import type { LabelledRow, LabelledSet } from "./dataset.ts";
import { fitLogistic } from "./logistic.ts";

export interface FitOptions {
  /** Penalty on squared weights; larger keeps weights nearer zero (and scores nearer the base rate). */
  l2: number;
}

export const DEFAULT_L2 = 1;

/** Weights are stored rounded: the file stays readable and byte-identical across refits of the same data. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/** The F1-best threshold over the training probabilities; among equals, the one nearest 0.5. The threshold
 * sits halfway between the lowest probability it admits and the next lower one, not on a training point. */
export function chooseThreshold(scored: readonly { probability: number; eligible: boolean; positive: boolean }[]): number {
  const positives = scored.filter((s) => s.positive).length;
  const eligible = scored.filter((s) => s.eligible).map((s) => s.probability);
  const candidates = [...new Set(eligible)].sort((a, b) => b - a);
  if (positives === 0 || candidates.length === 0) return 0.5;
  let best = { f1: -1, threshold: 0.5 };
  candidates.forEach((c, i) => {
    let tp = 0;
    let fp = 0;
    for (const s of scored) {
      if (!s.eligible || s.probability < c) continue;
      if (s.positive) tp++;
      else fp++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + (positives - tp));
    const below = candidates[i + 1] ?? 0;
    const threshold = Math.min(0.95, Math.max(0.05, (c + below) / 2));
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))) best = { f1, threshold };
  });
  return round6(best.threshold);
}

/** Fits one indicator. A feature that is zero on every training row gets no weight: scoring then uses its
 * prior (a new rule keeps working), instead of a weight of 0 learned from no evidence. */
export function fitIndicator(rows: readonly LabelledRow[], id: IndicatorId, rules: readonly IndicatorRule[], opts: FitOptions): IndicatorModel {
  const names = featureNames(id, rules).filter((f) => rows.some((r) => (r.values[id][f] ?? 0) !== 0));
  const X = rows.map((r) => names.map((f) => r.values[id][f] ?? 0));
  const y: number[] = rows.map((r) => (r.labels.includes(id) ? 1 : 0));
  const fit = fitLogistic(X, y, { l2: opts.l2 });
  const weights: Record<string, number> = {};
  names.forEach((f, j) => (weights[f] = round6(fit.weights[j]!)));
  const partial: IndicatorModel = { bias: round6(fit.bias), weights, threshold: 0.5, articles: rows.length, positives: y.reduce((a, b) => a + b, 0) };
  const model = resolveModels({ [id]: partial }, rules).get(id)!;
  const scored = rows.map((r, i) => {
    const d = decide({ ...model, threshold: 0 }, r.values[id]);
    return { probability: d.probability, eligible: d.listed, positive: y[i] === 1 };
  });
  // The F1-best threshold moves into the intercept (threshold moving is an intercept shift): the stored model
  // decides at 0.5, where FLAG_THRESHOLD's default puts the review queue, so a listed indicator is a flagged one.
  const threshold = chooseThreshold(scored);
  return { ...partial, bias: round6(fit.bias - logit(threshold)), threshold: 0.5 };
}

export function fitModels(rows: readonly LabelledRow[], rules: readonly IndicatorRule[], opts: FitOptions): WeightsFile["indicators"] {
  const out: WeightsFile["indicators"] = {};
  for (const id of INDICATOR_IDS) out[id] = fitIndicator(rows, id, rules, opts);
  return out;
}

export function weightsFile(args: {
  models: WeightsFile["indicators"];
  sets: readonly LabelledSet[];
  featuresVersion: string;
  fittedAt: string;
  rules: readonly IndicatorRule[];
  opts: FitOptions;
}): WeightsFile {
  return {
    format: WEIGHTS_FORMAT,
    fittedAt: args.fittedAt,
    trainedOn: args.sets.map((s) => ({ name: s.name, sha256: s.sha256, articles: s.articles.length })),
    featuresVersion: args.featuresVersion,
    options: { l2: args.opts.l2, features: [...new Set(INDICATOR_IDS.flatMap((id) => featureNames(id, args.rules)))] },
    indicators: args.models,
  };
}

export const serializeWeights = (w: WeightsFile): string => JSON.stringify(w, null, 2) + "\n";
