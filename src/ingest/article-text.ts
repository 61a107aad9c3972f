// Main text of an article page, readability-style: score text blocks by length and commas (ASCII and the
// full-width ，。、； used in Chinese), credit their containers, penalise link-heavy and boilerplate-named ones.
// Pages are untrusted and may nest elements 100,000 deep, so every walk over the tree is a loop with its own stack
// (cheerio's text() and find() recurse, and computing each block's figures from its subtree was quadratic: 2,000
// nested divs took 100 s, then overflowed the stack); per-element text and link lengths come from one bottom-up pass.
import { load } from "./cheerio-load.ts";
import type { AnyNode, Document, Element } from "domhandler";
import { collapseWhitespace } from "./html-text.ts";
import { HTML_VOID, maxNestingDepth } from "./xml-prelude.ts";

export interface MainText {
  title: string;
  text: string;
}

const STRIP = new Set("script,style,noscript,template,iframe,svg,canvas,form,button,select,input,nav,footer,aside,header,menu".split(","));
const NEGATIVE = /comment|footer|foot|sidebar|side-bar|share|social|related|recommend|nav|menu|breadcrumb|promo|advert|\bads?\b|banner|subscribe|login|copyright|hot-?list|popular|tags?\b|paging|pagination/i;
const POSITIVE = /article|content|main|post|entry|story|text|body|news|detail|正文|zhengwen/i;
const BLOCKS = new Set("p,div,section,article,td,li,blockquote,pre,h1,h2,h3,h4,h5,h6,br,tr,dd".split(","));
/** Elements scored for the text directly inside them. */
const CANDIDATES = new Set("p,div,td,pre,blockquote,section".split(","));
/** Blocks whose text is not part of their parent's own text. */
const OWN_TEXT_BOUNDARY = new Set("p,div,section,article,table,ul,ol".split(","));
/**
 * Deepest tag nesting of a page we read (counted on the source, so unclosed <p>s count). htmlparser2 moves its whole
 * open-element stack at every start tag, so parsing costs the square of the depth: 32,000 levels took 1.5 s, 128,000
 * 16 s. Real pages nest a few dozen levels.
 */
export const MAX_PAGE_DEPTH = 4096;
/** How far up through inline elements a text node is credited to the blocks holding it (real pages: a few levels). */
const MAX_INLINE_CLIMB = 32;
const COMMAS = /[,，。、；;]/g;
/** Chinese sentences carry more per character than English ones; 20 characters is a real sentence in either. */
const MIN_BLOCK_CHARS = 20;

function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

function childrenOf(node: AnyNode): AnyNode[] {
  return "children" in node ? node.children : [];
}

