import { describe, expect, it } from "vitest";
import { priorityFormula, priorityOf, type PriorityArithmetic } from "../../src/review/priority.ts";

describe("priority", () => {
  it("adds novelty and up to three extra sources to the score", () => {
    expect(priorityOf({ score: 0.6, novel: true, sourceCount: 4 })).toBeCloseTo(1.05);
    expect(priorityOf({ score: 0.6, novel: false, sourceCount: 10 })).toBeCloseTo(0.9);
    expect(priorityOf({ score: 0.9, novel: false, sourceCount: 1 })).toBeCloseTo(0.9);
    expect(priorityOf({ score: 0.9, novel: false, sourceCount: 0 })).toBeCloseTo(0.9);
  });

  it("renders the same formula over any arithmetic (the store renders it as SQL)", () => {
    const text: PriorityArithmetic<string, string> = {
      constant: (n) => String(n),
      add: (a, b) => `(${a} + ${b})`,
      times: (a, b) => `(${a} * ${b})`,
      clamp: (x, lo, hi) => `least(greatest(${x}, ${lo}), ${hi})`,
      when: (c, t, o) => `case when ${c} then ${t} else ${o} end`,
    };
    expect(priorityFormula(text, { score: "score", novel: "novel", sourceCount: "n" })).toBe(
      "((score + case when novel then 0.15 else 0 end) + (0.1 * least(greatest((n + -1), 0), 3)))",
    );
  });
});
