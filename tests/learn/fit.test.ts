import { describe, expect, it } from "vitest";
import { chooseThreshold, fitModels, serializeWeights, weightsFile } from "../../src/learn/fit.ts";
import { crossValidate } from "../../src/learn/cross-validate.ts";
import { parseWeights } from "../../src/extract/indicators/weights.ts";
import { decide, logit, resolveModels, sigmoid } from "../../src/extract/indicators/score.ts";
import { RULES, rows } from "./synthetic.ts";

const data = rows(60, (i) => i % 4 === 1);
const sets = [{ name: "synthetic.jsonl", sha256: "0".repeat(64), articles: [] }];
const file = () => weightsFile({ models: fitModels(data, RULES, { l2: 1 }), sets, featuresVersion: "rs-test", fittedAt: "2026-01-01", rules: RULES, opts: { l2: 1 } });

describe("fitting the indicator models", () => {
  it("learns that the informative rule predicts and the noisy one does not", () => {
    const m = file().indicators.export_controls!;
    expect(m.weights["rule:x.strong"]).toBeGreaterThan(2);
    expect(Math.abs(m.weights["rule:x.noise"]!)).toBeLessThan(m.weights["rule:x.strong"]!);
    const models = resolveModels(file().indicators, RULES);
    for (const r of data) expect(decide(models.get("export_controls")!, r.values.export_controls).listed).toBe(r.labels.includes("export_controls"));
  });

  it("gives a rule never seen firing no fitted weight: it scores with the prior from its hand weight", () => {
    const m = file().indicators.export_controls!;
    expect(m.weights["rule:x.unseen"]).toBeUndefined();
    const resolved = resolveModels(file().indicators, RULES).get("export_controls")!;
    expect(resolved.weights.get("rule:x.unseen")!.prior).toBe(true);
    // alone, the rule scores its hand weight
    expect(sigmoid(resolved.bias + resolved.weights.get("rule:x.unseen")!.weight)).toBeCloseTo(0.7, 6);
    expect(resolved.weights.get("rule:x.unseen")!.weight).toBeCloseTo(logit(0.7) - resolved.bias, 9);
  });

  it("is deterministic: the same data gives the same file", () => {
    expect(serializeWeights(file())).toBe(serializeWeights(file()));
  });

  it("round-trips the weights file through its schema", () => {
    const text = serializeWeights(file());
    expect(parseWeights(JSON.parse(text))).toEqual(file());
    expect(() => parseWeights({ ...file(), indicators: { export_controls: { bias: "x" } } })).toThrow();
  });

  it("chooses the threshold with the best F1, between training probabilities", () => {
    const t = chooseThreshold([
      { probability: 0.9, eligible: true, positive: true },
      { probability: 0.3, eligible: true, positive: true },
      { probability: 0.2, eligible: true, positive: false },
      { probability: 0.1, eligible: true, positive: false },
    ]);
    expect(t).toBeCloseTo(0.25, 6);
  });
});

describe("crossValidate", () => {
  it("reports held-out F1 per fold: perfect when one rule decides the label", () => {
    const report = crossValidate({ rows: data, rules: RULES, current: resolveModels({}, RULES), folds: 5, opts: { l2: 1 } });
    const ec = report.indicators.export_controls;
    expect(ec.positives).toBe(15);
    expect(ec.heldOut.n).toBe(5);
    expect(ec.heldOut.mean).toBe(1);
    expect(ec.heldOut.sd).toBe(0);
    // the priors list every row where a rule fired: the noisy rule's false positives
    expect(ec.current.fp).toBeGreaterThan(0);
    expect(report.indicators.training_migration.heldOut.n).toBe(0);
  });
});
