// Queue mode end to end with real processes: one scheduler and two workers against PostgreSQL and Redis, 50 local
// feeds. One worker is SIGKILLed while it holds jobs; BullMQ re-delivers them and nothing is lost or stored twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Queue } from "bullmq";
import { startFeedServer, type FeedServer } from "../support/sim/feed-server.ts";
import { JOBS_QUEUE } from "../../src/queue/names.ts";
import { waitFor } from "./support/processes.ts";
import { startQueueRun, type QueueRun } from "./support/queue-run.ts";
import { queueServicesMissing, redisUrl } from "./support/services.ts";

const FEEDS = 50;
const ITEMS = 20;

describe.skipIf(queueServicesMissing)("queue mode: scheduler + two worker processes", () => {
  let server: FeedServer;
  let run: QueueRun;

  beforeAll(async () => {
    // Slow answers keep jobs in flight long enough for the kill to land mid-job.
    server = await startFeedServer({ feeds: FEEDS, itemsPerFeed: ITEMS, delayMs: 400 });
    run = await startQueueRun(Array.from({ length: FEEDS }, (_, i) => server.feedUrl(i)));
  });

  afterAll(async () => {
    await run?.cleanup();
    await server?.close();
  });

  it("stores every article exactly once and loses nothing when a worker is killed mid-run", async () => {
    const scheduler = run.spawn("scheduler");
    const victim = run.spawn("worker");
    const survivor = run.spawn("worker");
    await Promise.all([scheduler.ready, victim.ready, survivor.ready]);

    await waitFor(() => server.totalRequests() >= 8, 30_000, "the first feed fetches", 20);
    victim.kill("SIGKILL");
    const atKill = await run.stats();
    expect(atKill.feedsOk).toBeLessThan(FEEDS);

    // A poll records its fetch just after its articles' transaction commits: wait for both.
    await waitFor(async () => (await run.stats()).feedsOk === FEEDS, 90_000, "every feed polled");
    await waitFor(async () => (await run.stats()).extracted >= FEEDS * ITEMS, 30_000, "all articles stored and extracted");
    const stats = await run.stats();
    expect(stats).toMatchObject({
      articles: FEEDS * ITEMS,
      distinctUrls: FEEDS * ITEMS,
      extracted: FEEDS * ITEMS,
      feedsOk: FEEDS,
      // A re-delivered job keeps its id, so its fetch is recorded once.
      fetchRuns: FEEDS,
      maxRunsPerFeed: 1,
    });
    expect(server.requests.size).toBe(FEEDS);
    // The kill hit jobs in flight: BullMQ saw them stall and gave them to the surviving worker.
    expect(run.stalled()).toBeGreaterThanOrEqual(1);
    expect(await victim.exited).toBe("SIGKILL");

    const queue = new Queue(JOBS_QUEUE, { connection: { url: redisUrl() }, prefix: run.prefix });
    // A job is marked completed after its function returns.
    await waitFor(async () => (await queue.getJobCounts("completed")).completed! >= FEEDS, 10_000, "every job completed");
    const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "completed");
    await queue.close();
    expect(counts).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: FEEDS });

    // SIGTERM drains and exits cleanly.
    scheduler.kill("SIGTERM");
    survivor.kill("SIGTERM");
    expect(await scheduler.exited).toBe(0);
    expect(await survivor.exited).toBe(0);
  }, 150_000);
});
