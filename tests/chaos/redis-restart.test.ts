// Fault: Redis dies mid-run and comes back empty (no persistence): every queued job and the tick scheduler are gone.
// Shows: processes log and reconnect instead of crashing, the scheduler re-creates its tick, feeds whose jobs were
// lost are claimed again when their lease runs out, and every article ends up stored exactly once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeedServer, type FeedServer } from "../support/sim/feed-server.ts";
import { waitFor } from "../queue/support/processes.ts";
import { startQueueRun, type QueueRun } from "../queue/support/queue-run.ts";
import { queueServicesMissing } from "../queue/support/services.ts";
import { startOwnRedis, type OwnRedis } from "./support/redis-server.ts";

const FEEDS = 40;
const ITEMS = 10;

describe.skipIf(queueServicesMissing)("chaos: Redis restarted mid-run", () => {
  let server: FeedServer;
  let redis: OwnRedis;
  let run: QueueRun;

  beforeAll(async () => {
    server = await startFeedServer({ feeds: FEEDS, itemsPerFeed: ITEMS, delayMs: 300 });
    redis = await startOwnRedis();
    run = await startQueueRun(
      Array.from({ length: FEEDS }, (_, i) => server.feedUrl(i)),
      { REDIS_URL: redis.url, SIM_LEASE_SECONDS: "4", WORKER_CONCURRENCY: "2" },
      redis.url,
    );
  });

  afterAll(async () => {
    await run?.cleanup();
    await redis?.stop();
    await server?.close();
  });

  it("recovers every feed after Redis loses all its data", async () => {
    const scheduler = run.spawn("scheduler");
    const worker = run.spawn("worker");
    await Promise.all([scheduler.ready, worker.ready]);
    await waitFor(async () => (await run.stats()).feedsOk >= 5, 30_000, "first feeds polled");
    await redis.stop();
    await new Promise((r) => setTimeout(r, 3_000));
    const during = await run.stats();
    expect(during.feedsOk).toBeLessThan(FEEDS);
    await redis.start();

    await waitFor(async () => (await run.stats()).feedsOk === FEEDS, 90_000, "every feed polled after the restart");
    await waitFor(async () => (await run.stats()).extracted === FEEDS * ITEMS, 30_000, "every article extracted");
    const stats = await run.stats();
    expect(stats).toMatchObject({ articles: FEEDS * ITEMS, distinctUrls: FEEDS * ITEMS });
    // Neither process crashed: they are both still running.
    expect(scheduler.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
    scheduler.kill("SIGTERM");
    worker.kill("SIGTERM");
    expect(await scheduler.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  }, 180_000);
});
