// Listing pages read with user selectors: real-shaped pages (a newsroom, a regulator's notice list) and hostile ones.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseListing, SELECTORS_MATCHED_NOTHING } from "../../src/ingest/html-listing.ts";
import { selectorProblem } from "../../src/ingest/css-selector.ts";
import { FeedParseError } from "../../src/ingest/types.ts";

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, "testdata/sources", name), "utf8");
const now = new Date("2026-11-21T02:00:00Z");
const options = (maxItems = 500) => ({ baseUrl: "https://www.example.cn/news/", dates: { chinese: true }, now, maxItems });
const newsroom = { item: "li.news-item", title: "a.news-title", link: "a.news-title", date: ".news-date", summary: ".news-summary" };

describe("parseListing", () => {
  it("reads a newsroom list: absolute links, relative and Chinese dates, summaries; containers without a link are skipped", () => {
    const { feed, skippedItems } = parseListing(fixture("newsroom.html"), newsroom, options());
    expect(skippedItems).toBe(0);
    expect(feed.title).toBe("新闻中心 - 示例智能科技");
    expect(feed.language).toBe("zh-CN");
    expect(feed.items.map((i) => [i.title, i.link, i.published?.toISOString() ?? null])).toEqual([
      ["Zhipu says GLM-5 was pre-trained entirely on Huawei Ascend chips", "https://www.example.cn/news/2026/glm5-ascend.html", "2026-11-20T23:00:00.000Z"],
      ["示例智能科技与合作伙伴签署战略合作协议", "https://www.example.cn/news/2026/1119-partner.html", "2026-11-20T06:30:00.000Z"],
      ["公司荣获年度创新奖", "https://www.example.cn/news/2026/1101-award.html", "2026-10-31T16:00:00.000Z"],
    ]);
    expect(feed.items[0]!.summary).toMatch(/^Zhipu AI said its GLM-5 model was pre-trained/);
  });

  it("reads a government notice list where the item is the <li> and the link its <a>", () => {
    const { feed } = parseListing(fixture("notices.html"), { item: ".page-list li", title: "a", link: "a", date: "span.fr" }, { ...options(), baseUrl: "https://www.miit.example/zwgk/tzgg/index.html" });
    expect(feed.items).toHaveLength(3);
    expect(feed.items[0]).toMatchObject({ title: "关于组织开展2026年人工智能算力券申报工作的通知", link: "https://www.miit.example/zwgk/tzgg/art/2026/art_8f3a.html" });
    expect(feed.items.map((i) => i.published?.toISOString())).toEqual(["2026-11-17T16:00:00.000Z", "2026-11-11T16:00:00.000Z", "2026-11-04T16:00:00.000Z"]);
  });

  it("fails with exactly 'selectors matched nothing' when the page no longer matches (or has no items)", () => {
    const redesigned = { ...newsroom, item: "div.article-card" };
    expect(() => parseListing(fixture("newsroom.html"), redesigned, options())).toThrow(new FeedParseError(SELECTORS_MATCHED_NOTHING));
    expect(() => parseListing("<html><body><ul class='news-list'></ul></body></html>", newsroom, options())).toThrow(SELECTORS_MATCHED_NOTHING);
    // Containers match but none has a title and a link.
    expect(() => parseListing(fixture("newsroom.html"), { ...newsroom, link: "a.missing" }, options())).toThrow(SELECTORS_MATCHED_NOTHING);
  });

  it("reads at most maxItems of a 10,000-item page and counts the rest", () => {
    const items = Array.from({ length: 10_000 }, (_, i) => `<li class="news-item"><a class="news-title" href="/n/${i}.html">Item ${i}</a><span class="news-date">2026-11-${String((i % 28) + 1).padStart(2, "0")}</span></li>`);
    const { feed, skippedItems } = parseListing(`<ul>${items.join("")}</ul>`, newsroom, options(500));
    expect(feed.items).toHaveLength(500);
    expect(skippedItems).toBe(9_500);
    expect(feed.items[0]!.title).toBe("Item 0");
  });

  it("ignores huge attributes and bounds huge text", () => {
    const hugeHref = `/n/${"a".repeat(1_000_000)}.html`;
    const page =
      `<ul><li class="news-item"><a class="news-title" href="${hugeHref}">Huge link</a></li>` +
      `<li class="news-item"><a class="news-title" href="/ok.html" data-x="${"x".repeat(1_000_000)}">${"长".repeat(200_000)}</a>` +
      `<span class="news-date" datetime="${"9".repeat(500_000)}">2026-11-20</span></li></ul>`;
    const { feed } = parseListing(page, newsroom, options());
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.link).toBe("https://www.example.cn/ok.html");
    expect(feed.items[0]!.title.length).toBe(500);
    expect(feed.items[0]!.published?.toISOString()).toBe("2026-11-19T16:00:00.000Z");
  });

  it("refuses pages nested too deeply before parsing them, and only takes http(s) links", () => {
    expect(() => parseListing(`${"<div>".repeat(5000)}x`, newsroom, options())).toThrow(/nested deeper/);
    const page = `<ul><li class="news-item"><a class="news-title" href="javascript:alert(1)">x</a></li><li class="news-item"><a class="news-title" href="data:text/html,hi">y</a></li></ul>`;
    expect(() => parseListing(page, newsroom, options())).toThrow(SELECTORS_MATCHED_NOTHING);
  });

  it("refuses injected or costly selectors even if they reach it unchecked", () => {
    for (const item of ["<img src=x onerror=alert(1)>", "li:has(a)", "li:contains(x)", "a::before", "li, a, b, c, d, e", "a:not(:not(:not(b)))", `li${".x".repeat(100)}`, "li{}"]) {
      expect(() => parseListing(fixture("newsroom.html"), { ...newsroom, item }, options()), item).toThrow(FeedParseError);
    }
  });
});

describe("selectorProblem", () => {
  it("accepts the selectors people write for listing pages", () => {
    for (const s of ["li.news-item", ".page-list > li", "ul#list li:nth-child(n+2)", "a[href^='/news/']", "div.item:not(.ad)", "td:first-child a", "*"]) {
      expect(selectorProblem(s), s).toBeNull();
    }
  });
  it("says why a selector is refused", () => {
    expect(selectorProblem("")).toBe("must not be empty");
    expect(selectorProblem("a".repeat(201))).toBe("must be at most 200 characters");
    expect(selectorProblem("li:has(a)")).toMatch(/:has, which is not allowed/);
    expect(selectorProblem("li[")).toMatch(/^is not a CSS selector/);
    expect(selectorProblem("a::after")).toBe("uses the pseudo-element ::after");
  });
});
