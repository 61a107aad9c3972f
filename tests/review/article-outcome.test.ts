import { describe, expect, it } from "vitest";
import type { IndicatorId } from "../../src/extract/types.ts";
import { articleOutcomes } from "../../src/review/article-outcome.ts";

const item = (id: number, indicators: IndicatorId[]) => ({
  article: { id },
  extraction: { indicators: indicators.map((i) => ({ id: i, score: 1, rules: [], evidence: [] })) },
});

describe("articleOutcomes", () => {
  it("alerts a newly flagged event once, for its first supporter, and diffs indicators", () => {
    const out = articleOutcomes(
      [item(1, ["export_controls"]), item(2, ["export_controls", "chip_policy_investment"])],
      [
        { eventId: 100, articleId: 1 },
        { eventId: 100, articleId: 2 },
        { eventId: 200, articleId: 2 },
      ],
      [{ articleId: 2, indicator: "training_migration" }, { articleId: 2, indicator: "export_controls" }],
      new Set([100, 200]),
    );
    expect(out).toEqual([
      { eventIds: [100], newlyFlagged: [100], removedIndicators: [], addedIndicators: ["export_controls"] },
      { eventIds: [100, 200], newlyFlagged: [200], removedIndicators: ["training_migration"], addedIndicators: ["chip_policy_investment"] },
    ]);
  });
});
