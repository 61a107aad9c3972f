// Fault: feed servers that drip, hang, reset, fail, loop, never stop sending, or send something that is not a feed.
// Shows: every fetch ends within the configured bounds, each bad feed is marked with its error and backed off by at
// least the minimum interval, and healthy feeds on the same host are polled and stored as usual.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../src/store/db.ts";
import { waitFor } from "../queue/support/processes.ts";
import { startQueueRun, type QueueRun } from "../queue/support/queue-run.ts";
import { queueServicesMissing } from "../queue/support/services.ts";
import { FAULTS, startMisbehavingServer, type Fault, type MisbehavingServer } from "./support/misbehaving-server.ts";

const GOOD = 5;
const faults = Object.keys(FAULTS) as Fault[];

interface FeedRow extends Record<string, unknown> {
  url: string;
  last_status: string | null;
  last_error: string | null;
  consecutive_errors: number;
  backoff_s: number;
  articles: number;
}

describe.skipIf(queueServicesMissing)("chaos: misbehaving feed servers", () => {
  let server: MisbehavingServer;
  let run: QueueRun;

  beforeAll(async () => {
    server = await startMisbehavingServer();
    const urls = [...faults.map((f) => server.url(f)), ...Array.from({ length: GOOD }, (_, i) => server.goodUrl(i))];
    run = await startQueueRun(urls, {
      FETCH_TIMEOUT_MS: "2000",
      FETCH_CONNECT_TIMEOUT_MS: "1000",
      FETCH_MAX_BYTES: String(256 * 1024),
      FEED_MIN_INTERVAL_S: "300",
      WORKER_CONCURRENCY: "4",
    });
  });

  afterAll(async () => {
    await run?.cleanup();
    await server?.close();
  });

  it("bounds every fetch, marks and backs off the bad feeds, and leaves the good ones unaffected", async () => {
    const started = Date.now();
    run.spawn("scheduler");
    run.spawn("worker");
    const feeds = () =>
      queryRows<FeedRow>(
        run.database.db,
        sql`select f.url, f.last_status, f.last_error, f.consecutive_errors,
              extract(epoch from (f.next_fetch_at - now()))::int as backoff_s,
              (select count(*)::int from articles a where a.feed_id = f.id) as articles
            from feeds f order by f.id`,
      );
    // The slow faults each cost one fetch timeout; all of them together must finish well within this bound.
    await waitFor(async () => (await feeds()).every((f) => f.last_status !== null), 60_000, "every feed fetched once");
    const elapsed = Date.now() - started;
    const rows = await feeds();

    for (const fault of faults) {
      const row = rows.find((r) => r.url === server.url(fault));
      expect(row, fault).toBeDefined();
      expect({ fault, status: row?.last_status }).toEqual({ fault, status: "error" });
      expect(row?.last_error, fault).toMatch(FAULTS[fault].error);
      expect(row?.consecutive_errors, fault).toBe(1);
      // Backed off: not due again for at least the 60 s floor (most causes: the 300 s minimum or an hour).
      expect(row?.backoff_s, fault).toBeGreaterThan(50);
      expect(row?.articles, fault).toBe(0);
    }
    for (let i = 0; i < GOOD; i++) {
      const row = rows.find((r) => r.url === server.goodUrl(i));
      expect(row?.last_status).toBe("ok");
      expect(row?.articles).toBe(5);
    }
    expect(elapsed).toBeLessThan(45_000);
    const errors = Object.fromEntries(faults.map((f) => [f, rows.find((r) => r.url === server.url(f))?.last_error]));
    console.info("[chaos] misbehaving feeds, recorded errors:", errors, `elapsed ${elapsed} ms`);
  }, 120_000);
});
