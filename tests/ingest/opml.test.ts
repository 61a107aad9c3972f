import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseOpml, toOpml } from "../../src/ingest/opml.ts";
import { FeedParseError } from "../../src/ingest/types.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/feeds");

describe("parseOpml", () => {
  it("reads nested outlines with our extra attributes and skips folders and duplicates", () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Folder">
        <outline type="rss" text="A &amp; B" xmlUrl="https://a.example/feed" language="zh" description="中文 &lt;news&gt;" category="zh-media"/>
        <outline type="rss" text="dup" xmlUrl="https://a.example/feed"/>
      </outline>
      <outline type="rss" title="Lower" xmlurl="http://b.example/rss"/>
      <outline type="rss" text="bad" xmlUrl="javascript:alert(1)"/>
    </body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { url: "https://a.example/feed", title: "A & B", lang: "zh", note: "中文 <news>", category: "zh-media" },
      { url: "http://b.example/rss", title: "Lower" },
    ]);
  });

  it("refuses non-OPML and entity declarations", () => {
    expect(() => parseOpml("<rss/>")).toThrow(FeedParseError);
    expect(() => parseOpml('<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>')).toThrow(/entities/);
  });

  it("reads the corpus OPML references", () => {
    const feeds = parseOpml(readFileSync(path.join(CORPUS, "feedsmith/src/opml/references/subscriptions.opml"), "utf8"));
    expect(feeds.length).toBeGreaterThan(0);
    for (const f of feeds) expect(f.url).toMatch(/^https?:\/\//);
  });
});

describe("toOpml", () => {
  it("escapes and round-trips", () => {
    const feeds = [
      { url: "https://e.com/rss?a=1&b=2", title: `Quotes " ' <tags> & 芯片`, lang: "zh", note: "n\u0001ote", category: "press" },
      { url: "https://f.com/atom", title: "Plain" },
    ];
    const xml = toOpml(feeds);
    expect(xml).toContain("xmlUrl=\"https://e.com/rss?a=1&amp;b=2\"");
    expect(xml).not.toContain("\u0001");
    expect(parseOpml(xml)).toEqual([{ ...feeds[0], note: "note" }, feeds[1]]);
  });
});
