// Feed text -> ParsedFeed. JSON Feed by our own parser; XML by rss-parser (strict, entity-safe) with feedsmith
// (lenient) as fallback when rss-parser rejects the document or misses its items.
import { isKnownTimeZone, type DateReading } from "./feed-date.ts";
import { decodeBase64Constructs, normaliseRssShape } from "./document-shape.ts";
import { buildItem, textOf } from "./feed-item.ts";
import { parseWithFeedsmith } from "./from-feedsmith.ts";
import { parseWithRssParser, type RawFeed } from "./from-rss-parser.ts";
import { htmlToText } from "./html-text.ts";
import { parseJsonFeed } from "./json-feed.ts";
import { resolveLink } from "./resolve-link.ts";
import { FeedParseError, type FeedFormat, type ParsedFeed } from "./types.ts";
import { assertParsableXml, findRootElement, ILLEGAL_XML_CHARS, MAX_FEED_CHARS, type RootElement } from "./xml-prelude.ts";

export interface ParseOptions {
  /** URL the document was fetched from: the last base for relative links. */
  baseUrl?: string;
  /** The feed's configured IANA time zone for timestamps that carry none (outranks its language). */
  timezone?: string;
  /** The feed's configured language (outranks what the document declares). */
  lang?: string;
}

const isChinese = (lang: string | null | undefined): boolean => /^\s*zh\b/i.test(lang ?? "");

/** How to read a feed's dates: its configured zone, else UTC+8 when it is Chinese, else UTC. */
export function dateReading(opts: ParseOptions, declaredLanguage: string | null): DateReading {
  const configured = opts.lang?.trim() ? opts.lang : null;
  const timeZone = opts.timezone !== undefined && isKnownTimeZone(opts.timezone) ? opts.timezone : undefined;
  return { timeZone, chinese: isChinese(configured ?? declaredLanguage) };
}

function formatOfRoot(root: RootElement): FeedFormat | null {
  const local = (root.name.split(":").pop() ?? "").toLowerCase();
  if (local === "rss") return "rss";
  if (local === "rdf") return "rdf";
  if (local === "feed") return "atom";
  return null;
}

function stripLeading(text: string): string {
  return text.replace(/^[\ufeff\s]+/, "");
}

/** The feed format from the document's root (or `{` for JSON); null if it is not a feed we read. */
export function detectFormat(text: string): FeedFormat | null {
  const t = stripLeading(text);
  if (t.startsWith("{")) return "json";
  const root = findRootElement(t);
  return root ? formatOfRoot(root) : null;
}

/** Rough count of item/entry start tags, to notice a parser that silently lost items. */
function countItemTags(text: string): number {
  return text.match(/<(?:[\w.-]+:)?(?:item|entry)[\s>]/g)?.length ?? 0;
}

/** One attribute's value from a start tag's attribute text (`name` is a qualified name such as "xml:lang"). */
function attributeValue(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(attributes);
  return m?.[2];
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message.split("\n")[0]! : String(err);
}

interface RawParse {
  parser: ParsedFeed["parser"];
  format: FeedFormat;
  feed: RawFeed;
}

const EMPTY_FEED: RawFeed = { title: "", link: null, language: null, ttl: null, items: [] };

type Attempt = (text: string, rootFormat: FeedFormat) => Promise<RawParse>;

const withRssParser: Attempt = async (text, rootFormat) => ({
  parser: "rss-parser",
  format: rootFormat,
  feed: await parseWithRssParser(text),
});
const withFeedsmith: Attempt = async (text) => ({ parser: "feedsmith", ...parseWithFeedsmith(text) });

/** True when the document stops before its root element is closed (cut off mid-response). */
function isTruncated(text: string, root: RootElement): boolean {
  return !root.attributes.trimEnd().endsWith("/") && !text.includes(`</${root.name}>`);
}

/** True when the only thing missing is (part of) the root's end tag: "...</channel></rs". */
function cutInsideRootEndTag(text: string, rootName: string): boolean {
  const tail = text.trimEnd();
  const start = tail.lastIndexOf("</");
  return start >= 0 && `</${rootName}>`.startsWith(tail.slice(start));
}

/** The document with its root closed, so a parser can keep the items before the cut. */
export function closeTruncatedRoot(text: string, rootName: string): string {
  return `${text.trimEnd().replace(/<\/?[\w:.-]*\s*$/, "")}\n</${rootName}>`;
}

