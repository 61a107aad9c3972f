// The one place where a parser's raw item fields become our FeedItem, whichever parser produced them.
import { parseFeedDate, type DateReading } from "./feed-date.ts";
import { collapseWhitespace, htmlToText } from "./html-text.ts";
import { resolveLink } from "./resolve-link.ts";
import type { FeedItem } from "./types.ts";

/** Item fields as a parser hands them over (strings, or objects wrapping strings). */
export interface RawItem {
  guid?: unknown;
  /** False when the feed says the guid is not a URL (RSS isPermaLink="false"). */
  guidIsPermaLink?: boolean;
  /** The item's own xml:base, when it has one. */
  base?: unknown;
  link?: unknown;
  title?: unknown;
  /** Short description (RSS description, Atom summary). */
  summary?: unknown;
  /** Full HTML content (content:encoded, Atom content). */
  content?: unknown;
  /** Candidate dates, best first (published before updated). */
  dates: unknown[];
  /** People: strings ("email (Name)", "Name <email>", "Name"), `{name, email}` objects, or lists of them. */
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

/** Text of a title or summary: markup stripped, except in a literal text construct (Atom type="text"). */
function plainText(v: unknown): string {
  const o = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  if (o.literal === true && typeof o.value === "string") return collapseWhitespace(o.value);
  return htmlToText(textOf(v) ?? "");
}

export interface Person {
  name: string | null;
  email: string | null;
}

const MAX_PERSON_CHARS = 300;
const EMAIL = /^[^\s@()<>]+@[^\s@()<>]+$/;

/** Name and email from "email (Name)", "Name <email>", a bare email or a bare name. */
function personOfText(raw: string): Person {
  const text = collapseWhitespace(htmlToText(raw));
  if (text === "") return { name: null, email: null };
  if (text.length > MAX_PERSON_CHARS) return { name: text, email: null };
  if (EMAIL.test(text)) return { name: null, email: text };
  const paren = /^(\S+@\S+)\s*\((.*)\)$/.exec(text);
  if (paren && EMAIL.test(paren[1]!)) return { name: nonEmpty(paren[2]!), email: paren[1]! };
  const nameFirst = /^(.*?)\s*\((\S+@\S+)\)$/.exec(text);
  if (nameFirst && EMAIL.test(nameFirst[2]!)) return { name: nonEmpty(nameFirst[1]!), email: nameFirst[2]! };
  const angle = /^(.*?)\s*<(\S+@\S+)>$/.exec(text);
  if (angle && EMAIL.test(angle[2]!)) return { name: nonEmpty(angle[1]!.replace(/^"|"$/g, "")), email: angle[2]! };
  return { name: text, email: null };
}

/** The first person a parser value names (a string, a `{name, email}` object, or a list of them). */
export function personOf(v: unknown): Person {
  if (Array.isArray(v)) {
    for (const el of v) {
      const p = personOf(el);
      if (p.name !== null || p.email !== null) return p;
    }
    return { name: null, email: null };
  }
  if (typeof v === "object" && v !== null && ("name" in v || "email" in v)) {
    const o = v as Record<string, unknown>;
    const fromName = personOfText(textOf(o.name) ?? "");
    const email = nonEmpty(textOf(o.email));
    return { name: fromName.name, email: email ?? fromName.email };
  }
  const text = textOf(v);
  return text === null ? { name: null, email: null } : personOfText(text);
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

/** What one feed tells about all of its items: where relative links point, how to read its dates. */
export interface ItemContext {
  /** Bases for relative links, best first (xml:base, feed link, document URL). */
  bases: (string | null)[];
  dates: DateReading;
}

export function buildItem(raw: RawItem, { bases, dates }: ItemContext): FeedItem {
  const guid = nonEmpty(textOf(raw.guid));
  // RSS allows an item with only a permalink guid (feedparser's "guidislink"); isPermaLink="false" is not one.
  const guidLink = guid !== null && raw.guidIsPermaLink !== false && ABSOLUTE_HTTP.test(guid) ? guid : null;
  const rawLink = nonEmpty(textOf(raw.link)) ?? guidLink;
  const itemBase = nonEmpty(textOf(raw.base));
  const linkBases = itemBase === null ? bases : [resolveLink(itemBase, ...bases), ...bases];
  const contentHtml = nonEmpty(textOf(raw.content));
  const summary = nonEmpty(textOf(raw.summary)) === null ? raw.content : raw.summary;
  let published: Date | null = null;
  for (const d of raw.dates) {
    published = parseFeedDate(textOf(d) ?? d, dates);
    if (published) break;
  }
  const author = personOf(raw.author);
  return {
    guid,
    link: rawLink === null ? null : resolveLink(rawLink, ...linkBases),
    title: plainText(raw.title),
    summary: plainText(summary),
    contentHtml,
    published,
    author: author.name,
    authorEmail: author.email,
  };
}
