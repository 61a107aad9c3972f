// Main text of an article page, readability-style: score text blocks by length and commas (ASCII and the
// full-width ，。、； used in Chinese), credit their containers, penalise link-heavy and boilerplate-named ones.
import { load, type CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";
import { collapseWhitespace } from "./html-text.ts";

export interface MainText {
  title: string;
  text: string;
}

const STRIP = "script,style,noscript,template,iframe,svg,canvas,form,button,select,input,nav,footer,aside,header,menu";
const NEGATIVE = /comment|footer|foot|sidebar|side-bar|share|social|related|recommend|nav|menu|breadcrumb|promo|advert|\bads?\b|banner|subscribe|login|copyright|hot-?list|popular|tags?\b|paging|pagination/i;
const POSITIVE = /article|content|main|post|entry|story|text|body|news|detail|正文|zhengwen/i;
const BLOCKS = "p,div,section,article,td,li,blockquote,pre,h1,h2,h3,h4,h5,h6,br,tr,dd";
const COMMAS = /[,，。、；;]/g;
/** Chinese sentences carry more per character than English ones; 20 characters is a real sentence in either. */
const MIN_BLOCK_CHARS = 20;

function classWeight(el: Element): number {
  const names = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`;
  let w = 0;
  if (NEGATIVE.test(names)) w -= 25;
  if (POSITIVE.test(names)) w += 25;
  return w;
}

function linkDensity($: CheerioAPI, el: Element): number {
  const all = $(el).text().length;
  if (all === 0) return 0;
  const links = $(el)
    .find("a")
    .toArray()
    .reduce((n, a) => n + $(a).text().length, 0);
  return links / all;
}

/** Text of a block without the text of nested blocks (so a wrapping div does not count its paragraphs twice). */
function ownText($: CheerioAPI, el: Element): string {
  return collapseWhitespace(
    $(el)
      .contents()
      .toArray()
      .filter((n: AnyNode) => n.type === "text" || (n.type === "tag" && !$(n).is("p,div,section,article,table,ul,ol")))
      .map((n) => $(n).text())
      .join(" "),
  );
}

function pickTitle($: CheerioAPI): string {
  const og = $('meta[property="og:title"]').attr("content")?.trim();
  if (og) return collapseWhitespace(og);
  const h1 = collapseWhitespace($("h1").first().text());
  const title = collapseWhitespace($("title").first().text());
  // "Headline - Site name" / "标题_网站名": drop the site part when what remains is still a headline.
  const head = title.split(/\s+[-|–—_]\s+|_|｜/)[0]?.trim() ?? "";
  if (h1 && title.includes(h1)) return h1;
  return head.length >= 8 ? head : title || h1;
}

/** Private-use character marking block boundaries, so source line breaks inside a paragraph do not count. */
const BREAK = "\ue000";

/** Plain text of a subtree, one line per block. */
function blockText($: CheerioAPI, el: Element): string {
  const clone = $(el).clone();
  clone.find(BLOCKS).each((_, b) => {
    $(b).before(BREAK).after(BREAK);
  });
  return clone
    .text()
    .split(BREAK)
    .map(collapseWhitespace)
    .filter((line) => line !== "")
    .join("\n");
}

export function extractMainText(html: string, _url: string): MainText {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const title = pickTitle($);
  $(STRIP).remove();
  $("*").each((_, el) => {
    if (el.type === "tag" && el.name !== "body" && el.name !== "html" && classWeight(el) < 0 && !$(el).is("article")) $(el).remove();
  });

  const scores = new Map<Element, number>();
  const credit = (el: Element | null, points: number) => {
    if (!el || el.type !== "tag") return;
    scores.set(el, (scores.get(el) ?? classWeight(el)) + points);
  };
  $("p,div,td,pre,blockquote,section").each((_, el) => {
    const text = ownText($, el);
    if (text.length < MIN_BLOCK_CHARS) return;
    const points = 1 + (text.match(COMMAS)?.length ?? 0) + Math.min(Math.floor(text.length / 100), 3);
    // A text-bearing div is itself a candidate (Chinese sites often use <div> and <br> instead of <p>).
    if (el.name !== "p") credit(el, points);
    const parent = el.parent as Element | null;
    credit(parent, points);
    credit((parent?.parent as Element | null) ?? null, points / 2);
  });

  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, score] of scores) {
    const adjusted = score * (1 - linkDensity($, el));
    if (adjusted > bestScore) {
      best = el;
      bestScore = adjusted;
    }
  }
  const body = $("body").get(0);
  const root = best ?? body;
  return { title, text: root ? blockText($, root) : "" };
}
