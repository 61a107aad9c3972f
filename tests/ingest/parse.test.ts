import { describe, expect, it } from "vitest";
import { detectFormat, parseFeed } from "../../src/ingest/parse.ts";
import { FeedParseError } from "../../src/ingest/types.ts";

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>芯片新闻 &amp; AI</title><link>https://news.example.cn/</link><language>zh-cn</language><ttl>30</ttl>
<item><title>华为&lt;b&gt;昇腾&lt;/b&gt;910B 用于训练</title><link>/2024/01/a.html</link><guid isPermaLink="false">id-1</guid>
<pubDate>2024-01-02 15:04:05</pubDate><dc:creator>记者</dc:creator>
<description>&lt;p&gt;摘要，内容。&lt;/p&gt;</description><content:encoded><![CDATA[<p>全文 <script>x()</script></p>]]></content:encoded></item>
<item><title>Second</title><guid>https://news.example.cn/b</guid><pubDate>Tue, 02 Jan 2024 08:00:00 +0800</pubDate></item>
</channel></rss>`;

describe("parseFeed", () => {
  it("normalises an RSS 2.0 feed", async () => {
    const feed = await parseFeed(rss);
    expect(feed).toMatchObject({ format: "rss", parser: "feedsmith", title: "芯片新闻 & AI", language: "zh-cn", ttlMinutes: 30 });
    const [a, b] = feed.items;
    expect(a).toMatchObject({
      guid: "id-1",
      link: "https://news.example.cn/2024/01/a.html",
      title: "华为昇腾910B 用于训练",
      summary: "摘要，内容。",
      author: "记者",
    });
    expect(a!.contentHtml).toContain("<p>全文");
    // A zone-less time in a zh-cn feed is China Standard Time.
    expect(a!.published?.toISOString()).toBe("2024-01-02T07:04:05.000Z");
    // A permalink guid stands in for a missing <link>.
    expect(b!.link).toBe("https://news.example.cn/b");
    expect(b!.published?.toISOString()).toBe("2024-01-02T00:00:00.000Z");
  });

  it("reads Atom with xml:base and xhtml titles", async () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.com/posts/">
      <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Chips <b>weekly</b></div></title>
      <link rel="alternate" href="https://blog.example.com/"/>
      <entry><title>E1</title><link rel="alternate" href="e1.html"/><id>urn:e1</id><updated>2024-03-01T10:00:00Z</updated>
      <summary>Short</summary><author><name>Ann</name></author></entry></feed>`;
    const feed = await parseFeed(atom);
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("Chips weekly");
    expect(feed.items[0]).toMatchObject({ guid: "urn:e1", link: "https://blog.example.com/posts/e1.html", summary: "Short", author: "Ann" });
  });

  it("reads RSS 1.0 (RDF)", async () => {
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
      <channel rdf:about="http://e.com/"><title>R</title><link>http://e.com/</link></channel>
      <item rdf:about="http://e.com/1"><title>One</title><link>http://e.com/1</link></item></rdf:RDF>`;
    const feed = await parseFeed(rdf);
    expect(feed.format).toBe("rdf");
    expect(feed.items.map((i) => i.link)).toEqual(["http://e.com/1"]);
  });

  it("parses JSON Feed 1.1", async () => {
    const json = JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title: "J",
      home_page_url: "https://j.example/",
      language: "en",
      items: [{ id: 1, url: "/p/1", title: "T", content_html: "<p>Hi</p>", date_published: "2024-05-01T00:00:00Z", authors: [{ name: "Zed" }] }],
    });
    const feed = await parseFeed(json);
    expect(feed).toMatchObject({ format: "json", parser: "json", title: "J", language: "en" });
    expect(feed.items[0]).toMatchObject({ guid: "1", link: "https://j.example/p/1", summary: "Hi", author: "Zed" });
  });

  it("keeps the items of a truncated feed", async () => {
    const cut = rss.slice(0, rss.indexOf("</channel>")) + "</chan";
    const feed = await parseFeed(cut);
    expect(feed.items).toHaveLength(2);
    // Cut before any item: a server error page, not an empty feed.
    const head = rss.slice(0, rss.indexOf("<item>")) + "<!-- Exception rendering module -->";
    await expect(parseFeed(head)).rejects.toThrow(/truncated/);
  });

  it("rejects DTD entity declarations (billion laughs, XXE)", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    await expect(parseFeed(bomb)).rejects.toThrow(/entities/);
    const xxe = `<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>`;
    await expect(parseFeed(xxe)).rejects.toBeInstanceOf(FeedParseError);
  });

  it("accepts a DOCTYPE without an internal subset (RSS 0.91)", async () => {
    const doc = `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
      <rss version="0.91"><channel><title>Old</title><item><title>i</title><link>http://e.com/i</link></item></channel></rss>`;
    expect((await parseFeed(doc)).items).toHaveLength(1);
  });

  it("rejects deep nesting and oversized documents quickly", async () => {
    const deep = `<rss><channel>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}</channel></rss>`;
    const started = Date.now();
    await expect(parseFeed(deep)).rejects.toThrow(/nested deeper/);
    await expect(parseFeed(`<rss>${" ".repeat(17 * 1024 * 1024)}</rss>`)).rejects.toThrow(/too large/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses HTML, empty input and invalid JSON with FeedParseError", async () => {
    await expect(parseFeed("<!DOCTYPE html><html><body>hi</body></html>")).rejects.toThrow(/root element <html>/);
    await expect(parseFeed("   ")).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed("{ not json")).rejects.toBeInstanceOf(FeedParseError);
    await expect(parseFeed(`<rss><channel><item><title>a</rss>`)).rejects.toBeInstanceOf(FeedParseError);
  });
});

describe("detectFormat", () => {
  it("detects by root element", () => {
    expect(detectFormat(rss)).toBe("rss");
    expect(detectFormat('\ufeff <?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom"/>')).toBe("atom");
    expect(detectFormat("<rdf:RDF xmlns:rdf='x'/>")).toBe("rdf");
    expect(detectFormat('{"version":"https://jsonfeed.org/version/1"}')).toBe("json");
    expect(detectFormat("<html></html>")).toBeNull();
    expect(detectFormat("plain text")).toBeNull();
  });
});
