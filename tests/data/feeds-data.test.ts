// Checks the shipped data: the default OPML feed list and the bundled demo feeds (demo/feeds/).
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { parseOpml } from "feedsmith";
import iconv from "iconv-lite";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFeedInput } from "../../src/feeds/feed-input.ts";
import { parseOpml as parseOurOpml } from "../../src/ingest/opml.ts";
import { REPO_ROOT, SHARED } from "../support/services.ts";

const CATEGORIES = ["press", "zh-media", "trade", "newsletter", "lab", "releases", "models"];

interface OutlineNode {
  xmlUrl?: string;
  htmlUrl?: string;
  text?: string;
  language?: string;
  category?: string;
  description?: string;
  outlines?: OutlineNode[];
}

function feedOutlines(nodes: OutlineNode[] | undefined): OutlineNode[] {
  return (nodes ?? []).flatMap((node) => [...(node.xmlUrl ? [node] : []), ...feedOutlines(node.outlines)]);
}

describe("feeds/default.opml", () => {
  const opml = readFileSync(resolve(REPO_ROOT, "feeds/default.opml"), "utf8");
  const parsed = parseOpml(opml, { extraOutlineAttributes: ["language", "category", "description"] });
  const feeds = feedOutlines(parsed.body?.outlines as OutlineNode[] | undefined);

  it("is well-formed XML", () => {
    expect(XMLValidator.validate(opml)).toBe(true);
  });

  it("lists at least 40 feeds with unique http(s) addresses", () => {
    expect(feeds.length).toBeGreaterThanOrEqual(40);
    for (const feed of feeds) {
      expect(["http:", "https:"], feed.xmlUrl).toContain(new URL(feed.xmlUrl!).protocol);
      expect(["http:", "https:"], feed.htmlUrl).toContain(new URL(feed.htmlUrl!).protocol);
    }
    expect(new Set(feeds.map((feed) => feed.xmlUrl)).size).toBe(feeds.length);
  });

  it("tags every feed with a language, a known category and a note", () => {
    for (const feed of feeds) {
      expect(["en", "zh"], feed.text).toContain(feed.language);
      expect(CATEGORIES, feed.text).toContain(feed.category);
      expect(feed.description?.length ?? 0, feed.text).toBeGreaterThan(10);
    }
    expect(new Set(feeds.map((feed) => feed.language))).toEqual(new Set(["en", "zh"]));
    expect(new Set(feeds.map((feed) => feed.category))).toEqual(new Set(CATEGORIES));
  });

  it("reads as chipwatch reads it: every entry valid, releases and model hubs by their kinds, no html source", () => {
    const entries = parseOurOpml(opml);
    expect(entries).toHaveLength(feeds.length);
    for (const entry of entries) expect(checkFeedInput(entry), entry.url).toMatchObject({ ok: true });
    const kindOf = (category: string) => new Set(entries.filter((e) => e.category === category).map((e) => e.kind ?? "rss"));
    expect(kindOf("releases")).toEqual(new Set(["github-releases"]));
    expect(kindOf("models")).toEqual(new Set(["huggingface"]));
    // Listing pages need selectors confirmed against the live page; none could be from here (docs/FEEDS.md).
    expect(new Set(entries.map((e) => e.kind ?? "rss"))).toEqual(new Set(["rss", "sitemap", "github-releases", "huggingface"]));
  });
});

interface DemoFeed {
  file: string;
  title: string;
  lang: "en" | "zh";
  contentType: string;
}

interface ParsedDemoFeed extends DemoFeed {
  bytes: Buffer;
  text: string;
  items: (Parser.Item & { id?: string })[];
}

interface ExpectedItem {
  file: string;
  guid: string;
  lang: string;
  kind: "on-topic" | "hard-negative" | "off-topic" | "hostile";
  indicators: string[];
  borderline: string[];
}

const DEMO_DIR = resolve(REPO_ROOT, "demo/feeds");
const index = JSON.parse(readFileSync(resolve(DEMO_DIR, "index.json"), "utf8")) as DemoFeed[];
const expected = JSON.parse(readFileSync(resolve(DEMO_DIR, "expected.json"), "utf8")) as ExpectedItem[];

/** Mirrors what the monitor must do: charset from Content-Type, else from the XML prolog; GB2312/GBK read as GB18030. */
function decodeFeed(bytes: Buffer, contentType: string): string {
  const prolog = /^<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(bytes.subarray(0, 200).toString("latin1"));
  const label = (/charset=([\w-]+)/i.exec(contentType)?.[1] ?? prolog?.[1] ?? "utf-8").toLowerCase();
  return iconv.decode(bytes, ["gb2312", "gbk"].includes(label) ? "gb18030" : label);
}

