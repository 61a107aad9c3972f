// Fault: worker processes die with kill -9 in the middle of a batch, again and again.
// Shows: BullMQ re-delivers the jobs they held; every article is stored once and every feed's fetch recorded once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFeedServer, type FeedServer } from "../support/sim/feed-server.ts";
import { waitFor } from "../queue/support/processes.ts";
import { startQueueRun, type QueueRun } from "../queue/support/queue-run.ts";
import { queueServicesMissing } from "../queue/support/services.ts";

const FEEDS = 40;
const ITEMS = 25;

describe.skipIf(queueServicesMissing)("chaos: kill -9 workers mid-batch", () => {
  let server: FeedServer;
  let run: QueueRun;

  beforeAll(async () => {
    server = await startFeedServer({ feeds: FEEDS, itemsPerFeed: ITEMS, delayMs: 300 });
    run = await startQueueRun(Array.from({ length: FEEDS }, (_, i) => server.feedUrl(i)), { WORKER_CONCURRENCY: "4" });
  });

  afterAll(async () => {
    await run?.cleanup();
    await server?.close();
  });

  it("loses nothing and stores nothing twice across three kills", async () => {
    const scheduler = run.spawn("scheduler");
    await scheduler.ready;
    for (let round = 0; round < 3; round++) {
      const worker = run.spawn("worker");
      await worker.ready;
      const before = server.totalRequests();
      await waitFor(() => server.totalRequests() >= before + 3, 30_000, `round ${round}: fetches in flight`, 20);
      worker.kill("SIGKILL");
      expect(await worker.exited).toBe("SIGKILL");
    }
    expect((await run.stats()).feedsOk).toBeLessThan(FEEDS);

    const last = run.spawn("worker");
    await last.ready;
    await waitFor(async () => (await run.stats()).feedsOk === FEEDS, 90_000, "every feed polled");
    await waitFor(async () => (await run.stats()).extracted === FEEDS * ITEMS, 30_000, "every article extracted");
    expect(await run.stats()).toMatchObject({
      articles: FEEDS * ITEMS,
      distinctUrls: FEEDS * ITEMS,
      fetchRuns: FEEDS,
      maxRunsPerFeed: 1,
    });
    expect(run.stalled()).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
