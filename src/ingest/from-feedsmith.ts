// feedsmith (lenient fast-xml-parser) output -> our intermediate RawItem and feed fields.
import { parseFeed as feedsmithParse } from "feedsmith";
import { textOf, type RawItem } from "./feed-item.ts";
import type { RawFeed } from "./from-rss-parser.ts";

type Loose = Record<string, unknown>;

const obj = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);

/** Atom link choice: rel="alternate" (or no rel) first, then anything with an href. */
function atomLink(links: unknown): string | null {
  const all = list(links);
  const alternate = all.find((l) => l.rel === undefined || l.rel === "alternate") ?? all[0];
  return alternate ? textOf(alternate.href) : null;
}

/** Atom 0.3 text constructs may be base64 (mode="base64"), which feedsmith reports as an octet-stream type. */
function atomText(v: unknown): unknown {
  const o = obj(v);
  if (typeof o.value === "string" && typeof o.type === "string" && o.type.includes("octet-stream")) {
    return Buffer.from(o.value, "base64").toString("utf8");
  }
  return v;
}

function rssItem(item: Loose): RawItem {
  const dc = obj(item.dc);
  return {
    guid: item.guid,
    link: item.link ?? atomLink(obj(item.atom).links),
    title: item.title ?? dc.title ?? dc.titles,
    summary: item.description,
    content: obj(item.content).encoded ?? item.description,
    dates: [item.pubDate, dc.date, dc.dates, obj(item.atom).published, obj(item.dcterms).issued, obj(item.atom).updated, obj(item.dcterms).modified],
    author: item.authors ?? dc.creators ?? dc.creator,
  };
}

function atomEntry(entry: Loose): RawItem {
  return {
    guid: entry.id,
    link: atomLink(entry.links),
    title: atomText(entry.title),
    summary: entry.summary,
    content: entry.content ?? entry.summary,
    dates: [entry.published, entry.updated, obj(entry.dc).date],
    author: entry.authors,
  };
}

/** Which of our formats feedsmith detected; null for JSON (we parse that ourselves) or unknown. */
export type FeedsmithFormat = "rss" | "atom" | "rdf";

export function parseWithFeedsmith(text: string): { format: FeedsmithFormat; feed: RawFeed } {
  const result = feedsmithParse(text) as { format: string; feed: unknown };
  const feed = obj(result.feed);
  switch (result.format) {
    case "atom":
      return {
        format: "atom",
        feed: { title: atomText(feed.title), link: atomLink(feed.links), language: feed.lang ?? obj(feed.xml).lang, ttl: null, items: list(feed.entries).map(atomEntry) },
      };
    case "rss":
    case "rdf":
      return {
        format: result.format,
        feed: { title: feed.title, link: feed.link, language: feed.language ?? obj(feed.dc).language, ttl: feed.ttl, items: list(feed.items).map(rssItem) },
      };
    default:
      throw new Error(`feedsmith detected unsupported format ${result.format}`);
  }
}
