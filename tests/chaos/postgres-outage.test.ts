// Fault: PostgreSQL refuses every connection for a while and drops the open ones (as in a failover or restart).
// Shows: jobs that hit the outage fail, retry with backoff and succeed once it is back; the scheduler's ticks fail
// and resume; nothing is lost or stored twice. Unpatched, postgres.js 3.4.9 threw an uncatchable error when a
// connection was terminated mid-write (porsager/postgres#1154) and the process exited 1 for the supervisor (docker's
// restart policy; here `supervise`) to restart; patches/postgres+3.4.9.patch fixes that (tests/store/postgres-driver
// .test.ts). A process may still die of something else: the test allows a restart or two, not a crash loop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { inject } from "vitest";
import { startFeedServer, type FeedServer } from "../support/sim/feed-server.ts";
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
    // A short lease: a feed whose job gave up during the outage comes back within the test, as it would after 15 min.
    run = await startQueueRun(Array.from({ length: FEEDS }, (_, i) => server.feedUrl(i)), { WORKER_CONCURRENCY: "2", SIM_LEASE_SECONDS: "20" });
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
    const scheduler = run.supervise("scheduler");
    const worker = run.supervise("worker");
    await Promise.all([scheduler.current().ready, worker.current().ready]);
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
    // The outage was seen: job attempts or ticks failed and were retried.
    expect(`${worker.output()}${scheduler.output()}`).toMatch(/job failed|tick failed/);
    // Restarts, if any, came from the outage (at most one per process), not a crash loop.
    expect(worker.restarts() + scheduler.restarts()).toBeLessThanOrEqual(2);
    console.info(`[chaos] postgres outage: restarts worker ${worker.restarts()}, scheduler ${scheduler.restarts()}`);
    expect(await scheduler.stop()).toBe(0);
    expect(await worker.stop()).toBe(0);
  }, 180_000);
});
