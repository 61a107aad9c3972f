// Sources beyond RSS (issue 14): what reading each kind costs against RSS, and how it grows with the page.
//   1. The same N items written as an RSS feed (the baseline), a newsroom listing page read with CSS selectors, a
//      news sitemap, a GitHub releases Atom feed and a Hugging Face model listing, each read by readSource (the one
//      dispatch the parse worker, `feeds test` and the preview run); ratio = CPU time / RSS's CPU time, same run.
//   2. Big listings at n, 2n and 4n items (4n = 10,000, the hostile size): 4n/n is about 4 when the reading is
//      linear (16 when quadratic); html both as a poll reads it (FEED_MAX_ITEMS containers, the rest counted) and
//      with every container read.
// Run: npm run bench -- listing [--items 500] [--n 2500] [--json]
import { readSource } from "../src/ingest/read-source.ts";
import type { SourceSpec } from "../src/ingest/source-kind.ts";
import { cpuMs, ratio4x } from "./lib/cpu-time.ts";

/** FEED_MAX_ITEMS's default: what one poll takes. */
const POLL_ITEMS = 500;
const NOW = new Date("2026-11-21T12:00:00Z");
/** Runs per measurement (the fastest counts): these reads take tens of ms, where a shared core's noise is largest. */
const RUNS = 7;
const SELECTORS = { item: "li.news-item", title: "a.news-title", link: "a.news-title", date: ".news-date", summary: ".news-summary" };

interface Item {
  title: string;
  link: string;
  published: Date;
  summary: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function items(n: number): Item[] {
  return Array.from({ length: n }, (_, i) => ({
    title: `Item ${i}: Zhipu moves GLM training to an Ascend 910C cluster of ${1000 + i} chips`,
    link: `https://news.example.cn/2026/11/${i}.html`,
    published: new Date(NOW.getTime() - i * 600_000),
    summary: `The company said on Thursday that item ${i}'s model was pre-trained on domestic accelerators, with the software ported to CANN over six months, according to a technical report seen by reporters.`,
  }));
}

/** "2026-11-21 09:30" in China Standard Time, as Chinese newsrooms print it; every third one relative ("3小时前"). */
function listingDate(item: Item, i: number): string {
  if (i % 3 === 0) return `${Math.max(1, Math.round((NOW.getTime() - item.published.getTime()) / 3_600_000))}小时前`;
  const cst = new Date(item.published.getTime() + 8 * 3_600_000).toISOString();
  return `${cst.slice(0, 10)} ${cst.slice(11, 16)}`;
}

/** Each kind's document for the same items, in the shapes of the real services (tests/ingest/testdata/sources). */
const WRITE: Record<string, { spec: SourceSpec; baseUrl: string; write: (items: Item[]) => string }> = {
  rss: {
    spec: { kind: "rss" },
    baseUrl: "https://news.example.cn/feed.xml",
    write: (list) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Newsroom</title><link>https://news.example.cn/</link>${list
        .map((it) => `<item><title>${esc(it.title)}</title><link>${it.link}</link><guid>${it.link}</guid><pubDate>${it.published.toUTCString()}</pubDate><description>${esc(it.summary)}</description></item>`)
        .join("")}</channel></rss>`,
  },
  html: {
    spec: { kind: "html", selectors: SELECTORS },
    baseUrl: "https://news.example.cn/news/",
    write: (list) =>
      `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>新闻中心</title><link rel="stylesheet" href="/site.css"></head><body>` +
      `<header class="site-header"><nav><a href="/">首页</a> <a href="/news/">新闻中心</a> <a href="/about/">关于我们</a></nav></header><main><h1>新闻中心</h1><ul class="news-list">` +
      list
        .map((it, i) => `<li class="news-item"><a class="news-title" href="/2026/11/${i}.html" title="${esc(it.title)}">${esc(it.title)}</a><span class="news-date">${listingDate(it, i)}</span><p class="news-summary">${esc(it.summary)}</p></li>`)
        .join("\n") +
      `</ul><div class="pager"><a href="?page=2">下一页</a></div></main><footer>© 示例智能科技</footer><script>var analytics = 1;</script></body></html>`,
  },
  sitemap: {
    spec: { kind: "sitemap" },
    baseUrl: "https://news.example.cn/sitemap_news.xml",
    write: (list) =>
      `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${list
        .map(
          (it) =>
            `<url><loc>${it.link}</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication><news:publication_date>${it.published.toISOString()}</news:publication_date><news:title>${esc(it.title)}</news:title></news:news></url>`,
        )
        .join("")}</urlset>`,
  },
  "github-releases": {
    spec: { kind: "github-releases" },
    baseUrl: "https://github.com/example-org/engine/releases.atom",
    write: (list) =>
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>tag:github.com,2008:https://github.com/example-org/engine/releases</id><title>Release notes from engine</title><updated>${NOW.toISOString()}</updated>${list
        .map(
          (it, i) =>
            `<entry><id>tag:github.com,2008:Repository/1/v0.${i}</id><updated>${it.published.toISOString()}</updated><link rel="alternate" type="text/html" href="https://github.com/example-org/engine/releases/tag/v0.${i}"/><title>v0.${i}</title><content type="html">${esc(`<h2>Highlights</h2><ul><li>${esc(it.title)}</li><li>${esc(it.summary)}</li></ul>`)}</content><author><name>maintainer</name></author></entry>`,
        )
        .join("")}</feed>`,
  },
  huggingface: {
    spec: { kind: "huggingface" },
    baseUrl: "https://huggingface.co/api/models?author=example-org&sort=createdAt&direction=-1&limit=50",
    write: (list) =>
      JSON.stringify(
        list.map((it, i) => ({
          _id: `id${i}`,
          id: `example-org/GLM-${i}`,
          likes: i,
          downloads: 10 * i,
          private: false,
          pipeline_tag: "text-generation",
          library_name: "transformers",
          tags: ["transformers", "safetensors", "text-generation", "zh", "en", "region:us"],
          createdAt: it.published.toISOString(),
          cardData: { description: it.summary },
        })),
      ),
  },
};

