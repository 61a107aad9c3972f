import { describe, expect, it } from "vitest";
import { stratifiedFolds } from "../../src/learn/folds.ts";

const rows = Array.from({ length: 53 }, (_, i) => ({ id: `a-${i}`, labels: i % 7 === 0 ? ["rare"] : i % 2 === 0 ? ["common"] : [] }));

describe("stratifiedFolds", () => {
  it("puts every row in exactly one of k folds, with sizes within one of each other", () => {
    const fold = stratifiedFolds(rows, 5);
    expect(fold).toHaveLength(rows.length);
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((x) => x === f).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(rows.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    // disjoint held-out sets that cover the rows
    const union = [0, 1, 2, 3, 4].flatMap((f) => rows.filter((_, i) => fold[i] === f).map((r) => r.id));
    expect(new Set(union).size).toBe(rows.length);
  });

  it("spreads each label's positives evenly", () => {
    const fold = stratifiedFolds(rows, 5);
    for (const label of ["rare", "common"]) {
      const per = [0, 1, 2, 3, 4].map((f) => rows.filter((r, i) => fold[i] === f && r.labels.includes(label)).length);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  it("depends on the ids, not on the order of the rows", () => {
    const fold = stratifiedFolds(rows, 5);
    const reversed = [...rows].reverse();
    const foldR = stratifiedFolds(reversed, 5);
    const byId = new Map(reversed.map((r, i) => [r.id, foldR[i]]));
    rows.forEach((r, i) => expect(byId.get(r.id)).toBe(fold[i]));
  });

  it("refuses fewer than two folds or fewer rows than folds", () => {
    expect(() => stratifiedFolds(rows, 1)).toThrow();
    expect(() => stratifiedFolds(rows.slice(0, 3), 5)).toThrow();
  });
});
