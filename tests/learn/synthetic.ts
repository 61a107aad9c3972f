// Synthetic rules and rows for the learning tests: two rules of one indicator, with known labels.
import type { IndicatorRule } from "../../src/extract/indicators/rules.ts";
import type { LabelledRow } from "../../src/learn/dataset.ts";
import { INDICATOR_IDS, type IndicatorId } from "../../src/extract/types.ts";

export const rule = (id: string, indicator: IndicatorId, weight = 0.8): IndicatorRule => ({ id, indicator, weight, evidence: () => [] });
export const RULES = [rule("x.strong", "export_controls"), rule("x.noise", "export_controls"), rule("x.unseen", "export_controls", 0.7)];

/** Row i: `strong` fires exactly on the positives; `noise` fires on every third row whatever the label. */
export function rows(n: number, positive: (i: number) => boolean): LabelledRow[] {
  return Array.from({ length: n }, (_, i) => {
    const values = Object.fromEntries(INDICATOR_IDS.map((id) => [id, {}])) as LabelledRow["values"];
    const v: Record<string, number> = {};
    if (positive(i)) v["rule:x.strong"] = 1;
    if (i % 3 === 0) v["rule:x.noise"] = 1;
    if (Object.keys(v).length > 0) v.evidence_log = Math.log1p(Object.keys(v).length);
    values.export_controls = v;
    return { id: `row-${String(i).padStart(3, "0")}`, labels: positive(i) ? ["export_controls"] : [], values };
  });
}
