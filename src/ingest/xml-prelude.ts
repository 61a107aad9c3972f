// Cheap structural checks run before any XML parser sees a document: size, DTD entity declarations
// (billion laughs, XXE), nesting depth, over-long markup declarations. They keep parsing bounded in time and memory
// whatever the input. Every scan here is linear in the document: indexOf or one pass over the characters, never a
// regex that can re-read unbounded text from each `<` (an unterminated `<!x` repeated 150,000 times took 62 s that way).
import { FeedParseError } from "./types.ts";

/** Largest document accepted, in UTF-16 code units (FETCH_MAX_BYTES defaults to 10 MiB). */
export const MAX_FEED_CHARS = 16 * 1024 * 1024;
/** Real feeds nest fewer than 20 levels; recursion in the parsers must never meet 100k. */
export const MAX_XML_DEPTH = 256;
/**
 * Longest `<!…>` declaration other than a comment, CDATA section or DOCTYPE. XML allows none in a document body; sax
 * (under rss-parser) re-reads the whole declaration at every character, so one of 15,000 characters took 6 s.
 */
export const MAX_DECLARATION_CHARS = 4096;

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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A character that may start an element name: ASCII letter or underscore (what the parsers we use accept). */
function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

function startsWithAt(text: string, prefix: string, at: number, ignoreCase = false): boolean {
  const part = text.slice(at, at + prefix.length);
  return ignoreCase ? part.toUpperCase() === prefix : part === prefix;
}

/** End (exclusive) of a DOCTYPE declaration starting at `at`, internal subset included; -1 if unterminated. */
function doctypeEnd(text: string, at: number): number {
  for (let i = at + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === GT) return i + 1;
    if (c === 0x5b /* [ */) {
      // The internal subset ends at "]" followed by optional space and ">".
      for (let j = text.indexOf("]", i + 1); j >= 0; j = text.indexOf("]", j + 1)) {
        let k = j + 1;
        while (k < text.length && isSpace(text.charCodeAt(k))) k++;
        if (text.charCodeAt(k) === GT) return k + 1;
      }
      return -1;
    }
  }
  return -1;
}

/**
 * End (exclusive) of a tag or declaration: the first `>` outside quotes at or after `from`; -1 if the text ends first.
 * A tag (`inTag`) also ends at a `<` (XML allows none in a tag, even quoted), with -1: the caller resumes at that `<`,
 * so each character is read at most twice. A `<!…>` declaration does not: sax reads on through `<` to the `>`.
 */
function markupEnd(text: string, from: number, inTag: boolean): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inTag && c === LT) return -1;
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === GT) return i + 1;
    else if (c === 0x22 || c === 0x27) quote = c;
  }
  return -1;
}

/** End (exclusive) of the element name starting at `at`. */
function nameEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === SLASH || c === GT || c === LT) break;
    i++;
  }
  return i;
}

