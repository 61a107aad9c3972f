// HTML fragment -> plain text, for titles and summaries. Feed text is untrusted; we never keep its markup here.
// One linear pass strips the markup (about 10x cheaper than building a DOM, which matters for 10 MB feeds, and no
// nesting depth can overflow a recursive tree walk: 20,000 nested divs did in cheerio); the six common entities are
// decoded directly, any other named entity by cheerio's decoder over the already markup-free text.
import { load } from "./cheerio-load.ts";

const BLOCK_TAGS = "p,div,br,li,tr,h1,h2,h3,h4,h5,h6,blockquote,pre,section,article,header,footer,table,ul,ol,dd,dt,figcaption";
const BLOCK_TAG_RE = new RegExp(`^</?(?:${BLOCK_TAGS.replace(/,/g, "|")})\\b`, "i");
/** Elements whose content is not text: dropped with it. */
const RAW_TEXT = new Set(["script", "style", "noscript", "template"]);

/** Collapses whitespace runs to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

const SIMPLE_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function codePoint(n: number): string {
  return n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : "\ufffd";
}

/** Decodes numeric and the six common named entities; null if any other named entity is present. */
function decodeSimpleEntities(text: string): string | null {
  let unknown = false;
  const out = text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === "#") return codePoint(body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10));
    const named = SIMPLE_ENTITIES[body];
    if (named === undefined) unknown = true;
    return named ?? whole;
  });
  return unknown ? null : out;
}

const TAG_NAME = /^<\/?([a-z][a-z0-9-]*)/i;

/** Index after the end tag `</name\s*>` at or after `from` (any case); the end of `html` if there is none. */
function afterEndTag(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}\\s*>`, "gi");
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : html.length;
}

/**
 * Strips all markup in one forward pass, as a browser tokenizer would: tags, comments, bogus comments (`<!x…>`,
 * `<?x…>`, `</ x>`), CDATA markers, and script/style/noscript/template elements with their content. Each
 * construct's end is found with indexOf (or one regex search); an unterminated one runs to the end of the input, as
 * it does in a browser, so nothing is read more than a few times (the regexes this replaces re-read the rest of the
 * input from every unclosed `<!--`, `<script` or `<a`: quadratic). What is left is text: every `<` in it is followed
 * by a character that cannot start markup.
 */
function stripMarkup(html: string): string {
  const out: string[] = [];
  let i = 0;
  for (let lt = html.indexOf("<"); lt >= 0 && i < html.length; lt = html.indexOf("<", i)) {
    out.push(html.slice(i, lt));
    i = html.length; // an unterminated construct below swallows the rest
    const next = html[lt + 1] ?? "";
    if (html.startsWith("<!--", lt)) {
      const close = html.indexOf("-->", lt + 4);
      if (close >= 0) i = close + 3;
      out.push(" ");
    } else if (html.startsWith("<![CDATA[", lt)) {
      // Feeds double-wrap HTML in CDATA: its content is text here.
      i = lt + 9;
      out.push(" ");
    } else if (next === "!" || next === "?" || (next === "/" && !/[a-z]/i.test(html[lt + 2] ?? ""))) {
      const gt = html.indexOf(">", lt + 1);
      if (gt >= 0) i = gt + 1;
    } else if (/[a-z]/i.test(next) || next === "/") {
      const gt = html.indexOf(">", lt + 1);
      if (gt < 0) break;
      i = gt + 1;
      const tag = html.slice(lt, i);
      const name = TAG_NAME.exec(tag)![1]!.toLowerCase();
      if (next !== "/" && RAW_TEXT.has(name)) {
        i = afterEndTag(html, name, i);
        out.push(" ");
      } else {
        out.push(BLOCK_TAG_RE.test(tag) ? " " : "");
      }
    } else {
      out.push("<");
      i = lt + 1;
    }
  }
  if (i < html.length) out.push(html.slice(i));
  return out.join("").replaceAll("]]>", " ");
}

/** Decodes every HTML entity of markup-free text with cheerio's decoder ("<" escaped first: its DOM is one text node). */
function decodeAllEntities(text: string): string {
  return load(text.replaceAll("<", "&lt;"), { xml: { xmlMode: false, decodeEntities: true } }, false).root().text();
}

/** Plain text of an HTML fragment: script/style dropped, block boundaries kept as spaces, entities decoded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const text = stripMarkup(html);
  return collapseWhitespace(decodeSimpleEntities(text) ?? decodeAllEntities(text));
}
