// The thin adapters: GitHub releases (Atom, titled with the repository), the Hugging Face model listing, news
// sitemaps and sitemap indexes, and the short forms users give for the first two.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHuggingFaceModels } from "../../src/ingest/huggingface.ts";
import { readSource } from "../../src/ingest/read-source.ts";
import { MAX_CHILD_SITEMAPS, parseSitemap, titleFromUrl } from "../../src/ingest/sitemap.ts";
import { DEFAULT_SOURCE_BASES, githubReleasesSource, huggingfaceSource } from "../../src/ingest/source-url.ts";
import { FeedParseError } from "../../src/ingest/types.ts";

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, "testdata/sources", name), "utf8");
const now = new Date("2026-11-21T02:00:00Z");

describe("source URLs", () => {
  it("expands OWNER/REPO and GitHub URLs to the releases Atom feed", () => {
    expect(githubReleasesSource("vllm-project/vllm-ascend", DEFAULT_SOURCE_BASES)).toBe("https://github.com/vllm-project/vllm-ascend/releases.atom");
    expect(githubReleasesSource("https://github.com/THUDM/GLM-4/releases", DEFAULT_SOURCE_BASES)).toBe("https://github.com/THUDM/GLM-4/releases.atom");
    expect(githubReleasesSource("a/b", { ...DEFAULT_SOURCE_BASES, github: "http://127.0.0.1:9/" })).toBe("http://127.0.0.1:9/a/b/releases.atom");
    expect(githubReleasesSource("https://github.com/a/b/issues", DEFAULT_SOURCE_BASES)).toBeNull();
    expect(githubReleasesSource("not a repo", DEFAULT_SOURCE_BASES)).toBeNull();
  });
  it("expands an organisation to the hub's newest-first model listing", () => {
    const listing = "https://huggingface.co/api/models?author=Qwen&sort=createdAt&direction=-1&limit=50";
    expect(huggingfaceSource("Qwen", DEFAULT_SOURCE_BASES)).toBe(listing);
    expect(huggingfaceSource("https://huggingface.co/Qwen", DEFAULT_SOURCE_BASES)).toBe(listing);
    expect(huggingfaceSource("https://huggingface.co/organizations/Qwen", DEFAULT_SOURCE_BASES)).toBe(listing);
    expect(huggingfaceSource(listing, DEFAULT_SOURCE_BASES)).toBe(listing);
    expect(huggingfaceSource("https://huggingface.co/Qwen/Qwen3-4B", DEFAULT_SOURCE_BASES)).toBeNull();
  });
});

describe("github-releases", () => {
  it("reads the releases feed with release notes as text and the repository in each title", async () => {
    const { feed } = await readSource(fixture("releases.atom"), { kind: "github-releases" }, { baseUrl: "https://github.com/example-org/vllm-ascend/releases.atom", now }, 500);
    expect(feed.items.map((i) => i.title)).toEqual(["example-org/vllm-ascend v0.11.0", "example-org/vllm-ascend v0.10.2"]);
    expect(feed.items[0]!.summary).toContain("DeepSeek-V3 inference now runs on Huawei Ascend 910C");
    expect(feed.items[0]!.published?.toISOString()).toBe("2026-11-21T08:00:00.000Z");
  });
});

