// k-fold cross-validation of the indicator models: fit on k-1 folds, score the held-out fold with the same
// decision as extraction (score.ts decide), and report per indicator and micro over all indicators the mean
// and spread of held-out F1, the pooled held-out figures, the in-sample figures (fit and score on everything:
// the gap to held-out is the overfitting) and the figures of the weights in use now.
import type { IndicatorRule } from "../extract/indicators/rules.ts";
import { decide, resolveModels, type ResolvedModel } from "../extract/indicators/score.ts";
import { INDICATOR_IDS, type IndicatorId } from "../extract/types.ts";
import type { LabelledRow } from "./dataset.ts";
import { fitModels, type FitOptions } from "./fit.ts";
import { stratifiedFolds } from "./folds.ts";
import { addCounts, emptyCounts, prf, spread, type Counts, type Prf, type Spread } from "./metrics.ts";

export interface FiguresReport {
  positives: number;
  /** Held-out F1 per fold, summarised. */
  heldOut: Spread;
  /** Held-out predictions of all folds pooled. */
  pooled: Prf;
  /** Fitted and scored on every row. */
  inSample: Prf;
  /** The models in use now (the weights file), scored on every row. */
  current: Prf;
}

export interface CvReport {
  folds: number;
  l2: number;
  articles: number;
  indicators: Record<IndicatorId, FiguresReport>;
  micro: FiguresReport;
}

type PerIndicator = Record<IndicatorId, Counts>;
const emptyPerIndicator = (): PerIndicator => Object.fromEntries(INDICATOR_IDS.map((id) => [id, emptyCounts()])) as PerIndicator;
const micro = (c: PerIndicator): Counts => INDICATOR_IDS.reduce((acc, id) => addCounts(acc, c[id]), emptyCounts());

/** Counts of the models' decisions against the labels on the given rows. */
export function countDecisions(models: Map<IndicatorId, ResolvedModel>, rows: readonly LabelledRow[]): PerIndicator {
  const counts = emptyPerIndicator();
  for (const r of rows) {
    for (const id of INDICATOR_IDS) {
      const listed = decide(models.get(id)!, r.values[id]).listed;
      const gold = r.labels.includes(id);
      if (listed && gold) counts[id].tp++;
      else if (listed) counts[id].fp++;
      else if (gold) counts[id].fn++;
    }
  }
  return counts;
}

const scored = (c: Counts) => c.tp + c.fp + c.fn > 0;

export function crossValidate(args: {
  rows: readonly LabelledRow[];
  rules: readonly IndicatorRule[];
  current: Map<IndicatorId, ResolvedModel>;
  folds: number;
  opts: FitOptions;
}): CvReport {
  const { rows, rules, opts } = args;
  const fold = stratifiedFolds(rows, args.folds);
  const pooled = emptyPerIndicator();
  const perFold: PerIndicator[] = [];
  for (let f = 0; f < args.folds; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const test = rows.filter((_, i) => fold[i] === f);
    const counts = countDecisions(resolveModels(fitModels(train, rules, opts), rules), test);
    perFold.push(counts);
    for (const id of INDICATOR_IDS) addCounts(pooled[id], counts[id]);
  }
  const inSample = countDecisions(resolveModels(fitModels(rows, rules, opts), rules), rows);
  const current = countDecisions(args.current, rows);
  const figures = (pick: (c: PerIndicator) => Counts, positives: number): FiguresReport => ({
    positives,
    heldOut: spread(perFold.map(pick).filter(scored).map((c) => prf(c).f1)),
    pooled: prf(pick(pooled)),
    inSample: prf(pick(inSample)),
    current: prf(pick(current)),
  });
  const indicators = Object.fromEntries(
    INDICATOR_IDS.map((id) => [id, figures((c) => c[id], rows.filter((r) => r.labels.includes(id)).length)]),
  ) as Record<IndicatorId, FiguresReport>;
  return {
    folds: args.folds,
    l2: opts.l2,
    articles: rows.length,
    indicators,
    micro: figures(micro, rows.reduce((a, r) => a + r.labels.length, 0)),
  };
}

const f3 = (x: number) => (Number.isNaN(x) ? "  -  " : x.toFixed(3));

/** The report as a table for a terminal. */
export function formatReport(r: CvReport): string {
  const head = `${r.folds}-fold cross-validation, ${r.articles} articles, l2 ${r.l2}\n` +
    `${"indicator".padEnd(26)} ${"pos".padStart(4)}  held-out F1 mean ± sd [min-max] (folds)   pooled P/R/F1          in-sample F1  current F1`;
  const line = (name: string, x: FiguresReport) =>
    `${name.padEnd(26)} ${String(x.positives).padStart(4)}  ${f3(x.heldOut.mean)} ± ${f3(x.heldOut.sd)} [${f3(x.heldOut.min)}-${f3(x.heldOut.max)}] (${x.heldOut.n})   ` +
    `${f3(x.pooled.precision)}/${f3(x.pooled.recall)}/${f3(x.pooled.f1)}    ${f3(x.inSample.f1)}         ${f3(x.current.f1)}`;
  return [head, ...INDICATOR_IDS.map((id) => line(id, r.indicators[id])), line("micro (all indicators)", r.micro)].join("\n") + "\n";
}
