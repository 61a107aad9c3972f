// How long one big feed blocks the event loop (and so BullMQ's lock renewal, which runs on the same loop):
// parses a feed of N items and polls it through the real job, reporting the longest event-loop stall.
// Run: npx tsx bench/big-feed.ts [items=5000]   (needs the PostgreSQL of the test setup)
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { parseFeed } from "../src/ingest/parse.ts";
import { createJobDeps } from "../src/jobs/deps.ts";
import { runJob } from "../src/jobs/handlers.ts";
import { createMetrics } from "../src/observability/metrics.ts";
import { addFeeds } from "../src/store/repositories/feeds.ts";
import { createBenchDatabase } from "../tests/support/sim/cluster.ts";
import { startFeedServer } from "../tests/support/sim/feed-server.ts";

const items = Number(process.argv[2] ?? 5000);
const server = await startFeedServer({ feeds: 1, itemsPerFeed: items });
const db = await createBenchDatabase();
try {
  const body = await (await fetch(server.feedUrl(0))).text();
  let t = performance.now();
  await parseFeed(body, { baseUrl: server.baseUrl });
  console.log(`feed of ${items} items, ${(body.length / 1e6).toFixed(1)} MB: parseFeed ${Math.round(performance.now() - t)} ms`);
  const [feed] = await addFeeds(db.database.db, [{ url: server.feedUrl(0), allowPrivate: true }]);
  const config = loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0", FETCH_MAX_BYTES: String(100e6) });
  const deps = createJobDeps({ db: db.database.db, config, logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  t = performance.now();
  const result = await runJob("pollFeed", { feedId: feed?.id ?? 0 }, deps, "big-feed");
  delay.disable();
  console.log(
    `pollFeed: ${result.newArticles} new articles in ${Math.round(performance.now() - t)} ms; ` +
      `longest event-loop stall ${Math.round(delay.max / 1e6)} ms (p99 ${Math.round(delay.percentile(99) / 1e6)} ms)`,
  );
} finally {
  await server.close();
  await db.destroy();
}