/** End (exclusive) of the prelude item (space, `<?…?>`, comment, DOCTYPE) at `at`, or -1 if there is none there. */
function preludeItemEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (isSpace(c)) {
    let i = at + 1;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    return i;
  }
  if (c !== LT) return -1;
  if (text.charCodeAt(at + 1) === QUESTION) {
    const end = text.indexOf("?>", at + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (startsWithAt(text, "<!--", at)) {
    const end = text.indexOf("-->", at + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (startsWithAt(text, "<!DOCTYPE", at, true)) return doctypeEnd(text, at);
  return -1;
}

/** The root element of an XML document, or null if the text does not start like XML. */
export function findRootElement(text: string): RootElement | null {
  let pos = 0;
  for (let end = preludeItemEnd(text, pos); end > pos; end = preludeItemEnd(text, pos)) pos = end;
  if (text.charCodeAt(pos) !== LT || !isNameStart(text.charCodeAt(pos + 1))) return null;
  const nameTo = nameEnd(text, pos + 1);
  const close = text.indexOf(">", nameTo);
  if (close < 0) return null;
  return { name: text.slice(pos + 1, nameTo), attributes: text.slice(nameTo, close), prelude: text.slice(0, pos) };
}

/** Unescaped HTML in ill-formed feeds often carries these unclosed; they must not count as nesting. */
const FEED_VOID = new Set(["br", "hr", "img", "input", "meta", "wbr"]);
/** HTML's void elements, for scanning pages (not feeds: RSS's <link> has content). */
export const HTML_VOID: ReadonlySet<string> = new Set([...FEED_VOID, "area", "base", "col", "embed", "link", "param", "source", "track"]);

export interface MarkupShape {
  /** Deepest element nesting seen (the scan stops once it passes `stopAt`). */
  depth: number;
  /** Where a `<!…>` declaration longer than MAX_DECLARATION_CHARS starts, or -1. */
  longDeclarationAt: number;
}

/**
 * One pass over the markup: element nesting depth, ignoring CDATA sections, comments, processing instructions and
 * DOCTYPE, and the first over-long `<!…>` declaration. Each construct is skipped with indexOf or a single forward
 * walk; an unterminated one ends the scan (nothing after it can be markup), so the whole scan is linear.
 */
export function scanMarkup(text: string, stopAt = Infinity, voidElements: ReadonlySet<string> = FEED_VOID): MarkupShape {
  let depth = 0;
  let max = 0;
  for (let i = text.indexOf("<"); i >= 0; ) {
    const next = text.charCodeAt(i + 1);
    let end: number;
    if (next === BANG) {
      if (startsWithAt(text, "<!--", i)) end = afterTerminator(text, "-->", i + 4);
      else if (startsWithAt(text, "<![CDATA[", i)) end = afterTerminator(text, "]]>", i + 9);
      else if (startsWithAt(text, "<!DOCTYPE", i, true)) end = doctypeEnd(text, i);
      else {
        end = markupEnd(text, i + 2, false);
        if ((end < 0 ? text.length : end) - i > MAX_DECLARATION_CHARS) return { depth: max, longDeclarationAt: i };
      }
    } else if (next === QUESTION) {
      end = afterTerminator(text, "?>", i + 2);
    } else {
      const closing = next === SLASH;
      const nameAt = closing ? i + 2 : i + 1;
      end = isNameStart(text.charCodeAt(nameAt)) ? markupEnd(text, nameAt, true) : -1;
      if (end < 0) {
        // Not a tag ("a < b", "<a<b"): go on from the next "<".
        i = text.indexOf("<", i + 1);
        continue;
      }
      const name = text.slice(nameAt, nameEnd(text, nameAt)).toLowerCase();
      if (!voidElements.has(name)) {
        if (closing) depth = Math.max(0, depth - 1);
        else if (text.charCodeAt(end - 2) !== SLASH) {
          depth++;
          if (depth > max) max = depth;
          if (max > stopAt) break;
        }
      }
    }
    // An unterminated comment, CDATA section, PI or declaration runs to the end: nothing after it is markup.
    if (end < 0) break;
    i = text.indexOf("<", end);
  }
  return { depth: max, longDeclarationAt: -1 };
}

/** Index just after the next `terminator` at or after `from`; -1 if there is none. */
function afterTerminator(text: string, terminator: string, from: number): number {
  const at = text.indexOf(terminator, from);
  return at < 0 ? -1 : at + terminator.length;
}

/** Maximum element nesting, ignoring CDATA sections, comments and processing instructions. */
export function maxNestingDepth(text: string, stopAt = Infinity, voidElements?: ReadonlySet<string>): number {
  return scanMarkup(text, stopAt, voidElements).depth;
}

/** Throws FeedParseError for documents no parser should be handed. */
export function assertParsableXml(text: string, root: RootElement): void {
  if (text.length > MAX_FEED_CHARS) {
    throw new FeedParseError(`document too large: ${text.length} characters (limit ${MAX_FEED_CHARS})`);
  }
  if (root.prelude.toUpperCase().includes("<!ENTITY")) {
    throw new FeedParseError("DOCTYPE declares entities (entity expansion / XXE risk): refused");
  }
  const shape = scanMarkup(text, MAX_XML_DEPTH);
  if (shape.depth > MAX_XML_DEPTH) {
    throw new FeedParseError(`elements nested deeper than ${MAX_XML_DEPTH} levels: refused`);
  }
  if (shape.longDeclarationAt >= 0) {
    throw new FeedParseError(
      `markup declaration "${text.slice(shape.longDeclarationAt, shape.longDeclarationAt + 12)}…" at character ${shape.longDeclarationAt} runs over ${MAX_DECLARATION_CHARS} characters: refused`,
    );
  }
}
