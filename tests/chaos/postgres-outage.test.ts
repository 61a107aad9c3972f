// Fault: PostgreSQL refuses every connection for a while and drops the open ones (as in a failover or restart).
// Shows: jobs that hit the outage fail, retry with backoff and succeed once it is back; the scheduler's ticks fail
// and resume; no process crashes; nothing is lost or stored twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { inject } from "vitest";
import { startFeedServer, type FeedServer } from "../../bench/sim/feed-server.ts";
import { waitFor } from "../queue/support/processes.ts";
import { startQueueRun, type QueueRun } from "../queue/support/queue-run.ts";
import { queueServicesMissing } from "../queue/support/services.ts";

const FEEDS = 30;
const ITEMS = 10;
const OUTAGE_MS = 6_000;

describe.skipIf(queueServicesMissing)("chaos: PostgreSQL unavailable for a while", () => {
  let server: FeedServer;
  let run: QueueRun;
  let admin: postgres.Sql;
  let dbName: string;

  beforeAll(async () => {
    server = await startFeedServer({ feeds: FEEDS, itemsPerFeed: ITEMS, delayMs: 250 });
    run = await startQueueRun(Array.from({ length: FEEDS }, (_, i) => server.feedUrl(i)), { WORKER_CONCURRENCY: "2" });
    admin = postgres(inject("pgUrl") ?? "", { max: 1, onnotice: () => {} });
    dbName = new URL(run.database.url ?? "").pathname.slice(1);
  });

  afterAll(async () => {
    await admin?.unsafe(`alter database ${dbName} with allow_connections true`);
    await admin?.end({ timeout: 2 });
    await run?.cleanup();
    await server?.close();
  });

  it("retries through the outage and finishes every feed", async () => {
    const scheduler = run.spawn("scheduler");
    const worker = run.spawn("worker");
    await Promise.all([scheduler.ready, worker.ready]);
    await waitFor(async () => (await run.stats()).feedsOk >= 3, 30_000, "first feeds polled");

    await admin.unsafe(`alter database ${dbName} with allow_connections false`);
    const terminated = await admin<{ n: number }[]>`
      select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${dbName}`;
    expect(terminated[0]?.n).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    await admin.unsafe(`alter database ${dbName} with allow_connections true`);

    await waitFor(async () => (await run.stats()).feedsOk === FEEDS, 90_000, "every feed polled after the outage");
    await waitFor(async () => (await run.stats()).extracted === FEEDS * ITEMS, 30_000, "every article extracted");
    expect(await run.stats()).toMatchObject({ articles: FEEDS * ITEMS, distinctUrls: FEEDS * ITEMS });
    expect(scheduler.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();
    // The outage was seen: some job attempts failed and were retried.
    expect(worker.output()).toMatch(/job failed/);
    scheduler.kill("SIGTERM");
    worker.kill("SIGTERM");
    expect(await scheduler.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  }, 180_000);
});
