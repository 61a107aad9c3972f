import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHIPWATCH_OPML_NS, parseOpml, toOpml } from "../../src/ingest/opml.ts";
import { FeedParseError } from "../../src/ingest/types.ts";

const CORPUS = path.resolve(import.meta.dirname, "../../../shared/corpus/feeds");

describe("parseOpml", () => {
  it("reads nested outlines with our extra attributes, skips folders, and leaves URL checks to the importer", () => {
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
      { url: "https://a.example/feed", title: "dup" },
      { url: "http://b.example/rss", title: "Lower" },
      { url: "javascript:alert(1)", title: "bad" },
    ]);
  });

  it("reads chipwatch settings under whatever prefix the document binds to our namespace", () => {
    const opml = `<opml version="2.0" xmlns:cw="${CHIPWATCH_OPML_NS}"><body>
      <outline xmlUrl="https://a.example/feed" cw:timezone="Asia/Shanghai" CW:FULLTEXT="true"/>
      <outline xmlUrl="https://b.example/feed" chipwatch:timezone="Asia/Tokyo" other:timezone="Europe/Paris"/>
      <outline xmlUrl="https://c.example/feed" other:timezone="Europe/Paris" cw:fullText="false"/>
    </body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { url: "https://a.example/feed", title: "https://a.example/feed", timezone: "Asia/Shanghai", fetchFullText: true },
      { url: "https://b.example/feed", title: "https://b.example/feed", timezone: "Asia/Tokyo" },
      { url: "https://c.example/feed", title: "https://c.example/feed", fetchFullText: false },
    ]);
  });

  it("refuses non-OPML and entity declarations", () => {
    expect(() => parseOpml("<rss/>")).toThrow(FeedParseError);
    expect(() => parseOpml('<!DOCTYPE opml [<!ENTITY x "y">]><opml><body/></opml>')).toThrow(/entities/);
  });

  it("reads the corpus OPML references", () => {
    const feeds = parseOpml(readFileSync(path.join(CORPUS, "feedsmith/src/opml/references/subscriptions.opml"), "utf8"));
    expect(feeds.length).toBeGreaterThan(0);
    for (const f of feeds) expect(f.url).not.toBe("");
  });
});

describe("toOpml", () => {
  it("escapes and round-trips", () => {
    const feeds = [
      {
        url: "https://e.com/rss?a=1&b=2",
        title: `Quotes " ' <tags> & 芯片`,
        lang: "zh",
        note: "n\u0001ote",
        category: "press",
        timezone: "Asia/Shanghai",
        fetchFullText: true,
      },
      { url: "https://f.com/atom", title: "Plain" },
    ];
    const xml = toOpml(feeds);
    expect(xml).toContain("xmlUrl=\"https://e.com/rss?a=1&amp;b=2\"");
    expect(xml).not.toContain("\u0001");
    expect(xml).toContain(`xmlns:chipwatch="${CHIPWATCH_OPML_NS}"`);
    expect(xml).toContain('chipwatch:timezone="Asia/Shanghai" chipwatch:fullText="true"');
    expect(parseOpml(xml)).toEqual([{ ...feeds[0], note: "note" }, feeds[1]]);
  });

  it("keeps a source's kind and selectors as chipwatch attributes, and a kind's full-text default switched off", () => {
    const feeds = [
      {
        url: "https://www.miit.example/zwgk/tzgg/index.html",
        title: "MIIT notices",
        kind: "html",
        selectors: { item: ".page-list li", title: "a", link: "a[href^='./art/']", date: "span.fr" },
        fetchFullText: false,
      },
      { url: "https://github.com/a/b/releases.atom", title: "b releases", kind: "github-releases", fetchFullText: true },
    ];
    const xml = toOpml(feeds);
    expect(xml).toContain(`chipwatch:fullText="false" chipwatch:kind="html" chipwatch:itemSelector=".page-list li" chipwatch:titleSelector="a" chipwatch:linkSelector="a[href^=&apos;./art/&apos;]" chipwatch:dateSelector="span.fr"`);
    expect(parseOpml(xml)).toEqual(feeds);
  });
});
