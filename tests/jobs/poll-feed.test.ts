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
import { liveExtractor } from "../../src/teach/live-extractor.ts";
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

interface FeedState {
  items: Item[];
  fail: boolean;
  requests: number;
  conditional: number;
}

/**
 * A feed server with one feed per path, whose content and failure mode its test controls; it counts requests and
 * conditional ones. Each test has its own feed, items and job keys, so the tests pass in any order.
 */
function feedServer() {
  const feeds = new Map<string, FeedState>();
  const server: Server = createServer((req, res) => {
    const state = feeds.get(req.url ?? "");
    if (!state) {
      res.writeHead(404).end();
      return;
    }
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
  return { server, feeds };
}

describe.each(availableDrivers())("pollFeed against a local feed server (%s)", (driver) => {
  let t: TestDatabase;
  let deps: JobDeps;
  let base: string;
  const { server, feeds } = feedServer();

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    const config = loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0", FLAG_THRESHOLD: "0.5" });
    deps = createJobDeps({ db: t.db, config, logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
    // The extractor is compiled once per process at its first use (seconds, far more on a loaded machine): here,
    // under the hook's time limit, rather than inside whichever test polls first (which timed out under load).
    await liveExtractor(t.db);
  });
  afterAll(async () => {
    server.close();
    await deps?.offload.close();
    await t?.destroy();
  });

  /** A test's own copy of an item: its URL and text are unique to the test, so no other test's articles match it. */
  const own = (key: string, item: Item): Item => ({ ...item, id: `${key}-${item.id}`, title: `${item.title} (${key})` });

  /** A new feed at /<key>.xml serving `items` (made the test's own), and the articles stored from it. */
  async function newFeed(key: string, items: Item[]) {
    const state: FeedState = { items: items.map((i) => own(key, i)), fail: false, requests: 0, conditional: 0 };
    feeds.set(`/${key}.xml`, state);
    const [feed] = await addFeeds(t.db, [{ url: `${base}/${key}.xml` }]);
    const feedId = feed!.id;
    return {
      feedId,
      state,
      setItems: (next: Item[]) => void (state.items = next.map((i) => own(key, i))),
      stored: () => t.db.select().from(articles).where(eq(articles.feedId, feedId)),
      runs: () => t.db.select().from(fetchRuns).where(eq(fetchRuns.feedId, feedId)),
    };
  }

  it("stores the articles and flags the relevant one", async () => {
    // Worded apart from `relevant`, which other tests store: a near-duplicate would join their story's event.
    const onTopic: Item = {
      id: "glm5",
      title: "GLM-5 training ran on Huawei Ascend accelerators, Zhipu AI says",
      text: "Beijing-based Zhipu AI said its GLM-5 large language model completed pre-training on thousands of Huawei Ascend 910C accelerators with no Nvidia hardware involved, a milestone for Chinese-made AI chips.",
    };
    const { feedId, stored } = await newFeed("first", [onTopic, irrelevant]);
    const result = await pollFeed({ feedId }, deps, "first-1");
    expect(result).toMatchObject({ outcome: "ok", items: 2, newArticles: 2 });
    expect(result.flagged).toBeGreaterThanOrEqual(1);
    const mine = await stored();
    expect(mine.map((a) => a.url).sort()).toEqual(["https://news.example/first-football", "https://news.example/first-glm5"]);
    expect(mine.every((a) => a.rulesetVersion !== null)).toBe(true);
    const flagged = (await t.db.select().from(events).where(eq(events.status, "flagged"))).filter((e) => e.title.endsWith("(first)"));
    expect(flagged.map((e) => e.indicator)).toContain("pretraining_on_domestic");
    expect(flagged.every((e) => e.title === own("first", onTopic).title)).toBe(true);
    const after = await getFeed(t.db, feedId);
    expect(after?.etag).toBe('"v2"');
    expect(after?.title).toBe("Test wire");
    expect(after!.nextFetchAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("stores nothing when the server answers 304", async () => {
    const { feedId, state, stored } = await newFeed("same", [relevant, irrelevant]);
    await pollFeed({ feedId }, deps, "same-1");
    const result = await pollFeed({ feedId }, deps, "same-2");
    expect(result.outcome).toBe("not-modified");
    expect(state.conditional).toBe(1);
    expect(await stored()).toHaveLength(2);
  });

  it("stores only the new items of a changed feed", async () => {
    const { feedId, setItems, stored } = await newFeed("changed", [relevant, irrelevant]);
    await pollFeed({ feedId }, deps, "changed-1");
    setItems([later, relevant, irrelevant]);
    const result = await pollFeed({ feedId }, deps, "changed-2");
    expect(result).toMatchObject({ outcome: "ok", items: 3, newArticles: 1 });
    expect(await stored()).toHaveLength(3);
  });

  it("writes nothing twice when the same job is retried", async () => {
    const { feedId, stored, runs } = await newFeed("retried", [later, relevant, irrelevant, { ...irrelevant, id: "other", title: "Another match report", text: "A draw." }]);
    await pollFeed({ feedId }, deps, "retried-1");
    const again = await pollFeed({ feedId }, deps, "retried-1");
    expect(again.newArticles).toBe(0);
    expect(await runs()).toHaveLength(1);
    expect(await stored()).toHaveLength(4);
  });

  it("backs off a broken feed and records why", async () => {
    const { feedId, state } = await newFeed("broken", [relevant]);
    state.fail = true;
    const r1 = await pollFeed({ feedId }, deps, "broken-1");
    const f1 = await getFeed(t.db, feedId);
    const r2 = await pollFeed({ feedId }, deps, "broken-2");
    const f2 = await getFeed(t.db, feedId);
    expect(r1.outcome).toBe("error");
    expect(r2.error).toMatch(/500/);
    expect(f1?.consecutiveErrors).toBe(1);
    expect(f2?.consecutiveErrors).toBe(2);
    const delay1 = f1!.nextFetchAt.getTime() - f1!.lastFetchAt!.getTime();
    const delay2 = f2!.nextFetchAt.getTime() - f2!.lastFetchAt!.getTime();
    expect(delay2).toBeGreaterThan(delay1 * 1.5);
    state.fail = false;
    await pollFeed({ feedId }, deps, "broken-3");
    expect((await getFeed(t.db, feedId))?.consecutiveErrors).toBe(0);
  });

  it("stores items whose XML carries a raw NUL and a lone-surrogate reference, without those characters", async () => {
    const odd = { id: "odd", title: "Ascend\u0000 910C&#xD800; shipments", text: "Huawei\u0000 said shipments of Ascend chips rose." };
    const { feedId, stored } = await newFeed("odd", [odd]);
    const result = await pollFeed({ feedId }, deps, "odd-1");
    expect(result).toMatchObject({ outcome: "ok", newArticles: 1 });
    const [article] = await stored();
    expect(article?.title).toBe("Ascend 910C\ufffd shipments (odd)");
    expect(article?.summary).toBe("Huawei said shipments of Ascend chips rose.");
  });

  it("stores a poll's articles and their extraction together or not at all, and the retry stores them once", async () => {
    const { feedId, stored } = await newFeed("atomic", [relevant, later]);
    // The last write of the poll's transaction fails, as a database dropping the connection there would make it.
    await t.db.execute(sql`create or replace function fail_write() returns trigger language plpgsql as $$ begin raise exception 'injected'; end $$`);
    await t.db.execute(sql`create trigger fail_write before insert on event_sources for each statement execute function fail_write()`);
    try {
      await expect(pollFeed({ feedId }, deps, "atomic-1")).rejects.toThrow();
      expect(await stored()).toHaveLength(0);
    } finally {
      await t.db.execute(sql`drop trigger fail_write on event_sources`);
    }
    const retried = await pollFeed({ feedId }, deps, "atomic-1");
    expect(retried).toMatchObject({ outcome: "ok", newArticles: 2 });
    const mine = await stored();
    expect(mine).toHaveLength(2);
    expect(mine.every((a) => a.rulesetVersion !== null && a.extractedAt !== null && a.clusterId !== null)).toBe(true);
  });

  it("refuses a feed on a private address unless allowed", async () => {
    const strict = createJobDeps({ ...deps, config: loadConfig({ FETCH_HOST_INTERVAL_MS: "0" }) });
    const { feedId, state } = await newFeed("private", [relevant]);
    const result = await pollFeed({ feedId }, strict, "private-1");
    expect(result.outcome).toBe("error");
    expect(result.error).toMatch(/blocked-address/);
    expect(state.requests).toBe(0);
    await strict.offload.close();
  });
});