async function read(kind: string, text: string, maxItems: number) {
  const { spec, baseUrl } = WRITE[kind]!;
  return readSource(text, spec, { baseUrl, now: NOW, lang: "zh", timezone: "Asia/Shanghai" }, maxItems);
}

export interface ListingResult {
  items: number;
  kinds: { kind: string; chars: number; itemsRead: number; ms: number; ratioToRss: number }[];
  scaling: { name: string; n: number; chars: number[]; ms: number[]; ratio4x: number }[];
}

export async function benchListing(opts: { items: number; n: number }): Promise<{ result: ListingResult; markdown: string }> {
  // 1. Each kind against RSS, the same items.
  const same = items(opts.items);
  const kinds: ListingResult["kinds"] = [];
  for (const kind of Object.keys(WRITE)) {
    const text = WRITE[kind]!.write(same);
    const out = await read(kind, text, opts.items); // warm-up, and what was read
    if (out.feed.items.length !== opts.items) throw new Error(`${kind}: read ${out.feed.items.length} of ${opts.items} items`);
    kinds.push({ kind, chars: text.length, itemsRead: out.feed.items.length, ms: await cpuMs(() => read(kind, text, opts.items), RUNS), ratioToRss: 0 });
    console.log(`${kind}: ${opts.items} items, ${text.length} chars, ${kinds.at(-1)!.ms.toFixed(1)} ms`);
  }
  const rssMs = kinds[0]!.ms;
  for (const k of kinds) k.ratioToRss = Math.round((k.ms / rssMs) * 10) / 10;

  // 2. Big listings at n, 2n, 4n.
  const runs: { name: string; kind: string; cap: (size: number) => number }[] = [
    { name: "rss, every item read (baseline)", kind: "rss", cap: (size) => size },
    { name: "html, every container read", kind: "html", cap: (size) => size },
    { name: `html as a poll reads it (${POLL_ITEMS} containers, the rest counted)`, kind: "html", cap: () => POLL_ITEMS },
    { name: `sitemap as a poll reads it (newest ${POLL_ITEMS})`, kind: "sitemap", cap: () => POLL_ITEMS },
    { name: `huggingface as a poll reads it (newest ${POLL_ITEMS})`, kind: "huggingface", cap: () => POLL_ITEMS },
  ];
  const scaling: ListingResult["scaling"] = [];
  for (const run of runs) {
    const sizes = [opts.n, 2 * opts.n, 4 * opts.n];
    const texts = sizes.map((size) => WRITE[run.kind]!.write(items(size)));
    await read(run.kind, texts[0]!, run.cap(sizes[0]!)); // warm-up
    const times: number[] = [];
    for (const [i, text] of texts.entries()) times.push(await cpuMs(() => read(run.kind, text, run.cap(sizes[i]!)), RUNS));
    scaling.push({ name: run.name, n: opts.n, chars: texts.map((t) => t.length), ms: times.map((t) => Math.round(t)), ratio4x: ratio4x(times) });
    console.log(`${run.name}: ${times.map((t) => Math.round(t)).join(" / ")} ms, 4n/n ${scaling.at(-1)!.ratio4x}`);
  }

  const markdown = [
    "### listing",
    "",
    `The same ${opts.items} items in each kind's document, read by readSource (CPU ms, fastest of ${RUNS}):`,
    "",
    "| kind | chars | items read | CPU ms | / rss |",
    "|---|---|---|---|---|",
    ...kinds.map((k) => `| ${k.kind} | ${k.chars} | ${k.itemsRead} | ${k.ms.toFixed(1)} | ${k.ratioToRss} |`),
    "",
    `Big listings at n / 2n / 4n items (n = ${opts.n}):`,
    "",
    "| input | chars at n / 2n / 4n | CPU ms | 4n / n |",
    "|---|---|---|---|",
    ...scaling.map((s) => `| ${s.name} | ${s.chars.join(" / ")} | ${s.ms.join(" / ")} | ${s.ratio4x} |`),
  ].join("\n");
  return { result: { items: opts.items, kinds, scaling }, markdown };
}
