// OPML subscription lists: import (any nesting, attribute names in any case) and export (escaped XML).
import { load } from "cheerio";
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
}

/** Feeds listed in an OPML document, in document order, each URL once. Non-http(s) URLs are skipped. */
export function parseOpml(text: string): OpmlFeed[] {
  const root = findRootElement(text.replace(/^[\ufeff\s]+/, ""));
  if (!root || root.name.toLowerCase() !== "opml") throw new FeedParseError("not an OPML document");
  if (/<!ENTITY/i.test(root.prelude)) throw new FeedParseError("OPML DOCTYPE declares entities: refused");
  const $ = load(text, { xml: true });
  const seen = new Set<string>();
  const feeds: OpmlFeed[] = [];
  $("outline").each((_, el) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(el.attribs)) attrs[k.toLowerCase()] = v.trim();
    const url = attrs.xmlurl;
    if (!url || !/^https?:\/\//i.test(url) || seen.has(url)) return;
    seen.add(url);
    const feed: OpmlFeed = { url, title: attrs.title || attrs.text || url };
    if (attrs.language) feed.lang = attrs.language;
    if (attrs.description) feed.note = attrs.description;
    if (attrs.category) feed.category = attrs.category;
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

export function toOpml(feeds: readonly OpmlFeed[], title = "chipwatch feeds"): string {
  const attr = (name: string, value: string | undefined) => (value ? ` ${name}="${escapeXml(value)}"` : "");
  const outlines = feeds.map(
    (f) =>
      `    <outline type="rss"${attr("text", f.title)}${attr("title", f.title)}${attr("xmlUrl", f.url)}` +
      `${attr("language", f.lang)}${attr("category", f.category)}${attr("description", f.note)}/>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(title)}</title></head>`,
    "  <body>",
    ...outlines,
    "  </body>",
    "</opml>",
    "",
  ].join("\n");
}
