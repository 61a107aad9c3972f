// OPML subscription lists: import (any nesting, attribute names in any case) and export (escaped XML).
// chipwatch's own feed settings travel as attributes in the CHIPWATCH_OPML_NS namespace, which other readers ignore.
import { load } from "./cheerio-load.ts";
import type { FeedKind, ListingSelectors } from "./source-kind.ts";
import { FeedParseError } from "./types.ts";
import { findRootElement, ILLEGAL_XML_CHARS } from "./xml-prelude.ts";

export interface OpmlFeed {
  url: string;
  title: string;
  /** OPML `language` attribute (e.g. "en", "zh"). */
  lang?: string;
  /** OPML `description` attribute. */
  note?: string;
  /** Our `category` attribute (press, zh-media, ...). */
  category?: string;
  /** `chipwatch:timezone`: IANA zone for the feed's zone-less dates (checked where the feed is added). */
  timezone?: string;
  /** `chipwatch:fullText="true"|"false"`: fetch each article's page for its text (absent: the kind's default). */
  fetchFullText?: boolean;
  /** `chipwatch:kind`: html, github-releases, huggingface, sitemap (absent: rss). Checked where the feed is added. */
  kind?: FeedKind | string;
  /** `chipwatch:itemSelector`, `chipwatch:titleSelector`, ... of an html source. */
  selectors?: Partial<ListingSelectors>;
}

/** The selector fields and their OPML attribute names (chipwatch:itemSelector, ...). */
const SELECTOR_FIELDS = ["item", "title", "link", "date", "summary"] as const;
const selectorAttribute = (field: string) => `chipwatch:${field}Selector`;

export const CHIPWATCH_OPML_NS = "urn:chipwatch:opml";

/** Prefixes bound to our namespace on the root (lowercased, with the colon); `chipwatch:` even when undeclared. */
function ourPrefixes(rootAttrs: Record<string, string>): string[] {
  const prefixes = new Set(["chipwatch:"]);
  for (const [k, v] of Object.entries(rootAttrs)) {
    if (k.toLowerCase().startsWith("xmlns:") && v.trim() === CHIPWATCH_OPML_NS) prefixes.add(`${k.slice(6).toLowerCase()}:`);
  }
  return [...prefixes];
}

/**
 * Every outline with an `xmlUrl`, in document order, as written: URLs are checked (and duplicates found) where
 * the feeds are added, so that an import can say which entries it refused and why.
 */
export function parseOpml(text: string): OpmlFeed[] {
  const root = findRootElement(text.replace(/^[\ufeff\s]+/, ""));
  if (!root || root.name.toLowerCase() !== "opml") throw new FeedParseError("not an OPML document");
  if (/<!ENTITY/i.test(root.prelude)) throw new FeedParseError("OPML DOCTYPE declares entities: refused");
  const $ = load(text, { xml: true });
  const prefixes = ourPrefixes($.root().children().first().attr() ?? {});
  const feeds: OpmlFeed[] = [];
  $("outline").each((_, el) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(el.attribs)) {
      const name = k.toLowerCase();
      const prefix = prefixes.find((p) => name.startsWith(p));
      attrs[prefix ? `chipwatch:${name.slice(prefix.length)}` : name] = v.trim();
    }
    const url = attrs.xmlurl;
    if (!url) return;
    const feed: OpmlFeed = { url, title: attrs.title || attrs.text || url };
    if (attrs.language) feed.lang = attrs.language;
    if (attrs.description) feed.note = attrs.description;
    if (attrs.category) feed.category = attrs.category;
    if (attrs["chipwatch:timezone"]) feed.timezone = attrs["chipwatch:timezone"];
    if (attrs["chipwatch:fulltext"] === "true") feed.fetchFullText = true;
    if (attrs["chipwatch:fulltext"] === "false") feed.fetchFullText = false;
    if (attrs["chipwatch:kind"]) feed.kind = attrs["chipwatch:kind"];
    const selectors: Partial<ListingSelectors> = {};
    for (const field of SELECTOR_FIELDS) {
      const value = attrs[selectorAttribute(field).toLowerCase()];
      if (value) selectors[field] = value;
    }
    if (Object.keys(selectors).length > 0) feed.selectors = selectors;
    feeds.push(feed);
  });
  return feeds;
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(ILLEGAL_XML_CHARS, "");
}

/** fullText as written: "true" when set; "false" too for a kind that fetches pages by default (so it stays off). */
function fullText(f: OpmlFeed): string {
  if (f.fetchFullText) return ' chipwatch:fullText="true"';
  return f.kind && f.kind !== "rss" && f.fetchFullText === false ? ' chipwatch:fullText="false"' : "";
}

export function toOpml(feeds: readonly OpmlFeed[], title = "chipwatch feeds"): string {
  const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeXml(value)}"` : "");
  const outlines = feeds.map(
    (f) =>
      `    <outline type="rss"${attr("text", f.title)}${attr("title", f.title)}${attr("xmlUrl", f.url)}` +
      `${attr("language", f.lang)}${attr("category", f.category)}${attr("description", f.note)}` +
      `${attr("chipwatch:timezone", f.timezone)}${fullText(f)}${f.kind && f.kind !== "rss" ? attr("chipwatch:kind", f.kind) : ""}` +
      `${SELECTOR_FIELDS.map((field) => attr(selectorAttribute(field), f.selectors?.[field])).join("")}/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<opml version="2.0" xmlns:chipwatch="${CHIPWATCH_OPML_NS}">`,
    `  <head><title>${escapeXml(title)}</title></head>`,
    "  <body>",
    ...outlines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
