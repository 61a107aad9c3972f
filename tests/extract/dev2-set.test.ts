// dev2.jsonl (120 articles written for variety of genre and language), scored with the shared scorer. The floors
// are today's figures less a small margin, so a change that loses ground fails here; the generalisation issue's
// targets are reached: claim 0.88 (0.927), indicator 0.92 (0.949; docs/EXTRACTION.md has the figures).
import { describe, expect, it } from "vitest";
import { scoreLabelledSet } from "./labelled-set.ts";

const { score } = scoreLabelledSet("dev2.jsonl");

describe("dev2 set", () => {
  it("keeps entity F1 >= 0.97, claim F1 >= 0.89 and indicator F1 >= 0.92, with no hard negative flagged", () => {
    expect(score.entity.f1).toBeGreaterThanOrEqual(0.97);
    expect(score.claim.f1).toBeGreaterThanOrEqual(0.89);
    expect(score.indicator.f1).toBeGreaterThanOrEqual(0.92);
    expect(score.hard_negatives.articles).toBeGreaterThan(0);
    expect(score.hard_negatives.flagged).toBe(0);
  });
});
