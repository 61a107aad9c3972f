// A local server for the source-kind fixtures (tests/ingest/testdata/sources), in the real services' URL shapes:
// a newsroom list and a regulator's notice list (html), GitHub's /OWNER/REPO/releases.atom, the Hugging Face hub's
// /api/models?author=ORG... and its model pages, a news sitemap behind a sitemap index; plus hostile pages. A test
// can replace any path's body (a site redesign) and counts requests per path.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { REPO_ROOT } from "./services.ts";

const fixture = (name: string) => readFileSync(resolve(REPO_ROOT, "tests/ingest/testdata/sources", name), "utf8");

export interface Served {
  body: string;
  type: string;
}

export interface SourceServer {
  url: string;
  /** Sets what `path` (with its query) answers. */
  set(path: string, body: string, type?: string): void;
  requests(path: string): number;
  close(): Promise<void>;
}

const HTML = "text/html; charset=utf-8";

/** The newsroom list's selectors (tests/ingest/testdata/sources/newsroom.html). */
export const NEWSROOM_SELECTORS = { item: "li.news-item", title: "a.news-title", link: "a.news-title", date: ".news-date", summary: ".news-summary" };
/** The notice list's selectors (notices.html). */
export const NOTICE_SELECTORS = { item: ".page-list li", title: "a", link: "a", date: "span.fr" };

/** A listing page with `n` items in the newsroom's markup. */
export function bigListing(n: number, key = "big"): string {
  const items = Array.from({ length: n }, (_, i) => `<li class="news-item"><a class="news-title" href="/${key}/${i}.html">${key} item ${i}</a><span class="news-date">${i + 1}小时前</span></li>`);
  return `<!DOCTYPE html><html><head><title>${key}</title></head><body><ul>${items.join("")}</ul></body></html>`;
}

export async function startSourceServer(): Promise<SourceServer> {
  const routes = new Map<string, Served>([
    ["/newsroom/", { body: fixture("newsroom.html"), type: HTML }],
    ["/notices/", { body: fixture("notices.html"), type: HTML }],
    ["/example-org/vllm-ascend/releases.atom", { body: fixture("releases.atom"), type: "application/atom+xml; charset=utf-8" }],
    ["/api/models?author=zai-org&sort=createdAt&direction=-1&limit=50", { body: fixture("models.json"), type: "application/json" }],
    ["/zai-org/GLM-5", { body: fixture("model-page.html"), type: HTML }],
    ["/sitemap-index.xml", { body: fixture("sitemap-index.xml"), type: "application/xml" }],
    ["/sitemaps/news.xml", { body: fixture("news-sitemap.xml"), type: "application/xml" }],
    ["/sitemaps/old.xml", { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', type: "application/xml" }],
    ["/empty/", { body: "<!DOCTYPE html><html><head><title>No news</title></head><body><ul class='news-list'></ul></body></html>", type: HTML }],
    ["/huge/", { body: bigListing(10_000, "huge"), type: HTML }],
    ["/huge-attribute/", { body: `<ul><li class="news-item"><a class="news-title" href="/ok.html" title="${"x".repeat(2_000_000)}">GLM-5 on Ascend</a></li></ul>`, type: HTML }],
  ]);
  const counts = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": route.type }).end(route.body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  return {
    url,
    set: (path, body, type = HTML) => void routes.set(path, { body, type }),
    requests: (path) => counts.get(path) ?? 0,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