async function parseXml(text: string, root: RootElement, rootFormat: FeedFormat): Promise<RawParse> {
  // <rss>/<rdf:RDF> without a channel or items is a valid empty document; rss-parser throws a TypeError on it.
  const itemTags = countItemTags(text);
  if (rootFormat !== "atom" && !/<(?:[\w.-]+:)?channel[\s>/]/.test(text) && itemTags === 0) {
    return { parser: "rss-parser", format: rootFormat, feed: EMPTY_FEED };
  }
  // rss-parser flattens Atom text constructs (xhtml titles, inline markup); feedsmith keeps them.
  // feedsmith first: it is namespace-aware and keeps what readers need (inline markup in titles, guid
  // isPermaLink, item xml:base, link rels, Atom text types, authors' emails, media/itunes/dc descriptions).
  const attempts = [withFeedsmith, withRssParser];
  const truncated = isTruncated(text, root);
  // Cut inside the final end tag: the document is complete in substance. Cut earlier: only items count.
  const lostContent = truncated && !cutInsideRootEndTag(text, root.name);
  const inputs = truncated ? [text, closeTruncatedRoot(text, root.name)] : [text];
  let best: RawParse | null = null;
  let truncatedEmpty = false;
  const errors: string[] = [];
  for (const input of inputs) {
    for (const attempt of attempts) {
      try {
        const result = await attempt(input, rootFormat);
        // A document cut off before its items (a server error mid-response) is an error, not an empty feed;
        // one cut only inside its final end tag is complete.
        if (lostContent && result.feed.items.length === 0) {
          truncatedEmpty = true;
          continue;
        }
        // A parser that is not namespace-aware (rss-parser on <p0:entry>) may return no items: try the next.
        if (result.feed.items.length > 0 || itemTags === 0) return result;
        if (best === null) best = result;
      } catch (err) {
        errors.push(`${attempt === withRssParser ? "rss-parser" : "feedsmith"}: ${errorMessage(err)}`);
      }
    }
  }
  if (best) return best;
  if (truncatedEmpty) errors.unshift("document is truncated before any complete item");
  throw new FeedParseError(`not a parsable feed: ${[...new Set(errors)].join("; ")}`);
}

export async function parseFeed(input: string, opts: ParseOptions = {}): Promise<ParsedFeed> {
  const text = stripLeading(input);
  if (text.length > MAX_FEED_CHARS) throw new FeedParseError(`document too large: ${text.length} characters`);
  if (text === "") throw new FeedParseError("not a feed: empty document");
  if (text.startsWith("{")) return parseJsonFeed(text, opts.baseUrl, (language) => dateReading(opts, language));

  const root = findRootElement(text);
  if (!root) throw new FeedParseError("not a feed: no XML root element");
  const rootFormat = formatOfRoot(root);
  if (!rootFormat) throw new FeedParseError(`not a feed: root element <${root.name}>`);
  assertParsableXml(text, root);

  const clean = text.replace(ILLEGAL_XML_CHARS, "");
  const shaped = decodeBase64Constructs(normaliseRssShape(clean, root));
  const shapedRoot = shaped === clean ? root : (findRootElement(shaped) ?? root);
  const { parser, format, feed } = await parseXml(shaped, shapedRoot, rootFormat);

  const xmlBaseRaw = attributeValue(root.attributes, "xml:base");
  const xmlBase = xmlBaseRaw === undefined ? null : resolveLink(xmlBaseRaw, opts.baseUrl);
  const rawLink = typeof feed.link === "string" && feed.link.trim() !== "" ? feed.link : null;
  const link = rawLink === null ? null : resolveLink(rawLink, xmlBase, opts.baseUrl);
  const bases = [xmlBase, link, opts.baseUrl ?? null];
  const ttl = Number.parseInt(String(feed.ttl ?? ""), 10);
  const declared = textOf(feed.language)?.trim() || (attributeValue(root.attributes, "xml:lang") ?? "").trim();
  const language = declared === "" ? null : declared;
  const context = { bases, dates: dateReading(opts, language) };

  return {
    format,
    parser,
    title: htmlToText(textOf(feed.title) ?? ""),
    link,
    language,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : null,
    items: feed.items.map((item) => buildItem(item, context)),
  };
}