describe("huggingface", () => {
  it("makes one item per model repo, newest first, and drops malformed entries", () => {
    const { feed } = parseHuggingFaceModels(fixture("models.json"), "https://huggingface.co");
    expect(feed.items.map((i) => [i.title, i.link, i.published?.toISOString()])).toEqual([
      ["zai-org/GLM-5: new model on Hugging Face", "https://huggingface.co/zai-org/GLM-5", "2026-11-20T09:00:00.000Z"],
      ["zai-org/GLM-Embed-v2: new model on Hugging Face", "https://huggingface.co/zai-org/GLM-Embed-v2", "2026-11-10T09:00:00.000Z"],
    ]);
    expect(feed.items[0]!.summary).toBe("task: text-generation; library: transformers; tags: transformers, text-generation, zh, en");
  });
  it("builds items for the newest maxItems models only, in listing order, and counts the other valid ones", () => {
    const days = [3, 9, 1, 7, 5, 8, 2];
    const listing = [...days.map((d) => ({ id: `org/m-${d}`, createdAt: `2026-11-0${d}T00:00:00Z` })), { id: "../../etc/passwd", createdAt: "2026-11-09T12:00:00Z" }];
    const { feed, skipped } = parseHuggingFaceModels(JSON.stringify(listing), "https://huggingface.co", 3);
    expect(feed.items.map((i) => i.title)).toEqual(["org/m-9: new model on Hugging Face", "org/m-7: new model on Hugging Face", "org/m-8: new model on Hugging Face"]);
    expect(skipped).toBe(4);
  });
  it("refuses what is not a model listing", () => {
    expect(() => parseHuggingFaceModels('{"error":"Invalid username"}', "https://huggingface.co")).toThrow(FeedParseError);
    expect(() => parseHuggingFaceModels("<html>", "https://huggingface.co")).toThrow(FeedParseError);
    expect(parseHuggingFaceModels("[]", "https://huggingface.co").feed.items).toEqual([]);
  });
});

describe("sitemap", () => {
  const options = { baseUrl: "https://news.example.com/sitemap.xml", dates: {}, maxItems: 500 };
  it("reads a news sitemap newest first, with news titles or titles from the URL", () => {
    const map = parseSitemap(fixture("news-sitemap.xml"), options);
    if (map.kind !== "urlset") throw new Error("expected a urlset");
    expect(map.feed.items.map((i) => [i.title, i.published?.toISOString()])).toEqual([
      ["Huawei expands CloudMatrix clusters for domestic model training", "2026-11-21T00:00:00.000Z"],
      ["Cambricon raises 4 billion yuan to expand AI chip production", "2026-11-20T02:30:00.000Z"],
      ["moore threads gpu", "2026-11-18T08:00:00.000Z"],
    ]);
  });
  it("lists an index's child sitemaps newest first, resolved and bounded", () => {
    expect(parseSitemap(fixture("sitemap-index.xml"), options)).toEqual({
      kind: "index",
      sitemaps: ["https://news.example.com/sitemaps/news.xml", "https://news.example.com/sitemaps/old.xml"],
    });
    const big = `<sitemapindex>${Array.from({ length: 100 }, (_, i) => `<sitemap><loc>/s${i}.xml</loc></sitemap>`).join("")}</sitemapindex>`;
    const index = parseSitemap(big, options);
    expect(index.kind === "index" && index.sitemaps.length).toBe(MAX_CHILD_SITEMAPS);
  });
  it("keeps the newest maxItems of 10,000 entries and refuses entity declarations and non-sitemaps", () => {
    const urls = Array.from({ length: 10_000 }, (_, i) => `<url><loc>https://n.example/a/${i}</loc><lastmod>2026-01-01T00:00:${String(i % 60).padStart(2, "0")}Z</lastmod></url>`);
    const map = parseSitemap(`<urlset>${urls.join("")}</urlset>`, { ...options, maxItems: 100 });
    expect(map.kind === "urlset" && [map.feed.items.length, map.skippedItems]).toEqual([100, 9_900]);
    expect(() => parseSitemap('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><urlset/>', options)).toThrow(/entities/);
    expect(() => parseSitemap("<rss/>", options)).toThrow(/not a sitemap/);
  });
  it("titles entries without one from their URL", () => {
    expect(titleFromUrl("https://a.example/2026/11/glm-5_trained-on-ascend.html")).toBe("glm 5 trained on ascend");
    expect(titleFromUrl("https://a.example/2026/11/20/12345.shtml")).toBe("https://a.example/2026/11/20/12345.shtml");
  });
});
