// Full text: a feed marked for it gets each new article's page fetched, its main text stored beside the summary,
// and the article re-extracted from the fuller text.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { fetchArticle } from "../../src/jobs/fetch-article.ts";
import { pollFeed } from "../../src/jobs/poll-feed.ts";
import type { JobDataMap, JobDeps } from "../../src/jobs/types.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { articles, eventSources, events } from "../../src/store/schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

const PAGE = `<!doctype html><html><head><title>Story</title><script>var tracking = 1;</script></head><body>
<nav><a href="/">Home</a> | <a href="/tech">Tech</a></nav>
<article><h1>Lab shares training details</h1>
<p>Zhipu AI said on Monday that its GLM-5 model was pre-trained entirely on a cluster of Huawei Ascend 910C
processors, the largest such run completed on Chinese-made accelerators, according to a technical report.</p>
<p>The company said the training used the MindSpore framework and took several months, with engineers adapting
their kernels to the domestic hardware along the way.</p></article>
<footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>`;

describe("full-text fetch", () => {
  let t: TestDatabase;
  let deps: JobDeps;
  let base: string;
  const queued: { name: string; data: JobDataMap[keyof JobDataMap]; jobId: string }[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === "/feed.xml") {
      // The feed only teases the story: no chip, no stage.
      const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title><link>${base}/</link>
        <item><title>Lab shares training details</title><link>${base}/story</link><guid>story</guid>
        <description>A Chinese lab published details of its newest model.</description></item></channel></rss>`;
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss);
    } else if (req.url === "/story") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    deps = createJobDeps({
      db: t.db,
      config: loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0" }),
      logger: pino({ level: "silent" }),
      metrics: createMetrics(),
      enqueue: async (name, data, jobId) => void queued.push({ name, data, jobId }),
    });
  });
  afterAll(async () => {
    server.close();
    await t?.destroy();
  });

  it("queues a page fetch per new article, stores the main text, and re-extracts from it", async () => {
    const [feed] = await addFeeds(t.db, [{ url: `${base}/feed.xml`, fetchFullText: true }]);
    await pollFeed({ feedId: feed!.id }, deps, "poll-1");
    expect(await t.db.select().from(events)).toHaveLength(0);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.name).toBe("fetchArticle");

    const { articleId } = queued[0]!.data as JobDataMap["fetchArticle"];
    const result = await fetchArticle({ articleId }, deps);
    expect(result).toMatchObject({ fetched: true });
    const [article] = await t.db.select().from(articles).where(eq(articles.id, articleId));
    expect(article!.fullText).toMatch(/pre-trained entirely on a cluster of Huawei Ascend 910C/);
    expect(article!.fullText).not.toMatch(/tracking|Copyright|Home/);
    expect(article!.summary).toBe("A Chinese lab published details of its newest model.");
    const sources = await t.db
      .select({ indicator: events.indicator })
      .from(eventSources)
      .innerJoin(events, eq(events.id, eventSources.eventId))
      .where(eq(eventSources.articleId, articleId));
    expect(sources.map((s) => s.indicator)).toContain("pretraining_on_domestic");

    // Retried: the stored page is kept, nothing is fetched or written twice.
    expect(await fetchArticle({ articleId }, deps)).toMatchObject({ fetched: true });
    expect(await t.db.select().from(events)).toHaveLength(sources.length);
  });
});
