// The shared development set, scored with the shared scorer: fails below entity F1 0.95 (each type), claim F1
// 0.92, indicator micro-F1 0.97 (today's 0.952 and 0.989 less a margin), or on any indicator for a hard negative.
import { describe, expect, it } from "vitest";
import { scoreLabelledSet } from "./labelled-set.ts";

const { predictions, score } = scoreLabelledSet("dev.jsonl");

describe("development set", () => {
  it("meets the quality thresholds with the shared scorer", () => {
    expect(score.org.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.model.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.chip.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.claim.f1).toBeGreaterThanOrEqual(0.92);
    expect(score.indicator.f1).toBeGreaterThanOrEqual(0.97);
    expect(score.hard_negatives.flagged).toBe(0);
  });

  it("flags no indicator and no claim on the hard negatives dev-053..dev-060", () => {
    const negatives = predictions.filter((p) => p.id >= "dev-053" && p.id <= "dev-060");
    expect(negatives).toHaveLength(8);
    for (const p of negatives) {
      expect(p.indicators, p.id).toEqual([]);
      expect(p.claims, p.id).toEqual([]);
    }
  });
});
