// The one place where a parser's raw item fields become our FeedItem, whichever parser produced them.
import { parseFeedDate, type DateReading } from "./feed-date.ts";
import { htmlToText } from "./html-text.ts";
import { resolveLink } from "./resolve-link.ts";
import type { FeedItem } from "./types.ts";

/** Item fields as a parser hands them over (strings, or objects wrapping strings). */
export interface RawItem {
  guid?: unknown;
  link?: unknown;
  title?: unknown;
  /** Short description (RSS description, Atom summary). */
  summary?: unknown;
  /** Full HTML content (content:encoded, Atom content). */
  content?: unknown;
  /** Candidate dates, best first (published before updated). */
  dates: unknown[];
  author?: unknown;
}

/**
 * Text out of a parser value: a string, `{_: s}` (xml2js), `{value: s}` (feedsmith), `{"#text": s}`,
 * `{name: s}` (people), or the first usable element of an array.
 */
export function textOf(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v)) {
    for (const el of v) {
      const t = textOf(el);
      if (t !== null) return t;
    }
    return null;
  }
  if (typeof v === "object" && v !== null) {
    const o = v as Record<string, unknown>;
    for (const key of ["_", "value", "#text", "name", "href"]) {
      if (key in o) return textOf(o[key]);
    }
  }
  return null;
}

const nonEmpty = (s: string | null): string | null => (s !== null && s.trim() !== "" ? s.trim() : null);

const ABSOLUTE_HTTP = /^https?:\/\//i;

/** What one feed tells about all of its items: where relative links point, how to read its dates. */
export interface ItemContext {
  /** Bases for relative links, best first (xml:base, feed link, document URL). */
  bases: (string | null)[];
  dates: DateReading;
}

export function buildItem(raw: RawItem, { bases, dates }: ItemContext): FeedItem {
  const guid = nonEmpty(textOf(raw.guid));
  // RSS allows an item with only a permalink guid (feedparser's "guidislink").
  const rawLink = nonEmpty(textOf(raw.link)) ?? (guid !== null && ABSOLUTE_HTTP.test(guid) ? guid : null);
  const contentHtml = nonEmpty(textOf(raw.content));
  const summarySource = nonEmpty(textOf(raw.summary)) ?? contentHtml;
  let published: Date | null = null;
  for (const d of raw.dates) {
    published = parseFeedDate(textOf(d) ?? d, dates);
    if (published) break;
  }
  return {
    guid,
    link: rawLink === null ? null : resolveLink(rawLink, ...bases),
    title: htmlToText(textOf(raw.title) ?? ""),
    summary: summarySource === null ? "" : htmlToText(summarySource),
    contentHtml,
    published,
    author: nonEmpty(htmlToText(textOf(raw.author) ?? "")),
  };
}
