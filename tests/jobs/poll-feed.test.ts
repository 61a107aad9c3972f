import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { pollFeed } from "../../src/jobs/poll-feed.ts";
import type { JobDeps } from "../../src/jobs/types.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { addFeeds, getFeed } from "../../src/store/repositories/feeds.ts";
import { articles, events, fetchRuns } from "../../src/store/schema.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

interface Item {
  id: string;
  title: string;
  text: string;
}

const relevant: Item = {
  id: "glm5",
  title: "Zhipu says GLM-5 was pre-trained entirely on Huawei Ascend chips",
  text: "Zhipu AI said on Tuesday that its GLM-5 model was pre-trained on a cluster of Huawei Ascend 910C processors using the MindSpore framework, the largest training run yet completed on Chinese-made accelerators.",
};
const irrelevant: Item = {
  id: "football",
  title: "Local club wins the cup after a penalty shoot-out",
  text: "The home side won the final on penalties after a goalless draw in front of a record crowd on Saturday.",
};
const later: Item = {
  id: "cambricon",
  title: "Cambricon raises 4 billion yuan to expand AI chip production",
  text: "Chinese AI chip designer Cambricon Technologies said it raised 4 billion yuan in a private placement to fund new MLU accelerator development, as Beijing pushes investment in indigenous chip design.",
};

