// HTML fragment -> plain text, for titles and summaries. Feed text is untrusted; we never keep its markup here.
import { load } from "cheerio";

const BLOCK = "p,div,br,li,tr,h1,h2,h3,h4,h5,h6,blockquote,pre,section,article,header,footer,table,ul,ol,dd,dt,figcaption";

/** Collapses whitespace runs to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, " ").trim();
}

/** Plain text of an HTML fragment: script/style dropped, block boundaries kept as spaces, entities decoded. */
export function htmlToText(html: string): string {
  // Most titles carry no markup and no entities: skip the DOM.
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  $("script,style,noscript,template").remove();
  $(BLOCK).each((_, el) => {
    $(el).prepend(" ").append(" ");
  });
  return collapseWhitespace($.root().text());
}
