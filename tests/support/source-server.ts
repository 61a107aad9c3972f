// A local server for the source-kind fixtures (tests/ingest/testdata/sources), in the real services' URL shapes:
// a newsroom list and a regulator's notice list (html), GitHub's /OWNER/REPO/releases.atom, the Hugging Face hub's
// /api/models?author=ORG... and its model pages, a news sitemap behind a sitemap index, and the article pages the
// newsroom and the sitemap link to (the sitemap's news site, news.example.com, is this server); plus hostile pages.
// A test can replace any path's body (a site redesign) and counts requests per path.
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
const XML = "application/xml";
const ATOM = "application/atom+xml; charset=utf-8";
const JSON_TYPE = "application/json";

/** The newsroom list's selectors (tests/ingest/testdata/sources/newsroom.html). */
export const NEWSROOM_SELECTORS = { item: "li.news-item", title: "a.news-title", link: "a.news-title", date: ".news-date", summary: ".news-summary" };
/** The notice list's selectors (notices.html). */
export const NOTICE_SELECTORS = { item: ".page-list li", title: "a", link: "a", date: "span.fr" };

/** The hub's listing path for an organisation, as the huggingface kind asks for it. */
export const modelListingPath = (org: string) => `/api/models?author=${org}&sort=createdAt&direction=-1&limit=50`;

/** A listing page with `n` items in the newsroom's markup. */
export function bigListing(n: number, key = "big"): string {
  const items = Array.from({ length: n }, (_, i) => `<li class="news-item"><a class="news-title" href="/${key}/${i}.html">${key} item ${i}</a><span class="news-date">${i + 1}小时前</span></li>`);
  return `<!DOCTYPE html><html><head><title>${key}</title></head><body><ul>${items.join("")}</ul></body></html>`;
}

/** A news sitemap with `n` entries on `origin`, a minute apart. */
function bigSitemap(n: number, origin: string): string {
  const start = Date.parse("2026-11-01T00:00:00Z");
  const urls = Array.from(
    { length: n },
    (_, i) => `<url><loc>${origin}/flood/${i}.html</loc><news:news><news:publication_date>${new Date(start + i * 60_000).toISOString()}</news:publication_date><news:title>Flood entry ${i}</news:title></news:news></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">${urls.join("")}</urlset>`;
}

/** A model listing of `n` repos; the first one's card description is 2 MB (a field nobody should read whole). */
function bigModelListing(n: number, org: string): string {
  const models = Array.from({ length: n }, (_, i) => ({
    id: `${org}/model-${i}`,
    createdAt: new Date(Date.parse("2026-11-01T00:00:00Z") + i * 60_000).toISOString(),
    pipeline_tag: "text-generation",
    tags: ["transformers", "zh"],
    ...(i === 0 ? { cardData: { description: "x".repeat(2_000_000) } } : {}),
  }));
  return JSON.stringify(models);
}

/** A repository's releases feed with no release yet (GitHub serves such feeds between launches). */
const NO_RELEASES = `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-US"><id>tag:github.com,2008:https://github.com/example-org/quiet-repo/releases</id><title>Release notes from quiet-repo</title><updated>2026-11-01T00:00:00Z</updated></feed>`;

export async function startSourceServer(): Promise<SourceServer> {
  const routes = new Map<string, Served>();
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
  const routeList: [string, Served][] = [
    ["/newsroom/", { body: fixture("newsroom.html"), type: HTML }],
    ["/news/2026/glm5-ascend.html", { body: fixture("newsroom-article.html"), type: HTML }],
    ["/notices/", { body: fixture("notices.html"), type: HTML }],
    ["/example-org/vllm-ascend/releases.atom", { body: fixture("releases.atom"), type: ATOM }],
    [modelListingPath("zai-org"), { body: fixture("models.json"), type: JSON_TYPE }],
    ["/zai-org/GLM-5", { body: fixture("model-page.html"), type: HTML }],
    ["/sitemap-index.xml", { body: fixture("sitemap-index.xml"), type: XML }],
    ["/sitemaps/news.xml", { body: fixture("news-sitemap.xml").replaceAll("https://news.example.com", url), type: XML }],
    ["/sitemaps/old.xml", { body: '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>', type: XML }],
    ["/tech/2026/11/21/huawei-cloudmatrix.html", { body: fixture("news-article.html"), type: HTML }],
    // Hostile and edge cases.
    ["/empty/", { body: "<!DOCTYPE html><html><head><title>No news</title></head><body><ul class='news-list'></ul></body></html>", type: HTML }],
    ["/huge/", { body: bigListing(10_000, "huge"), type: HTML }],
    ["/huge-attribute/", { body: `<ul><li class="news-item"><a class="news-title" href="/ok.html" title="${"x".repeat(2_000_000)}">GLM-5 on Ascend</a></li></ul>`, type: HTML }],
    ["/example-org/quiet-repo/releases.atom", { body: NO_RELEASES, type: ATOM }],
    ["/huge-sitemap.xml", { body: bigSitemap(10_000, url), type: XML }],
    [modelListingPath("flood-org"), { body: bigModelListing(10_000, "flood-org"), type: JSON_TYPE }],
  ];
  for (const [path, served] of routeList) routes.set(path, served);
  return {
    url,
    set: (path, body, type = HTML) => void routes.set(path, { body, type }),
    requests: (path) => counts.get(path) ?? 0,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
