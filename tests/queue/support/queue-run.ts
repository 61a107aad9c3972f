// Shared setup for tests that run the whole queue mode in child processes: a fresh PostgreSQL database, a unique
// queue prefix, simulated feeds registered, and the environment the role processes need.
import { sql } from "drizzle-orm";
import { QueueEvents } from "bullmq";
import { queryRows } from "../../../src/store/db.ts";
import { JOBS_QUEUE } from "../../../src/queue/names.ts";
import { addFeeds } from "../../../src/store/repositories/feeds.ts";
import { createTestDatabase, type TestDatabase } from "../../support/db.ts";
import { deletePrefix, redisUrl, uniquePrefix } from "./services.ts";
import { spawnRole, type RoleProcess } from "./processes.ts";

export interface QueueRun {
  database: TestDatabase;
  prefix: string;
  env: Record<string, string>;
  spawn(role: "scheduler" | "worker", env?: Record<string, string>): RoleProcess;
  /** Counts jobs BullMQ found stalled (their worker died) and moved back to waiting. */
  stalled(): number;
  stats(): Promise<FeedStats>;
  /** SIGTERMs every live process, then drops the database and the queue keys. */
  cleanup(): Promise<void>;
}

export interface FeedStats {
  articles: number;
  distinctUrls: number;
  extracted: number;
  feedsOk: number;
  fetchRuns: number;
  maxRunsPerFeed: number;
}

export async function startQueueRun(
  feedUrls: string[],
  env: Record<string, string> = {},
  redis: string = redisUrl(),
): Promise<QueueRun> {
  const database = await createTestDatabase("postgres");
  await addFeeds(
    database.db,
    feedUrls.map((url) => ({ url, allowPrivate: true })),
  );
  const prefix = uniquePrefix();
  const fullEnv: Record<string, string> = {
    DATABASE_URL: database.url ?? "",
    REDIS_URL: redis,
    QUEUE_PREFIX: prefix,
    SCHEDULER_TICK_MS: "200",
    ALLOW_PRIVATE_NETWORKS: "true",
    FETCH_HOST_INTERVAL_MS: "0",
    WORKER_CONCURRENCY: "3",
    TEST_LOCK_MS: "4000",
    TEST_STALLED_MS: "1000",
    ...env,
  };
  const events = new QueueEvents(JOBS_QUEUE, { connection: { url: redis }, prefix });
  let stalled = 0;
  events.on("stalled", () => stalled++);
  events.on("error", () => {});
  await events.waitUntilReady();
  const processes: RoleProcess[] = [];

  return {
    database,
    prefix,
    env: fullEnv,
    spawn: (role, extra = {}) => {
      const p = spawnRole(role, { ...fullEnv, ...extra });
      processes.push(p);
      return p;
    },
    stalled: () => stalled,
    stats: async () => {
      const [a] = await queryRows<Record<string, string | number>>(
        database.db,
        sql`select count(*)::int as articles, count(distinct url)::int as "distinctUrls",
            count(extracted_at)::int as extracted from articles`,
      );
      const [f] = await queryRows<Record<string, string | number>>(
        database.db,
        sql`select count(*) filter (where last_status = 'ok')::int as "feedsOk",
            (select count(*)::int from fetch_runs) as "fetchRuns",
            (select coalesce(max(n), 0)::int from (select count(*) as n from fetch_runs group by feed_id) r) as "maxRunsPerFeed"
            from feeds`,
      );
      const n = (v: unknown) => Number(v ?? 0);
      return {
        articles: n(a?.articles),
        distinctUrls: n(a?.distinctUrls),
        extracted: n(a?.extracted),
        feedsOk: n(f?.feedsOk),
        fetchRuns: n(f?.fetchRuns),
        maxRunsPerFeed: n(f?.maxRunsPerFeed),
      };
    },
    cleanup: async () => {
      for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.kill("SIGKILL");
      await Promise.all(processes.map((p) => p.exited));
      await events.close();
      await deletePrefix(redis, prefix);
      await database.destroy();
    },
  };
}
