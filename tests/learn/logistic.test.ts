import { describe, expect, it } from "vitest";
import { fitLogistic, predictProbability } from "../../src/learn/logistic.ts";

// Two features; the label is 1 exactly when x0 - x1 > 0 (linearly separable).
const X = [[2, 0], [1, 0], [3, 1], [2, 1], [0, 1], [0, 2], [1, 2], [1, 3], [4, 2], [0, 0.5]];
const y = X.map(([a, b]) => (a! - b! > 0 ? 1 : 0));

describe("fitLogistic", () => {
  it("fits a separable set: every training point on the right side of 0.5", () => {
    const fit = fitLogistic(X, y, { l2: 0.1 });
    expect(fit.converged).toBe(true);
    X.forEach((x, i) => expect(predictProbability(fit, x) >= 0.5 ? 1 : 0).toBe(y[i]));
    expect(fit.weights[0]).toBeGreaterThan(0);
    expect(fit.weights[1]).toBeLessThan(0);
  });

  it("keeps weights finite on separable data, and a larger penalty shrinks them", () => {
    const loose = fitLogistic(X, y, { l2: 0.01 });
    const tight = fitLogistic(X, y, { l2: 10 });
    for (const w of loose.weights) expect(Number.isFinite(w)).toBe(true);
    const norm = (w: number[]) => Math.hypot(...w);
    expect(norm(tight.weights)).toBeLessThan(norm(loose.weights));
  });

  it("matches the base rate with no features", () => {
    const fit = fitLogistic([[], [], [], []], [1, 0, 0, 0], { l2: 1 });
    expect(predictProbability(fit, [])).toBeCloseTo(0.25, 3);
  });

  it("is deterministic", () => {
    expect(fitLogistic(X, y, { l2: 1 })).toEqual(fitLogistic(X, y, { l2: 1 }));
  });
});
