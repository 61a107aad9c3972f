// A listing page (a newsroom's news list, a regulator's notice list) read with the user's CSS selectors into feed
// items. The page and the selectors are both hostile: the page is size- and depth-checked before it is parsed, the
// selectors were checked by css-selector.ts when the feed was added (and are checked again here), at most
// `maxItems` matches are read, and every text or attribute read is bounded (a walk that stops after MAX_FIELD_CHARS
// characters or MAX_FIELD_NODES nodes), so 10,000 items or a megabyte-long attribute cost time linear in the page.
import { load, type CheerioAPI } from "./cheerio-load.ts";
import type { AnyNode, Element } from "domhandler";
import type { DateReading } from "./feed-date.ts";
import { collapseWhitespace } from "./html-text.ts";
import { parseListingDate } from "./listing-date.ts";
import { selectorProblem } from "./css-selector.ts";
import type { ListingSelectors } from "./source-kind.ts";
import { FeedParseError, type FeedItem, type ParsedFeed } from "./types.ts";
import { HTML_VOID, MAX_FEED_CHARS, maxNestingDepth } from "./xml-prelude.ts";

/** The failure reason of a page whose selectors found no item (a site redesign, a wrong selector): exact, it is a contract. */
export const SELECTORS_MATCHED_NOTHING = "selectors matched nothing";

/** Listing pages nest a few dozen levels; descendant selectors cost (elements x depth), so depth is kept small. */
export const MAX_LISTING_DEPTH = 512;
const MAX_FIELD_CHARS = { title: 500, summary: 2000, date: 200 } as const;
/** Nodes one field's text walk may visit. */
const MAX_FIELD_NODES = 5000;
/** Longest attribute value read (href, datetime, title); longer ones are ignored, not truncated. */
const MAX_ATTRIBUTE_CHARS = 4000;

export interface ListingOptions {
  baseUrl: string;
  dates: DateReading;
  /** Fetch time: relative dates ("3小时前") count back from it. */
  now: Date;
  maxItems: number;
}

export interface Listing {
  feed: ParsedFeed;
  /** Containers matched beyond `maxItems`, not read. */
  skippedItems: number;
}

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/** Text under `root`, stopping once `maxChars` characters or MAX_FIELD_NODES nodes were seen; script/style skipped. */
function boundedText(root: Element, maxChars: number): string {
  const out: string[] = [];
  let length = 0;
  let visited = 0;
  const stack: AnyNode[] = [root];
  for (let node = stack.pop(); node && length < maxChars && visited < MAX_FIELD_NODES; node = stack.pop(), visited++) {
    if (node.type === "text") {
      out.push(node.data);
      length += node.data.length;
      continue;
    }
    if (!isElement(node) || node.name === "script" || node.name === "style") continue;
    // Block elements and <br> separate words ("标题<br>2026-11-20").
    out.push(" ");
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return collapseWhitespace(out.join("").slice(0, maxChars * 2)).slice(0, maxChars);
}

function attribute(el: Element, name: string): string | null {
  const value = el.attribs[name];
  return value === undefined || value.length > MAX_ATTRIBUTE_CHARS ? null : value.trim();
}

type Field = "title" | "link" | "date" | "summary";
const FIELDS: readonly Field[] = ["title", "link", "date", "summary"];

/**
 * The first element (in document order) inside `item`, or `item` itself, that each field's selector matched. Each
 * selector was run once over the whole page (`matched`), so an item costs one bounded walk of its subtree, not a
 * selector compilation and search per item and field (500 items took 1.2 s that way).
 */
function firstMatches(item: Element, matched: Map<Field, Set<AnyNode>>): Partial<Record<Field, Element>> {
  const found: Partial<Record<Field, Element>> = {};
  let missing = [...matched.keys()].length;
  const stack: AnyNode[] = [item];
  for (let node = stack.pop(), visited = 0; node && missing > 0 && visited < MAX_FIELD_NODES; node = stack.pop(), visited++) {
    if (!isElement(node)) continue;
    for (const [field, set] of matched) {
      if (found[field] === undefined && set.has(node)) {
        found[field] = node;
        missing--;
      }
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

/** The nearest http(s) href: on the element, else on its first descendant link. */
function linkOf($: CheerioAPI, el: Element, base: string): string | null {
  const anchor = el.attribs.href !== undefined ? el : ($(el).find("a[href]").get(0) as Element | undefined);
  const href = anchor ? attribute(anchor, "href") : null;
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

function dateOf(el: Element, options: ListingOptions): Date | null {
  for (const label of [attribute(el, "datetime"), attribute(el, "content"), boundedText(el, MAX_FIELD_CHARS.date), attribute(el, "title")]) {
    const date = label ? parseListingDate(label, options.dates, options.now) : null;
    if (date) return date;
  }
  return null;
}

function readItem($: CheerioAPI, item: Element, matched: Map<Field, Set<AnyNode>>, options: ListingOptions): FeedItem | null {
  const { title: titleEl, link: linkEl, date: dateEl, summary: summaryEl } = firstMatches(item, matched);
  if (!titleEl || !linkEl) return null;
  const title = boundedText(titleEl, MAX_FIELD_CHARS.title) || attribute(titleEl, "title")?.slice(0, MAX_FIELD_CHARS.title) || "";
  const link = linkOf($, linkEl, options.baseUrl);
  if (!title || !link) return null;
  return {
    guid: link,
    link,
    title,
    summary: summaryEl ? boundedText(summaryEl, MAX_FIELD_CHARS.summary) : "",
    contentHtml: null,
    published: dateEl ? dateOf(dateEl, options) : null,
    author: null,
    authorEmail: null,
  };
}

function checkSelectors(selectors: ListingSelectors): void {
  for (const [field, selector] of Object.entries(selectors)) {
    if (selector === undefined) continue;
    const problem = selectorProblem(String(selector));
    if (problem) throw new FeedParseError(`selector ${field} ${problem}`);
  }
}

/** Items of a listing page; throws FeedParseError(SELECTORS_MATCHED_NOTHING) when no item has a title and a link. */
export function parseListing(html: string, selectors: ListingSelectors, options: ListingOptions): Listing {
  checkSelectors(selectors);
  if (html.length > MAX_FEED_CHARS) throw new FeedParseError(`page too large: ${html.length} characters`);
  if (maxNestingDepth(html, MAX_LISTING_DEPTH, HTML_VOID) > MAX_LISTING_DEPTH) {
    throw new FeedParseError(`page elements nested deeper than ${MAX_LISTING_DEPTH} levels: not read`);
  }
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const containers = $(selectors.item).get().filter(isElement);
  const taken = containers.slice(0, options.maxItems);
  const matched = new Map<Field, Set<AnyNode>>();
  for (const field of FIELDS) {
    const selector = selectors[field];
    if (selector !== undefined) matched.set(field, new Set($(selector).get()));
  }
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  for (const container of taken) {
    const item = readItem($, container, matched, options);
    if (item && !seen.has(item.link!)) {
      seen.add(item.link!);
      items.push(item);
    }
  }
  if (items.length === 0) throw new FeedParseError(SELECTORS_MATCHED_NOTHING);
  const titleEl = $("title").get(0);
  const htmlEl = $("html").get(0);
  return {
    feed: {
      format: "html",
      parser: "selectors",
      title: titleEl && isElement(titleEl) ? boundedText(titleEl, MAX_FIELD_CHARS.title) : "",
      link: options.baseUrl,
      language: (htmlEl && isElement(htmlEl) ? attribute(htmlEl, "lang") : null) || null,
      ttlMinutes: null,
      items,
    },
    skippedItems: containers.length - taken.length,
  };
}
