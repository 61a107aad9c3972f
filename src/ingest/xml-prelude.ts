// Cheap structural checks run before any XML parser sees a document: size, DTD entity declarations
// (billion laughs, XXE), nesting depth. They keep parsing bounded in time and memory whatever the input.
import { FeedParseError } from "./types.ts";

/** Largest document accepted, in UTF-16 code units (FETCH_MAX_BYTES defaults to 10 MiB). */
export const MAX_FEED_CHARS = 16 * 1024 * 1024;
/** Real feeds nest fewer than 20 levels; recursion in the parsers must never meet 100k. */
export const MAX_XML_DEPTH = 256;

/** Characters XML 1.0 forbids: strict parsers abort on them, and they carry nothing. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const ILLEGAL_XML_CHARS = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

export interface RootElement {
  /** Qualified name as written, e.g. "rss", "rdf:RDF", "feed", "p0:feed". */
  name: string;
  /** The start tag's attribute text. */
  attributes: string;
  /** Everything before the root element (XML declaration, comments, DOCTYPE). */
  prelude: string;
}

const PRELUDE_TOKEN = /\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>]*\[[\s\S]*?\]\s*>|[^>]*>)/iy;
const START_TAG = /<([A-Za-z_][^\s/>]*)([^>]*)>/y;

/** The root element of an XML document, or null if the text does not start like XML. */
export function findRootElement(text: string): RootElement | null {
  let pos = 0;
  for (;;) {
    PRELUDE_TOKEN.lastIndex = pos;
    if (!PRELUDE_TOKEN.exec(text)) break;
    pos = PRELUDE_TOKEN.lastIndex;
  }
  START_TAG.lastIndex = pos;
  const m = START_TAG.exec(text);
  if (!m) return null;
  return { name: m[1]!, attributes: m[2]!, prelude: text.slice(0, pos) };
}

/** Unescaped HTML in ill-formed feeds often carries these unclosed; they must not count as nesting. */
const HTML_VOID = new Set(["br", "hr", "img", "input", "meta", "wbr"]);

/** Maximum element nesting, ignoring CDATA sections, comments and processing instructions. */
export function maxNestingDepth(text: string, stopAt = Infinity): number {
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[?!][^>]*>|<(\/?)([A-Za-z_][^\s/>]*)[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[1] === undefined || HTML_VOID.has(m[2]!.toLowerCase())) continue;
    if (m[1] === "/") depth = Math.max(0, depth - 1);
    else if (m[3] !== "/") {
      depth++;
      if (depth > max) max = depth;
      if (max > stopAt) break;
    }
  }
  return max;
}

/** Throws FeedParseError for documents no parser should be handed. */
export function assertParsableXml(text: string, root: RootElement): void {
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedParseError(`document too large: ${text.length} characters (limit ${MAX_FEED_CHARS})`);
  }
  if (/<!ENTITY/i.test(root.prelude)) {
    throw new FeedParseError("DOCTYPE declares entities (entity expansion / XXE risk): refused");
  }
  if (maxNestingDepth(text, MAX_XML_DEPTH) > MAX_XML_DEPTH) {
    throw new FeedParseError(`elements nested deeper than ${MAX_XML_DEPTH} levels: refused`);
  }
}
