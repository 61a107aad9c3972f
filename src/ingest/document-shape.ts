// Feed shapes that parsers reject or skip although a reader can see the content: RSS without <channel>, RSS whose
// elements all carry a namespace prefix (<r:rss><r:channel>…), item text in xhtml:body / <fullitem>, and Atom 0.3
// text constructs in mode="base64".
// Each is rewritten into the ordinary form before parsing, with indexOf scans (linear in the document).
import type { RootElement } from "./xml-prelude.ts";

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<p:rss>…</p:rss>` with every RSS element prefixed -> the same document without the prefix. */
function dropRootPrefix(text: string, root: RootElement): { text: string; rootName: string } {
  const colon = root.name.indexOf(":");
  if (colon < 0) return { text, rootName: root.name };
  const prefix = root.name.slice(0, colon);
  return { text: text.split(`<${prefix}:`).join("<").split(`</${prefix}:`).join("</"), rootName: root.name.slice(colon + 1) };
}

/** `<rss><item>…</item></rss>`: the items wrapped in the <channel> they should have been in. */
function addMissingChannel(text: string, rootName: string): string {
  if (/<(?:[\w.-]+:)?channel[\s>/]/.test(text)) return text;
  const start = text.indexOf(`<${rootName}`);
  const startEnd = start < 0 ? -1 : text.indexOf(">", start);
  const end = text.lastIndexOf(`</${rootName}`);
  if (startEnd < 0 || end < startEnd || text[startEnd - 1] === "/") return text;
  return `${text.slice(0, startEnd + 1)}<channel>${text.slice(startEnd + 1, end)}</channel>${text.slice(end)}`;
}

/** Elements that carry an item's full text where parsers do not look; their markup is XML (xhtml) or escaped. */
const BODY_ELEMENTS: { name: string; markup: boolean }[] = [
  { name: "xhtml:body", markup: true },
  { name: "body", markup: true },
  { name: "fullitem", markup: false },
];

/** `<xhtml:body>…</xhtml:body>`, `<body xmlns=xhtml>`, `<fullitem>` -> `<content:encoded>` with the same HTML. */
function bodyAsContent(text: string): string {
  if (text.includes("<content:encoded")) return text;
  let out = text;
  for (const { name, markup } of BODY_ELEMENTS) {
    if (!out.includes(`<${name}`)) continue;
    const parts: string[] = [];
    let pos = 0;
    for (let at = out.indexOf(`<${name}`, pos); at >= 0; at = out.indexOf(`<${name}`, pos)) {
      const after = out[at + name.length + 1];
      const tagEnd = out.indexOf(">", at);
      const close = tagEnd < 0 ? -1 : out.indexOf(`</${name}>`, tagEnd);
      if ((after !== ">" && after !== " " && after !== "\n" && after !== "\t") || close < 0 || out[tagEnd - 1] === "/") {
        parts.push(out.slice(pos, at + 1));
        pos = at + 1;
        continue;
      }
      const inner = out.slice(tagEnd + 1, close);
      const html = markup ? `<![CDATA[${inner.split("]]>").join("]]]]><![CDATA[>")}]]>` : inner;
      parts.push(out.slice(pos, at), `<content:encoded>${html}</content:encoded>`);
      pos = close + name.length + 3;
    }
    parts.push(out.slice(pos));
    out = parts.join("");
  }
  return out;
}

/** RSS documents in a shape parsers accept; anything else unchanged. */
export function normaliseRssShape(text: string, root: RootElement): string {
  if ((root.name.split(":").pop() ?? "").toLowerCase() !== "rss") return text;
  const { text: unprefixed, rootName } = dropRootPrefix(text, root);
  return bodyAsContent(addMissingChannel(unprefixed, rootName));
}

const BASE64_MODES = [`mode="base64"`, `mode='base64'`];

/** Atom 0.3 `<title mode="base64">…</title>` -> the decoded text, escaped (mode="escaped"). */
export function decodeBase64Constructs(text: string): string {
  if (!BASE64_MODES.some((m) => text.includes(m))) return text;
  const out: string[] = [];
  let pos = 0;
  for (;;) {
    const found = BASE64_MODES.map((m) => text.indexOf(m, pos)).filter((i) => i >= 0);
    if (found.length === 0) break;
    const at = Math.min(...found);
    const tagStart = text.lastIndexOf("<", at);
    const tagEnd = text.indexOf(">", at);
    const name = /^[^\s/>]+/.exec(text.slice(tagStart + 1, tagStart + 200))?.[0];
    const close = name === undefined || tagEnd < 0 ? -1 : text.indexOf(`</${name}>`, tagEnd);
    if (tagStart < pos || close < 0 || text[tagEnd - 1] === "/") {
      out.push(text.slice(pos, at + 1));
      pos = at + 1;
      continue;
    }
    const encoded = text.slice(tagEnd + 1, close).replace(/<!\[CDATA\[|\]\]>|\s+/g, "");
    const decoded = Buffer.from(encoded, "base64").toString("utf8");
    out.push(text.slice(pos, at), `mode="escaped"`, text.slice(at + BASE64_MODES[0]!.length, tagEnd + 1), xmlEscape(decoded));
    pos = close;
  }
  out.push(text.slice(pos));
  return out.join("");
}