/** Nodes under `root` in document order (root excluded), without descending into nodes `skip` accepts. */
function descendants(root: AnyNode, skip: (el: Element) => boolean = () => false): AnyNode[] {
  const out: AnyNode[] = [];
  const stack = [...childrenOf(root)].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (isElement(node) && skip(node)) continue;
    out.push(node);
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

function textOf(root: AnyNode): string {
  return descendants(root)
    .map((n) => (n.type === "text" ? n.data : ""))
    .join("");
}

function classWeight(el: Element): number {
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  let w = 0;
  if (NEGATIVE.test(names)) w -= 25;
  if (POSITIVE.test(names)) w += 25;
  return w;
}

/** Boilerplate removed before scoring: non-content elements and negatively named containers (not article). */
function isStripped(el: Element): boolean {
  if (STRIP.has(el.name)) return true;
  return el.name !== "body" && el.name !== "html" && el.name !== "article" && classWeight(el) < 0;
}

function pickTitle(doc: Document): string {
  let og: string | undefined;
  let h1: Element | undefined;
  let titleEl: Element | undefined;
  for (const node of descendants(doc)) {
    if (!isElement(node)) continue;
    if (og === undefined && node.name === "meta" && node.attribs.property === "og:title") og = node.attribs.content?.trim();
    else if (!h1 && node.name === "h1") h1 = node;
    else if (!titleEl && node.name === "title") titleEl = node;
  }
  if (og) return collapseWhitespace(og);
  const h1Text = h1 ? collapseWhitespace(textOf(h1)) : "";
  const title = titleEl ? collapseWhitespace(textOf(titleEl)) : "";
  // "Headline - Site name" / "标题_网站名": drop the site part when what remains is still a headline.
  const head = title.split(/\s+[-|–—_]\s+|_|｜/)[0]?.trim() ?? "";
  if (h1Text && title.includes(h1Text)) return h1Text;
  return head.length >= 8 ? head : title || h1Text;
}

/** Private-use character marking block boundaries, so source line breaks inside a paragraph do not count. */
const BREAK = "\ue000";

/** Plain text of a subtree (stripped elements left out), one line per block. */
function blockText(root: Element): string {
  const out: string[] = [];
  const stack: (AnyNode | typeof BREAK)[] = [root];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (item === BREAK) {
      out.push(BREAK);
      continue;
    }
    if (item.type === "text") out.push(item.data);
    if (isElement(item) && item !== root && isStripped(item)) continue;
    const block = isElement(item) && item !== root && BLOCKS.has(item.name);
    if (block) {
      out.push(BREAK);
      stack.push(BREAK);
    }
    const kids = childrenOf(item);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out
    .join("")
    .split(BREAK)
    .map(collapseWhitespace)
    .filter((line) => line !== "")
    .join("\n");
}

interface Figures {
  /** Length of the element's text (stripped elements left out). */
  text: number;
  /** Length of that text inside links. */
  links: number;
  /** Text directly in the element or in inline elements inside it (not in nested blocks). */
  own: string[];
}

export function extractMainText(html: string, _url: string): MainText {
  if (maxNestingDepth(html, MAX_PAGE_DEPTH, HTML_VOID) > MAX_PAGE_DEPTH) {
    throw new Error(`page elements nested deeper than ${MAX_PAGE_DEPTH} levels: not read`);
  }
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const doc = $.root().get(0) as Document;
  const title = pickTitle(doc);

  const nodes = descendants(doc, isStripped);
  const figures = new Map<AnyNode, Figures>();
  for (const node of nodes) if (isElement(node)) figures.set(node, { text: 0, links: 0, own: [] });

  // Each text node counts for the candidate blocks holding it up to the nearest own-text boundary.
  for (const node of nodes) {
    if (node.type !== "text") continue;
    let up = node.parent;
    for (let step = 0; up && step < MAX_INLINE_CLIMB; step++, up = up.parent) {
      if (!isElement(up)) break;
      if (CANDIDATES.has(up.name)) figures.get(up)?.own.push(node.data);
      if (OWN_TEXT_BOUNDARY.has(up.name)) break;
    }
  }
  // Bottom-up: children come after their parent in document order, so a reverse walk sees every child first.
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i]!;
    const mine = figures.get(node);
    const length = node.type === "text" ? node.data.length : (mine?.text ?? 0);
    if (mine && isElement(node) && node.name === "a") mine.links = mine.text;
    const parent = node.parent ? figures.get(node.parent) : undefined;
    if (parent) {
      parent.text += length;
      parent.links += mine?.links ?? 0;
    }
  }

  const scores = new Map<Element, number>();
  const credit = (el: AnyNode | null, points: number) => {
    if (!el || !isElement(el) || !figures.has(el)) return;
    scores.set(el, (scores.get(el) ?? classWeight(el)) + points);
  };
  for (const node of nodes) {
    if (!isElement(node) || !CANDIDATES.has(node.name)) continue;
    const text = collapseWhitespace(figures.get(node)!.own.join(" "));
    if (text.length < MIN_BLOCK_CHARS) continue;
    const points = 1 + (text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    // A text-bearing div is itself a candidate (Chinese sites often use <div> and <br> instead of <p>).
    if (node.name !== "p") credit(node, points);
    credit(node.parent, points);
    credit(node.parent?.parent ?? null, points / 2);
  }

  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, score] of scores) {
    const { text, links } = figures.get(el)!;
    const adjusted = score * (1 - (text === 0 ? 0 : links / text));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  const body = nodes.find((n): n is Element => isElement(n) && n.name === "body");
  const root = best ?? body;
  return { title, text: root ? blockText(root) : "" };
}