const itemKey = (item: Parser.Item & { id?: string }): string => item.guid ?? item.id ?? "";

describe("demo/feeds", () => {
  const parser = new Parser();
  let feeds: ParsedDemoFeed[] = [];
  let items: (Parser.Item & { id?: string; file: string })[] = [];

  beforeAll(async () => {
    feeds = await Promise.all(
      index.map(async (entry) => {
        const bytes = readFileSync(resolve(DEMO_DIR, entry.file));
        const text = decodeFeed(bytes, entry.contentType);
        return { ...entry, bytes, text, items: (await parser.parseString(text)).items };
      }),
    );
    items = feeds.flatMap((feed) => feed.items.map((item) => ({ ...item, file: feed.file })));
  });

  it("index.json describes every feed file in the folder", () => {
    const onDisk = readdirSync(DEMO_DIR).filter((name) => name.endsWith(".xml"));
    expect(index.map((entry) => entry.file).sort()).toEqual(onDisk.sort());
    expect(index.length).toBeGreaterThanOrEqual(5);
  });

  it("mixes RSS 2.0 and Atom, English and Chinese", () => {
    const roots = feeds.map((feed) => /<(rss|feed)[\s>]/.exec(feed.text)?.[1]);
    expect(new Set(roots)).toEqual(new Set(["rss", "feed"]));
    expect(new Set(index.map((entry) => entry.lang))).toEqual(new Set(["en", "zh"]));
  });

  it("holds at least 48 dated 2026 items with unique guids and links", () => {
    expect(items.length).toBeGreaterThanOrEqual(48);
    for (const item of items) {
      expect(item.title, itemKey(item)).toBeTruthy();
      expect(item.isoDate?.slice(0, 4), itemKey(item)).toBe("2026");
    }
    expect(new Set(items.map(itemKey)).size).toBe(items.length);
    expect(items.every((item) => itemKey(item) !== "")).toBe(true);
    expect(new Set(items.map((item) => item.link)).size).toBe(items.length);
  });

  it("has a GB2312-declared feed in real GB18030 bytes that only decodes through the prolog", () => {
    const gbFeed = feeds.find((feed) => /encoding="GB2312"/.test(feed.bytes.subarray(0, 100).toString("latin1")));
    expect(gbFeed).toBeDefined();
    expect(gbFeed!.contentType).not.toMatch(/charset/i);
    expect(gbFeed!.bytes.toString("utf8")).toContain("\ufffd");
    expect(gbFeed!.items.map((item) => item.title).join("")).toContain("昇腾");
  });

  it("includes simplified and traditional Chinese items", () => {
    const titles = items.map((item) => item.title ?? "");
    expect(titles.some((title) => title.includes("华为昇腾"))).toBe(true);
    expect(titles.some((title) => title.includes("華為昇騰"))).toBe(true);
  });

  it("includes the hostile item the UI must render inert", () => {
    const hostile = items.find((item) => item.title?.includes("<script>"));
    expect(hostile).toBeDefined();
    expect(hostile!.link).toBe("javascript:alert(1)");
    expect(hostile!.content).toContain("onerror=alert(1)");
  });

  it("expected.json labels exactly the items in the feeds", () => {
    const inFeeds = items.map((item) => `${item.file} ${itemKey(item)}`).sort();
    expect(expected.map((row) => `${row.file} ${row.guid}`).sort()).toEqual(inFeeds);
  });

  it("expected.json covers every SCHEMA.md indicator with at least 3 items, plus irrelevant items", () => {
    const schema = readFileSync(resolve(SHARED, "eval/SCHEMA.md"), "utf8");
    const indicatorIds = [...schema.matchAll(/^\| `([a-z_]+)` \|/gm)].map((match) => match[1]);
    expect(indicatorIds).toHaveLength(8);
    for (const id of indicatorIds) {
      expect(expected.filter((row) => row.indicators.includes(id!)).length, id).toBeGreaterThanOrEqual(3);
    }
    for (const row of expected) {
      for (const id of [...row.indicators, ...row.borderline]) expect(indicatorIds, row.guid).toContain(id);
    }
    expect(expected.filter((row) => row.indicators.length === 0).length).toBeGreaterThanOrEqual(12);
  });
});
