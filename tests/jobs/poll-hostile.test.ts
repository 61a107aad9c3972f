// Hostile feeds through the real poll (PGlite): each ends as a recorded, backed-off failure with its reason, or
// parses; none is recorded `ok` after a parse timeout; a feed over FEED_MAX_ITEMS gives its newest items and counts
// the rest. Speed is measured by `npm run bench -- hostile`, not here.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { pollFeed } from "../../src/jobs/poll-feed.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { addFeeds, getFeed } from "../../src/store/repositories/feeds.ts";
import { articles } from "../../src/store/schema.ts";
import { liveExtractor } from "../../src/teach/live-extractor.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toUTCString();
    return `<item><title>Story ${i} about Ascend chips</title><link>https://h.example/${i}</link><pubDate>${day}</pubDate><description>Huawei item ${i}.</description></item>`;
  }).join("");
const rss = (body: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${body}</channel></rss>`;

const BODIES: Record<string, string> = {
  "/bang.xml": "<rss>" + "<!x".repeat(150_000),
  "/root.xml": `<rss ${"a".repeat(500_000)}`,
  "/divs.xml": rss(`<item><title>Nested</title><link>https://h.example/n</link><description><![CDATA[${"<div>".repeat(20_000)}Caf&eacute;${"</div>".repeat(20_000)}]]></description></item>`),
  "/big.xml": rss(items(40_000)),
  "/twelve.xml": rss(items(12)),
};

describe("pollFeed on hostile feeds", () => {
  let t: TestDatabase;
  let base: string;
  const server: Server = createServer((req, res) => {
    const body = BODIES[req.url ?? ""];
    if (body === undefined) res.writeHead(404).end();
    else res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
  });
  const depsWith = (env: Record<string, string> = {}) =>
    createJobDeps({
      db: t.db,
      config: loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0", FETCH_MAX_BYTES: String(50e6), ...env }),
      logger: pino({ level: "silent" }),
      metrics: createMetrics(),
      enqueue: async () => {},
    });
  const feedAt = async (path: string) => (await addFeeds(t.db, [{ url: `${base}${path}` }]))[0]!.id;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    // Compiled once per process at the first extraction (seconds, far more under load): here, under the hook's
    // limit, not inside the first test that stores an article (which timed out at 30 s under load ~22).
    await liveExtractor(t.db);
  });
  afterAll(async () => {
    server.close();
    await t?.destroy();
  });

  it.each([
    ["/bang.xml", /parse: markup declaration .* runs over 4096 characters/],
    ["/root.xml", /parse: not a feed: no XML root element/],
  ])("records %s as a parse failure and backs it off", async (path, reason) => {
    const feedId = await feedAt(path);
    const deps = depsWith();
    const result = await pollFeed({ feedId }, deps, `job-${path}`);
    expect(result.outcome).toBe("error");
    expect(result.error).toMatch(reason);
    const feed = await getFeed(t.db, feedId);
    expect(feed).toMatchObject({ lastStatus: "error", consecutiveErrors: 1 });
    expect(feed!.lastError).toMatch(reason);
    expect(feed!.nextFetchAt.getTime()).toBeGreaterThan(Date.now());
    await deps.offload.close();
  });

  it("reads 20,000 nested divs in a description (cheerio's RangeError was rethrown: 5 retries, no record)", async () => {
    const feedId = await feedAt("/divs.xml");
    const deps = depsWith();
    const result = await pollFeed({ feedId }, deps, "job-divs");
    expect(result).toMatchObject({ outcome: "ok", newArticles: 1 });
    const [stored] = await t.db.select().from(articles).where(eq(articles.feedId, feedId));
    expect(stored?.summary).toBe("Café");
    await deps.offload.close();
  });

  it("records a parse that overruns PARSE_TIMEOUT_MS as a failure, never as ok", async () => {
    const feedId = await feedAt("/big.xml");
    const deps = depsWith({ PARSE_TIMEOUT_MS: "100" });
    const result = await pollFeed({ feedId }, deps, "job-big");
    expect(result.outcome).toBe("error");
    expect(result.error).toBe("parse: parse timed out after 100 ms");
    const feed = await getFeed(t.db, feedId);
    expect(feed).toMatchObject({ lastStatus: "error", consecutiveErrors: 1, lastError: "parse: parse timed out after 100 ms" });
    expect(await t.db.select().from(articles).where(eq(articles.feedId, feedId))).toHaveLength(0);
    await deps.offload.close();
  });

  it("takes the newest FEED_MAX_ITEMS items and counts the rest", async () => {
    const feedId = await feedAt("/twelve.xml");
    const deps = depsWith({ FEED_MAX_ITEMS: "5" });
    const result = await pollFeed({ feedId }, deps, "job-twelve");
    expect(result).toMatchObject({ outcome: "ok", items: 12, newArticles: 5, skippedItems: 7 });
    const stored = await t.db.select().from(articles).where(eq(articles.feedId, feedId));
    expect(stored.map((a) => a.url).sort()).toEqual([7, 8, 9, 10, 11].map((i) => `https://h.example/${i}`).sort());
    expect(await deps.metrics.itemsSkipped.get()).toMatchObject({ values: [{ value: 7 }] });
    await deps.offload.close();
  });
});
