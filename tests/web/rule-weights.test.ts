import { describe, expect, it } from "vitest";
import { defaultExtractor } from "../../src/extract/extract.ts";
import { RULES } from "../../src/extract/indicators/rules.ts";
import { ruleWeights, wilson } from "../../src/web/rule-weights.ts";

describe("rules page figures", () => {
  it("gives the Wilson interval of a precision (wide with few reviews, none without)", () => {
    expect(wilson(0, 0)).toBeNull();
    const few = wilson(2, 2)!;
    expect(few.high).toBe(1);
    expect(few.low).toBeCloseTo(0.342, 2);
    const many = wilson(90, 100)!;
    expect(many.low).toBeCloseTo(0.826, 2);
    expect(many.high).toBeCloseTo(0.945, 2);
  });

  it("lists every rule's weight in the live models by indicator", () => {
    const weights = ruleWeights(defaultExtractor());
    const rule = RULES[0]!;
    expect(weights.get(rule.id)?.map((w) => w.indicator)).toContain(rule.indicator);
    for (const list of weights.values()) for (const w of list) expect(Number.isFinite(w.weight)).toBe(true);
  });
});
