// News sitemaps (`<urlset>` with `<news:news>` or `<lastmod>`) and sitemap indexes as feed items, bounded: at most
// MAX_SITEMAP_ENTRIES entries are read from one document (the protocol's own limit), the newest `maxItems` are
// kept, and an index yields at most MAX_CHILD_SITEMAPS children (newest first) for the caller to fetch one level
// down. The document passes the same XML prelude checks as a feed (no DTD entities, depth cap) and is walked once.
import { load } from "./cheerio-load.ts";
import type { AnyNode, Element } from "domhandler";
import { parseFeedDate, type DateReading } from "./feed-date.ts";
import { collapseWhitespace } from "./html-text.ts";
import { newestItems } from "./item-cap.ts";
import { FeedParseError, type FeedItem, type ParsedFeed } from "./types.ts";
import { assertParsableXml, findRootElement } from "./xml-prelude.ts";

export const MAX_SITEMAP_ENTRIES = 50_000;
export const MAX_CHILD_SITEMAPS = 5;
const MAX_URL_CHARS = 4000;
const MAX_TITLE_CHARS = 500;

export type Sitemap =
  | { kind: "index"; sitemaps: string[] }
  | { kind: "urlset"; feed: ParsedFeed; skippedItems: number };

export interface SitemapOptions {
  baseUrl: string;
  dates: DateReading;
  maxItems: number;
}

const localName = (el: Element) => (el.name.split(":").pop() ?? "").toLowerCase();

function childElements(node: AnyNode): Element[] {
  return "children" in node ? node.children.filter((c): c is Element => c.type === "tag") : [];
}

function textOf(el: Element | undefined, max: number): string {
  if (!el) return "";
  let out = "";
  for (const child of el.children) if (child.type === "text" || child.type === "cdata") out += "data" in child ? child.data : "";
  return collapseWhitespace(out.length > max * 2 ? out.slice(0, max * 2) : out).slice(0, max);
}

/** The named children of an entry (by local name, any prefix), one level down and inside <news:news>. */
function fields(entry: Element): Map<string, Element> {
  const map = new Map<string, Element>();
  for (const child of childElements(entry)) {
    const name = localName(child);
    if (name === "news" || name === "publication") {
      for (const inner of childElements(child)) if (!map.has(`news.${localName(inner)}`)) map.set(`news.${localName(inner)}`, inner);
      for (const inner of childElements(child).flatMap(childElements)) if (!map.has(`news.${localName(inner)}`)) map.set(`news.${localName(inner)}`, inner);
    } else if (!map.has(name)) map.set(name, child);
  }
  return map;
}

function httpUrl(raw: string, base: string): string | null {
  if (raw === "" || raw.length > MAX_URL_CHARS) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** A readable title from a URL's last path segment ("/2026/11/glm-5-trained-on-ascend.html" -> "glm 5 trained on ascend"). */
export function titleFromUrl(url: string): string {
  const segments = new URL(url).pathname.split("/").filter(Boolean);
  let last = segments.pop() ?? "";
  try {
    last = decodeURIComponent(last);
  } catch {
    // keep it encoded
  }
  const words = last.replace(/\.[a-z0-9]{2,5}$/i, "").replace(/[-_+]+/g, " ").trim();
  return /[\p{L}]{3}/u.test(words) ? words.slice(0, MAX_TITLE_CHARS) : url;
}

function entryItem(entry: Element, options: SitemapOptions): FeedItem | null {
  const f = fields(entry);
  const link = httpUrl(textOf(f.get("loc"), MAX_URL_CHARS), options.baseUrl);
  if (!link) return null;
  const published = parseFeedDate(textOf(f.get("news.publication_date"), 100), options.dates) ?? parseFeedDate(textOf(f.get("lastmod"), 100), options.dates);
  const title = textOf(f.get("news.title"), MAX_TITLE_CHARS) || textOf(f.get("title"), MAX_TITLE_CHARS) || titleFromUrl(link);
  const keywords = textOf(f.get("news.keywords"), 500);
  return { guid: link, link, title, summary: keywords, contentHtml: null, published, author: null, authorEmail: null };
}

export function parseSitemap(text: string, options: SitemapOptions): Sitemap {
  const trimmed = text.replace(/^[\ufeff\s]+/, "");
  const root = findRootElement(trimmed);
  const rootName = (root?.name.split(":").pop() ?? "").toLowerCase();
  if (!root || (rootName !== "urlset" && rootName !== "sitemapindex")) {
    throw new FeedParseError(`not a sitemap: root element ${root ? `<${root.name}>` : "missing"}`);
  }
  assertParsableXml(trimmed, root);
  const $ = load(trimmed, { xml: true });
  const rootEl = childElements($.root().get(0)!).find((el) => localName(el) === rootName);
  const entries = rootEl ? childElements(rootEl).slice(0, MAX_SITEMAP_ENTRIES) : [];
  if (rootName === "sitemapindex") {
    const children = entries
      .filter((el) => localName(el) === "sitemap")
      .map((el) => {
        const f = fields(el);
        return { url: httpUrl(textOf(f.get("loc"), MAX_URL_CHARS), options.baseUrl), at: parseFeedDate(textOf(f.get("lastmod"), 100), options.dates)?.getTime() ?? 0 };
      })
      .filter((c): c is { url: string; at: number } => c.url !== null)
      .sort((a, b) => b.at - a.at);
    return { kind: "index", sitemaps: [...new Set(children.map((c) => c.url))].slice(0, MAX_CHILD_SITEMAPS) };
  }
  const all = entries.filter((el) => localName(el) === "url").flatMap((el) => entryItem(el, options) ?? []);
  const { items, skipped } = newestItems(all, options.maxItems);
  // Newest first, as a feed lists them.
  const ordered = [...items].sort((a, b) => (b.published?.getTime() ?? -Infinity) - (a.published?.getTime() ?? -Infinity));
  return {
    kind: "urlset",
    feed: { format: "sitemap", parser: "sitemap", title: "", link: null, language: null, ttlMinutes: null, items: ordered },
    skippedItems: skipped,
  };
}
