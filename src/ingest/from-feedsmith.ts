// feedsmith (lenient fast-xml-parser, namespace-aware) output -> our intermediate RawItem and feed fields.
import { parseFeed as feedsmithParse } from "feedsmith";
import { textOf, type RawItem } from "./feed-item.ts";
import type { RawFeed } from "./from-rss-parser.ts";

type Loose = Record<string, unknown>;

const obj = (v: unknown): Loose => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? v.map(obj) : []);

/**
 * The Atom link a reader follows: rel="alternate" (or no rel, which means alternate). Never a licence,
 * enclosure, replies, self or edit link: an entry with only those has no link.
 */
function atomLink(links: unknown): string | null {
  const alternate = list(links).find((l) => l.rel === undefined || l.rel === "alternate");
  return alternate ? textOf(alternate.href) : null;
}

/**
 * An Atom text construct: type="text" (0.3: "text/plain") is literal text, its "<" are characters, not markup;
 * a base64 type (1.0: application/octet-stream) is decoded. Atom 0.3 mode="base64" is decoded before parsing.
 */
function atomText(v: unknown): unknown {
  const o = obj(v);
  if (typeof o.value !== "string" || typeof o.type !== "string") return v;
  if (o.type.includes("octet-stream")) return Buffer.from(o.value, "base64").toString("utf8");
  return o.type === "text" || o.type === "text/plain" ? { value: o.value, literal: true } : v;
}

/** Media RSS description, on the item or in its first media:group (YouTube). */
function mediaDescription(media: unknown): unknown {
  const m = obj(media);
  return m.description ?? list(m.groups).map((g) => g.description).find((d) => d !== undefined);
}

function rssItem(item: Loose): RawItem {
  const dc = obj(item.dc);
  const atom = obj(item.atom);
  const dcterms = obj(item.dcterms);
  const description = item.description ?? mediaDescription(item.media) ?? obj(item.itunes).summary ?? dc.description ?? dc.descriptions;
  return {
    guid: item.guid,
    guidIsPermaLink: obj(item.guid).isPermaLink !== false,
    link: item.link ?? atomLink(atom.links),
    base: obj(item.xml).base,
    title: item.title ?? dc.title ?? dc.titles,
    summary: description ?? atomText(atom.content),
    content: obj(item.content).encoded ?? atomText(atom.content) ?? description,
    dates: [item.pubDate, dc.date, dc.dates, atom.published, dcterms.issued, dcterms.created, atom.updated, dcterms.modified],
    author: item.authors ?? dc.creators ?? dc.creator ?? atom.authors ?? obj(item.itunes).author,
  };
}

function atomEntry(entry: Loose): RawItem {
  const summary = atomText(entry.summary ?? mediaDescription(entry.media));
  return {
    guid: entry.id,
    link: atomLink(entry.links),
    base: obj(entry.xml).base,
    title: atomText(entry.title),
    summary,
    content: atomText(entry.content) ?? summary,
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
    case "rdf": {
      const dc = obj(feed.dc);
      return {
        format: result.format,
        feed: { title: feed.title ?? dc.title ?? dc.titles, link: feed.link, language: feed.language ?? dc.language, ttl: feed.ttl, items: list(feed.items).map(rssItem) },
      };
    }
    default:
      throw new Error(`feedsmith detected unsupported format ${result.format}`);
  }
}