function rss(items: Item[]): string {
  const entries = items
    .map(
      (i, n) => `<item><title>${i.title}</title><link>https://news.example/${i.id}?utm_source=rss</link>` +
        `<guid>${i.id}</guid><pubDate>${new Date(Date.UTC(2026, 10, 20 + n)).toUTCString()}</pubDate>` +
        `<description>${i.text}</description></item>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Test wire</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

/** A feed server whose content and failure mode the test controls; it counts requests and conditional ones. */
function feedServer() {
  const state = { items: [relevant, irrelevant] as Item[], fail: false, requests: 0, conditional: 0 };
  const server: Server = createServer((req, res) => {
    state.requests++;
    if (state.fail) {
      res.writeHead(500).end("boom");
      return;
    }
    const body = rss(state.items);
    const etag = `"v${state.items.length}"`;
    if (req.headers["if-none-match"]) state.conditional++;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  });
  return { server, state };
}

describe.each(availableDrivers())("pollFeed against a local feed server (%s)", (driver) => {
  let t: TestDatabase;
  let deps: JobDeps;
  let url: string;
  const { server, state } = feedServer();

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/feed.xml`;
    const config = loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0", FLAG_THRESHOLD: "0.5" });
    deps = createJobDeps({ db: t.db, config, logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
  });
  afterAll(async () => {
    server.close();
    await t?.destroy();
  });

  let feedId: number;

  it("stores the articles and flags the relevant one", async () => {
    const [feed] = await addFeeds(t.db, [{ url }]);
    feedId = feed!.id;
    const result = await pollFeed({ feedId }, deps, "job-1");
    expect(result).toMatchObject({ outcome: "ok", items: 2, newArticles: 2 });
    expect(result.flagged).toBeGreaterThanOrEqual(1);
    const stored = await t.db.select().from(articles).where(eq(articles.feedId, feedId));
    expect(stored.map((a) => a.url).sort()).toEqual(["https://news.example/football", "https://news.example/glm5"]);
    expect(stored.every((a) => a.rulesetVersion !== null)).toBe(true);
    const flagged = await t.db.select().from(events).where(eq(events.status, "flagged"));
    expect(flagged.map((e) => e.indicator)).toContain("pretraining_on_domestic");
    expect(flagged.every((e) => e.title === relevant.title)).toBe(true);
    const after = await getFeed(t.db, feedId);
    expect(after?.etag).toBe('"v2"');
    expect(after?.title).toBe("Test wire");
    expect(after!.nextFetchAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("stores nothing when the server answers 304", async () => {
    const before = (await t.db.select().from(articles)).length;
    const result = await pollFeed({ feedId }, deps, "job-2");
    expect(result.outcome).toBe("not-modified");
    expect(state.conditional).toBeGreaterThanOrEqual(1);
    expect((await t.db.select().from(articles)).length).toBe(before);
  });

  it("stores only the new items of a changed feed", async () => {
    state.items = [later, relevant, irrelevant];
    const result = await pollFeed({ feedId }, deps, "job-3");
    expect(result).toMatchObject({ outcome: "ok", items: 3, newArticles: 1 });
    expect((await t.db.select().from(articles)).length).toBe(3);
  });

  it("writes nothing twice when the same job is retried", async () => {
    state.items = [later, relevant, irrelevant, { ...irrelevant, id: "other", title: "Another match report", text: "A draw." }];
    await pollFeed({ feedId }, deps, "job-4");
    const runs = (await t.db.select().from(fetchRuns)).length;
    const again = await pollFeed({ feedId }, deps, "job-4");
    expect(again.newArticles).toBe(0);
    expect((await t.db.select().from(fetchRuns)).length).toBe(runs);
    expect((await t.db.select().from(articles)).length).toBe(4);
  });

  it("backs off a broken feed and records why", async () => {
    state.fail = true;
    const r1 = await pollFeed({ feedId }, deps, "job-5");
    const f1 = await getFeed(t.db, feedId);
    const r2 = await pollFeed({ feedId }, deps, "job-6");
    const f2 = await getFeed(t.db, feedId);
    expect(r1.outcome).toBe("error");
    expect(r2.error).toMatch(/500/);
    expect(f1?.consecutiveErrors).toBe(1);
    expect(f2?.consecutiveErrors).toBe(2);
    const delay1 = f1!.nextFetchAt.getTime() - f1!.lastFetchAt!.getTime();
    const delay2 = f2!.nextFetchAt.getTime() - f2!.lastFetchAt!.getTime();
    expect(delay2).toBeGreaterThan(delay1 * 1.5);
    state.fail = false;
    await pollFeed({ feedId }, deps, "job-7");
    expect((await getFeed(t.db, feedId))?.consecutiveErrors).toBe(0);
  });

  it("stores items whose XML carries a raw NUL and a lone-surrogate reference, without those characters", async () => {
    state.items = [{ id: "odd", title: "Ascend\u0000 910C&#xD800; shipments", text: "Huawei\u0000 said shipments of Ascend chips rose." }];
    const [feed] = await addFeeds(t.db, [{ url: url.replace("feed.xml", "odd.xml") }]);
    const result = await pollFeed({ feedId: feed!.id }, deps, "job-odd");
    expect(result).toMatchObject({ outcome: "ok", newArticles: 1 });
    const [stored] = await t.db.select().from(articles).where(eq(articles.url, "https://news.example/odd"));
    expect(stored?.title).toBe("Ascend 910C\ufffd shipments");
    expect(stored?.summary).toBe("Huawei said shipments of Ascend chips rose.");
  });

  it("stores a poll's articles and their extraction together or not at all, and the retry stores them once", async () => {
    state.items = [
      { ...relevant, id: "atomic-1", title: `${relevant.title} again` },
      { ...later, id: "atomic-2", title: `${later.title} again` },
    ];
    const [feed] = await addFeeds(t.db, [{ url: url.replace("feed.xml", "atomic.xml") }]);
    const mine = () => t.db.select().from(articles).where(eq(articles.feedId, feed!.id));
    // The last write of the poll's transaction fails, as a database dropping the connection there would make it.
    await t.db.execute(sql`create function fail_write() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`);
    await t.db.execute(sql`create trigger fail_write before insert on event_sources for each statement execute function fail_write()`);
    await expect(pollFeed({ feedId: feed!.id }, deps, "job-atomic")).rejects.toThrow();
    expect(await mine()).toHaveLength(0);
    await t.db.execute(sql`drop trigger fail_write on event_sources`);
    const retried = await pollFeed({ feedId: feed!.id }, deps, "job-atomic");
    expect(retried).toMatchObject({ outcome: "ok", newArticles: 2 });
    const stored = await mine();
    expect(stored).toHaveLength(2);
    expect(stored.every((a) => a.rulesetVersion !== null && a.extractedAt !== null && a.clusterId !== null)).toBe(true);
  });

  it("refuses a feed on a private address unless allowed", async () => {
    const strict = createJobDeps({
      ...deps,
      config: loadConfig({ FETCH_HOST_INTERVAL_MS: "0" }),
    });
    const [feed] = await addFeeds(t.db, [{ url: url.replace("feed.xml", "other.xml") }]);
    const requests = state.requests;
    const result = await pollFeed({ feedId: feed!.id }, strict, "job-8");
    expect(result.outcome).toBe("error");
    expect(result.error).toMatch(/blocked-address/);
    expect(state.requests).toBe(requests);
  });
});
