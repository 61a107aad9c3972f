import { describe, expect, it } from "vitest";
import type { IndicatorId } from "../../src/extract/types.ts";
import { eventKey, eventSeeds, eventSupport } from "../../src/review/event-merge.ts";

const item = (id: number, clusterId: number, hits: [IndicatorId, number, string][]) => ({
  article: { id, title: `article ${id}`, clusterId },
  extraction: { indicators: hits.map(([indicator, score, rule]) => ({ id: indicator, score, rules: [rule], evidence: [] })) },
});

describe("event merging", () => {
  const batch = [
    item(1, 10, [["export_controls", 0.4, "a"]]),
    item(2, 10, [["export_controls", 0.8, "b"], ["chip_policy_investment", 0.6, "c"]]),
    item(3, 11, [["export_controls", 0.5, "d"]]),
  ];

  it("makes one event per indicator and story, titled by its first article, scored by its best", () => {
    const seeds = eventSeeds(batch, new Set([1]));
    expect([...seeds.keys()]).toEqual([eventKey("export_controls", 10), eventKey("chip_policy_investment", 10), eventKey("export_controls", 11)]);
    expect(seeds.get(eventKey("export_controls", 10))).toEqual({
      indicator: "export_controls",
      clusterId: 10,
      title: "article 1",
      score: 0.8,
      rules: ["b"],
      novel: true,
    });
    expect(seeds.get(eventKey("chip_policy_investment", 10))?.novel).toBe(false);
  });

  it("lists every article's support for its events", () => {
    expect(eventSupport(batch).map((s) => [s.eventKey, s.articleId, s.score])).toEqual([
      [eventKey("export_controls", 10), 1, 0.4],
      [eventKey("export_controls", 10), 2, 0.8],
      [eventKey("chip_policy_investment", 10), 2, 0.6],
      [eventKey("export_controls", 11), 3, 0.5],
    ]);
  });
});
