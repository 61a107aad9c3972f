// Every source kind end to end through the poll job (the one function both run modes call) into stored articles
// and flagged events, against local fixtures, on PGlite and PostgreSQL; hostile listing pages end as recorded
// failures or bounded successes, and a page that stops matching is failing with the exact reason (API, /metrics).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig, type Config } from "../../src/config.ts";
import { addFeed } from "../../src/feeds/add-feeds.ts";
import { checkFeedInput } from "../../src/feeds/feed-input.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { fetchArticle } from "../../src/jobs/fetch-article.ts";
import { pollFeed } from "../../src/jobs/poll-feed.ts";
import type { JobDeps } from "../../src/jobs/types.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { getFeed } from "../../src/store/repositories/feeds.ts";
import { articles } from "../../src/store/schema.ts";
import { createApp } from "../../src/web/app.ts";
import { ensureAdminToken } from "../../src/store/repositories/users.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";
import { NEWSROOM_SELECTORS, NOTICE_SELECTORS, startSourceServer, type SourceServer } from "../support/source-server.ts";
import { flaggedIndicators } from "../support/source-run.ts";

const TOKEN = "sources-test-token-0123456789";

describe.each(availableDrivers())("polling each source kind (%s)", { timeout: 180_000 }, (driver) => {
  let t: TestDatabase;
  let deps: JobDeps;
  let config: Config;
  let server: SourceServer;
  const enqueued: number[] = [];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    server = await startSourceServer();
    config = loadConfig({
      FETCH_HOST_INTERVAL_MS: "0",
      GITHUB_BASE_URL: server.url,
      HUGGINGFACE_BASE_URL: server.url,
      API_TOKEN: TOKEN,
      LOG_LEVEL: "silent",
    });
    deps = createJobDeps({
      db: t.db,
      config,
      logger: pino({ level: "silent" }),
      metrics: createMetrics(),
      enqueue: async (name, data) => {
        if (name === "fetchArticle") enqueued.push((data as { articleId: number }).articleId);
      },
    });
  });
  afterAll(async () => {
    await deps?.offload.close();
    await server?.close();
    await t?.destroy();
  });

  /** Adds a feed as the API would (checked, short forms expanded against the test server), on a private address. */
  async function add(raw: Record<string, unknown>) {
    const checked = checkFeedInput({ allowPrivate: true, ...raw }, { github: server.url, huggingface: server.url });
    if (!checked.ok) throw new Error(checked.reason);
    return (await addFeed(t.db, checked.feed, config)).feed;
  }
  const stored = (feedId: number) => t.db.select().from(articles).where(eq(articles.feedId, feedId));
  const flagged = (feedId: number) => flaggedIndicators(t.db, feedId);

  it("html: a newsroom list becomes articles (with page fetches queued) and the on-topic item is flagged", async () => {
    const feed = await add({ url: `${server.url}/newsroom/`, kind: "html", selectors: NEWSROOM_SELECTORS, lang: "zh" });
    expect(feed).toMatchObject({ kind: "html", selectors: NEWSROOM_SELECTORS, fetchFullText: true });
    const result = await pollFeed({ feedId: feed.id }, deps, `html-newsroom-${driver}`);
    expect(result).toMatchObject({ outcome: "ok", items: 3, newArticles: 3 });
    const rows = await stored(feed.id);
    expect(rows.map((r) => r.url).sort()).toEqual([
      `${server.url}/news/2026/1119-partner.html`,
      `${server.url}/news/2026/glm5-ascend.html`,
      "https://www.example.cn/news/2026/1101-award.html",
    ]);
    expect(await flagged(feed.id)).toContain("pretraining_on_domestic");
    expect(enqueued).toEqual(expect.arrayContaining(rows.map((r) => r.id)));
    expect((await getFeed(t.db, feed.id))?.itemsSeen).toBe(3);
  });

  it("html: a government notice list, polled twice, stores each notice once", async () => {
    const feed = await add({ url: `${server.url}/notices/`, kind: "html", selectors: NOTICE_SELECTORS, timezone: "Asia/Shanghai" });
    expect(await pollFeed({ feedId: feed.id }, deps, `html-notices-1-${driver}`)).toMatchObject({ outcome: "ok", newArticles: 3 });
    expect(await pollFeed({ feedId: feed.id }, deps, `html-notices-2-${driver}`)).toMatchObject({ outcome: "ok", newArticles: 0 });
    const rows = await stored(feed.id);
    expect(rows.find((r) => r.title.includes("算力券"))?.publishedAt?.toISOString()).toBe("2026-11-17T16:00:00.000Z");
  });

  it("github-releases: OWNER/REPO polls the releases feed; release notes are the text", async () => {
    const feed = await add({ url: "example-org/vllm-ascend", kind: "github-releases" });
    expect(feed.url).toBe(`${server.url}/example-org/vllm-ascend/releases.atom`);
    expect(await pollFeed({ feedId: feed.id }, deps, `gh-${driver}`)).toMatchObject({ outcome: "ok", newArticles: 2 });
    const rows = await stored(feed.id);
    expect(rows.map((r) => r.title).sort()).toEqual(["example-org/vllm-ascend v0.10.2", "example-org/vllm-ascend v0.11.0"]);
    expect(rows.find((r) => r.title.endsWith("v0.11.0"))?.summary).toContain("Huawei Ascend 910C");
  });

  it("huggingface: ORG polls the model listing; the model card page becomes the text and is flagged", async () => {
    const feed = await add({ url: "zai-org", kind: "huggingface" });
    expect(feed.url).toBe(`${server.url}/api/models?author=zai-org&sort=createdAt&direction=-1&limit=50`);
    expect(await pollFeed({ feedId: feed.id }, deps, `hf-${driver}`)).toMatchObject({ outcome: "ok", items: 2, newArticles: 2 });
    const model = (await stored(feed.id)).find((r) => r.url === `${server.url}/zai-org/GLM-5`)!;
    expect(model).toBeDefined();
    expect(await fetchArticle({ articleId: model.id }, deps)).toMatchObject({ fetched: true });
    const [withText] = await t.db.select().from(articles).where(eq(articles.id, model.id));
    expect(withText?.fullText).toContain("pre-trained on a cluster of Huawei Ascend 910C");
    expect(await flagged(feed.id)).toContain("pretraining_on_domestic");
  });

  it("sitemap: an index is followed one level to its news sitemap; entries stored newest first", async () => {
    const feed = await add({ url: `${server.url}/sitemap-index.xml`, kind: "sitemap" });
    expect(await pollFeed({ feedId: feed.id }, deps, `sitemap-${driver}`)).toMatchObject({ outcome: "ok", items: 3, newArticles: 3 });
    const titles = (await stored(feed.id)).map((r) => r.title).sort();
    expect(titles).toEqual(["Cambricon raises 4 billion yuan to expand AI chip production", "Huawei expands CloudMatrix clusters for domestic model training", "moore threads gpu"]);
    expect(server.requests("/sitemaps/news.xml")).toBeGreaterThanOrEqual(1);
  });

  it("a page that stops matching is failing with 'selectors matched nothing' in the feed row, the API and /metrics", async () => {
    const path = `/redesign-${driver}/`;
    server.set(path, `<ul>${'<li class="news-item"><a class="news-title" href="/r/1.html">Before the redesign</a></li>'}</ul>`);
    const feed = await add({ url: `${server.url}${path}`, kind: "html", selectors: NEWSROOM_SELECTORS });
    expect(await pollFeed({ feedId: feed.id }, deps, `redesign-1-${driver}`)).toMatchObject({ outcome: "ok", newArticles: 1 });
    server.set(path, `<div class="cards"><article class="card"><a href="/r/2.html">After the redesign</a></article></div>`);
    expect(await pollFeed({ feedId: feed.id }, deps, `redesign-2-${driver}`)).toMatchObject({ outcome: "error", error: "selectors matched nothing" });
    expect(await getFeed(t.db, feed.id)).toMatchObject({ lastStatus: "error", lastError: "selectors matched nothing", consecutiveErrors: 1 });

    await ensureAdminToken(t.db, TOKEN);
    const app = createApp({ db: t.db, config, logger: pino({ level: "silent" }), metrics: createMetrics() });
    const res = await app.request("/api/feeds", { headers: { authorization: `Bearer ${TOKEN}` } });
    const listed = ((await res.json()) as { items: { id: number; kind: string; status: string; failureReason: string | null; itemsSeen: number }[] }).items;
    expect(listed.find((f) => f.id === feed.id)).toMatchObject({ kind: "html", status: "failing", failureReason: "selectors matched nothing", itemsSeen: 1 });
    const metrics = await (await app.request("/metrics")).text();
    expect(metrics).toMatch(/chipwatch_feeds_failing\{kind="html",reason="selectors matched nothing"\} [1-9]/);
  });

  it("hostile listing pages: no items fails with the reason, 10,000 items are capped, a 2 MB attribute is ignored", async () => {
    const empty = await add({ url: `${server.url}/empty/`, kind: "html", selectors: NEWSROOM_SELECTORS });
    expect(await pollFeed({ feedId: empty.id }, deps, `empty-${driver}`)).toMatchObject({ outcome: "error", error: "selectors matched nothing" });

    const huge = await add({ url: `${server.url}/huge/`, kind: "html", selectors: NEWSROOM_SELECTORS });
    const result = await pollFeed({ feedId: huge.id }, deps, `huge-${driver}`);
    expect(result).toMatchObject({ outcome: "ok", items: 10_000, newArticles: config.FEED_MAX_ITEMS, skippedItems: 10_000 - config.FEED_MAX_ITEMS });

    const attr = await add({ url: `${server.url}/huge-attribute/`, kind: "html", selectors: NEWSROOM_SELECTORS });
    expect(await pollFeed({ feedId: attr.id }, deps, `attr-${driver}`)).toMatchObject({ outcome: "ok", newArticles: 1 });
    expect((await stored(attr.id))[0]?.title).toBe("GLM-5 on Ascend");
  });

  it("refuses injected selectors and mismatched settings when the feed is added", () => {
    const bases = { github: server.url, huggingface: server.url };
    const check = (raw: Record<string, unknown>) => checkFeedInput(raw, bases);
    expect(check({ url: `${server.url}/x`, kind: "html", selectors: { ...NEWSROOM_SELECTORS, item: "li:has(a)" } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^selectors\.item: uses :has/) });
    expect(check({ url: `${server.url}/x`, kind: "html", selectors: { ...NEWSROOM_SELECTORS, title: "</script><script>alert(1)</script>" } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^selectors\.title: is not a CSS selector/) });
    expect(check({ url: `${server.url}/x`, kind: "html" })).toEqual({ ok: false, reason: "selectors: an html feed needs selectors {item, title, link}" });
    expect(check({ url: `${server.url}/x`, kind: "rss", selectors: NEWSROOM_SELECTORS })).toEqual({ ok: false, reason: "selectors: selectors are only for kind html" });
    expect(check({ url: `${server.url}/x`, kind: "gopher" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^kind: must be one of rss, html/) });
    expect(check({ url: "not/a/repo", kind: "github-releases" })).toEqual({ ok: false, reason: "url: must be OWNER/REPO or a GitHub repository URL" });
  });
});
