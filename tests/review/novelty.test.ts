import { describe, expect, it } from "vitest";
import { novelArticleIds } from "../../src/review/novelty.ts";

const claim = (articleId: number, subject: string, negated = false) => ({ articleId, subject, chip: "Ascend 910B", stage: "pretraining", negated });

describe("novelArticleIds", () => {
  it("marks the first article in a batch to make a claim nobody made before", () => {
    expect(novelArticleIds([claim(7, "Zhipu"), claim(3, "Zhipu"), claim(5, "DeepSeek")], [])).toEqual(new Set([3, 5]));
  });

  it("ignores claims made elsewhere and negated claims", () => {
    const elsewhere = [{ subject: "Zhipu", chip: "Ascend 910B", stage: "pretraining" }];
    expect(novelArticleIds([claim(1, "Zhipu"), claim(2, "DeepSeek", true)], elsewhere)).toEqual(new Set());
  });
});
