// JSON Feed 1.0 / 1.1 (https://jsonfeed.org/version/1.1), normalised to our FeedItem.
import { parseFeedDate, type DateReading } from "./feed-date.ts";
import { htmlToText } from "./html-text.ts";
import { resolveLink } from "./resolve-link.ts";
import { FeedParseError, type FeedItem, type ParsedFeed } from "./types.ts";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

function authorName(item: Json): string | null {
  const authors = Array.isArray(item.authors) ? item.authors : [item.author];
  const names = authors.filter(isObject).map((a) => str(a.name)).filter((n): n is string => n !== null);
  return names.length > 0 ? names.join(", ") : null;
}

function toItem(item: Json, base: string | null, dates: DateReading): FeedItem {
  const html = str(item.content_html);
  const text = str(item.content_text);
  const summary = str(item.summary);
  const rawLink = str(item.url) ?? str(item.external_url);
  return {
    guid: str(item.id) ?? (typeof item.id === "number" ? String(item.id) : null),
    link: rawLink === null ? null : resolveLink(rawLink, base),
    title: htmlToText(str(item.title) ?? ""),
    summary: summary ?? text ?? (html ? htmlToText(html) : ""),
    contentHtml: html,
    published: parseFeedDate(item.date_published, dates) ?? parseFeedDate(item.date_modified, dates),
    author: authorName(item),
    authorEmail: null,
  };
}

export function looksLikeJsonFeed(doc: unknown): doc is Json {
  return isObject(doc) && (String(doc.version ?? "").startsWith("https://jsonfeed.org/version/") || Array.isArray(doc.items));
}

export function parseJsonFeed(text: string, baseUrl: string | undefined, dates: (language: string | null) => DateReading): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`invalid JSON: ${(err as Error).message}`);
  }
  if (!looksLikeJsonFeed(doc)) throw new FeedParseError("JSON document is not a JSON Feed (no version, no items)");
  const home = str(doc.home_page_url);
  const base = home ?? baseUrl ?? null;
  const items = Array.isArray(doc.items) ? doc.items.filter(isObject) : [];
  const language = str(doc.language);
  const reading = dates(language);
  return {
    format: "json",
    parser: "json",
    title: htmlToText(str(doc.title) ?? ""),
    link: home,
    language,
    ttlMinutes: null,
    items: items.map((item) => toItem(item, base, reading)),
  };
}
