// What the extractor reads of an article: the longer of page and summary, capped so that one hostile item (a 10 MB
// page, a feed item with no sentence breaks) cannot hold the event loop for seconds.
import { describe, expect, it } from "vitest";
import { ARTICLE_BODY_MAX_CHARS, articleBody } from "../../src/store/repositories/articles.ts";

describe("articleBody", () => {
  it("reads the full page when it is longer than the summary, else the summary", () => {
    expect(articleBody({ summary: "short", fullText: "the whole page" })).toBe("the whole page");
    expect(articleBody({ summary: "a longer feed summary", fullText: "page" })).toBe("a longer feed summary");
    expect(articleBody({ summary: "only a summary", fullText: null })).toBe("only a summary");
  });

  it("reads at most ARTICLE_BODY_MAX_CHARS of a huge page, from its start", () => {
    const page = "华为昇腾训练推理部署".repeat(1_000_000);
    const body = articleBody({ summary: "", fullText: page });
    expect(body).toHaveLength(ARTICLE_BODY_MAX_CHARS);
    expect(page.startsWith(body)).toBe(true);
  });

  it("never ends on half of a surrogate pair", () => {
    const page = "a".repeat(ARTICLE_BODY_MAX_CHARS - 1) + "😀".repeat(10);
    const body = articleBody({ summary: "", fullText: page });
    expect(body).toHaveLength(ARTICLE_BODY_MAX_CHARS - 1);
    expect(body.isWellFormed()).toBe(true);
  });
});
