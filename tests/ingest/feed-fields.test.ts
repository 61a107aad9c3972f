// Fields a reader expects, on the corpus files where feedparser was right and chipwatch was wrong (issue 11), and
// what chipwatch already did better (kept).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "../../src/ingest/decode.ts";
import { parseFeed } from "../../src/ingest/parse.ts";
import type { FeedItem } from "../../src/ingest/types.ts";
import { CORPUS } from "../support/feed-corpus.ts";

async function items(file: string): Promise<FeedItem[]> {
  const decoded = decodeFeedBytes(readFileSync(path.join(CORPUS, file)), null);
  return (await parseFeed(decoded.text)).items;
}
const first = async (file: string): Promise<FeedItem> => (await items(file))[0]!;

describe("feed fields", () => {
  it("keeps inline markup in titles as text", async () => {
    expect((await first("gofeed/testdata/parser/rss/rss_channel_item_title_naked_markup.xml")).title).toBe("Item Title");
    const feed = await parseFeed(`<rss version="2.0"><channel><title>t</title><item><title>Hello <b>World</b></title></item></channel></rss>`);
    expect(feed.items[0]!.title).toBe("Hello World");
  });

  it("keeps literal brackets in Atom type=\"text\" titles", async () => {
    expect((await first("feedparser/tests/wellformed/atom10/entry_title_text_plain_brackets.xml")).title).toBe("History of the <blink> tag");
    expect((await first("feedparser/tests/wellformed/atom/entry_title_text_plain_brackets.xml")).title).toBe("History of the <blink> tag");
  });

  it("decodes Atom 0.3 mode=\"base64\" and Atom 1.0 octet-stream titles", async () => {
    expect((await first("feedparser/tests/wellformed/atom/entry_title_base64.xml")).title).toBe("Example Atom");
    expect((await first("feedparser/tests/wellformed/atom10/entry_title_base64.xml")).title).toBe("Example Atom");
  });

  it("resolves links against entry- and item-level xml:base", async () => {
    expect((await first("feedparser/docs/examples/examples/base.xml")).link).toBe("http://example.org/archives/000001.html");
    const [a, b] = await items("node-feedparser/test/feeds/rss-with-item-scoped-html-base.xml");
    expect(a!.link).toBe("https://example.com/first/first");
    expect(b!.link).toBe("https://example.com/second");
  });

  it("takes the alternate link, never a licence or enclosure link", async () => {
    expect((await first("feedparser/tests/wellformed/atom10/entry_link_rel_license.xml")).link).toBeNull();
    expect((await first("feedparser/tests/wellformed/atom10/entry_link_rel_enclosure_map_enclosure_url.xml")).link).toBeNull();
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title>
      <link rel="license" href="http://l/"/><link rel="replies" href="http://r/"/><link rel="alternate" href="http://a/"/><link rel="self" href="http://s/"/></entry></feed>`);
    expect(feed.items[0]!.link).toBe("http://a/");
  });

  it("does not use a guid with isPermaLink=\"false\" as the link", async () => {
    const item = await first("feedparser/tests/wellformed/rss/item_guid_not_permalink.xml");
    expect(item.guid).toBe("http://guid.example.com/");
    expect(item.link).toBeNull();
  });

  it("takes text from media:description, itunes:summary, dc:description when there is no description", async () => {
    const yt = await first("rss-parser/test/input/atom-customfields.atom");
    expect(yt.summary).toMatch(/^Scott's Book "The Four"/);
    const rss = (el: string) =>
      `<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>t</title><item><title>a</title>${el}</item></channel></rss>`;
    for (const el of ["<media:description>Text here</media:description>", "<itunes:summary>Text here</itunes:summary>", "<dc:description>Text here</dc:description>"]) {
      expect((await parseFeed(rss(el))).items[0]!.summary, el).toBe("Text here");
    }
  });

  it("takes text from xhtml:body, <fullitem> and atom:content in RSS items", async () => {
    expect((await first("feedparser/tests/wellformed/rss/item_xhtml_body.xml")).summary).toBe("Example content");
    expect((await first("feedparser/tests/wellformed/rss/item_fullitem.xml")).summary).toBe("Example content");
    expect((await first("gofeed/testdata/translator/rss/feed_item_content_-_rss_channel_item_content_atom.xml")).summary).toBe("Body");
    const feed = await parseFeed(`<rss version="2.0" xmlns:xhtml="http://www.w3.org/1999/xhtml"><channel><title>t</title><item><title>a</title><xhtml:body><p>One ]]&gt; <b>two</b></p></xhtml:body></item></channel></rss>`);
    expect(feed.items[0]!.summary).toBe("One ]]> two");
  });

  it("decodes valid UTF-8 as UTF-8 whatever the prolog declares", async () => {
    expect((await first("miniflux/internal/reader/encoding/testdata/utf8-incorrect-prolog.xml")).title).toBe("Café");
  });

  it("reads <item> outside <channel> and RSS with a prefixed root", async () => {
    expect(await items("feedparser/tests/encoding/encoding_attribute_crash.xml")).toHaveLength(1);
    const [item] = await items("feedparser/tests/wellformed/namespace/rss2.0NSwithModulesNoDefNS.xml");
    expect(item!.title).toBe("Test Item - - RSS2.0 w/ NS no default NS");
    expect(item!.published?.toISOString()).toBe("2002-09-28T20:01:19.000Z");
  });

  it("splits authors into name and email", async () => {
    const rss = (author: string) => `<rss version="2.0"><channel><title>t</title><item><title>a</title><author>${author}</author></item></channel></rss>`;
    expect((await parseFeed(rss("ann@example.com (Ann Lee)"))).items[0]).toMatchObject({ author: "Ann Lee", authorEmail: "ann@example.com" });
    expect((await parseFeed(rss("ann@example.com"))).items[0]).toMatchObject({ author: null, authorEmail: "ann@example.com" });
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title><author><email>bo@example.com</email></author></entry></feed>`;
    expect((await parseFeed(atom)).items[0]).toMatchObject({ author: null, authorEmail: "bo@example.com" });
    expect((await first("feedparser/docs/examples/examples/base.xml"))).toMatchObject({ author: "Mark Pilgrim", authorEmail: "mark@example.org" });
  });
});
