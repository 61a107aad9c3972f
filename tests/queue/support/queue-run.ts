// Shared setup for tests that run the whole queue mode in child processes: a fresh PostgreSQL database, a unique
// queue prefix, simulated feeds registered, and the environment the role processes need.
import { QueueEvents } from "bullmq";
import { pipelineStats, type PipelineStats } from "../../support/sim/stats.ts";
import { JOBS_QUEUE } from "../../../src/queue/names.ts";
import { addFeeds } from "../../../src/store/repositories/feeds.ts";
import { createTestDatabase, type TestDatabase } from "../../support/db.ts";
import { deletePrefix, redisUrl, uniquePrefix } from "./services.ts";
import { spawnRole, type RoleProcess } from "./processes.ts";

export interface Supervised {
  current(): RoleProcess;
  restarts(): number;
  /** Everything every incarnation printed. */
  output(): string;
  /** SIGTERMs the current process without restarting it; resolves with its exit code. */
  stop(): Promise<number | string>;
}

export interface QueueRun {
  database: TestDatabase;
  prefix: string;
  env: Record<string, string>;
  spawn(role: "scheduler" | "worker", env?: Record<string, string>): RoleProcess;
  /** Like docker's `restart: unless-stopped`: respawns the role (after 1 s) whenever it exits on its own. */
  supervise(role: "scheduler" | "worker"): Supervised;
  /** Counts jobs BullMQ found stalled (their worker died) and moved back to waiting. */
  stalled(): number;
  stats(): Promise<PipelineStats>;
  /** SIGTERMs every live process, then drops the database and the queue keys. */
  cleanup(): Promise<void>;
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
    SIM_LOCK_MS: "4000",
    SIM_STALLED_MS: "1000",
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
    supervise: (role) => {
      const spawnOne = () => {
        const p = spawnRole(role, fullEnv);
        processes.push(p);
        return p;
      };
      let current = spawnOne();
      let restarts = 0;
      let stopping = false;
      let earlier = "";
      void (async () => {
        for (;;) {
          await current.exited;
          if (stopping) return;
          restarts++;
          earlier += current.output();
          await new Promise((r) => setTimeout(r, 1_000));
          if (stopping) return;
          current = spawnOne();
        }
      })();
      return {
        current: () => current,
        restarts: () => restarts,
        output: () => earlier + current.output(),
        stop: async () => {
          stopping = true;
          current.kill("SIGTERM");
          return current.exited;
        },
      };
    },
    stalled: () => stalled,
    stats: () => pipelineStats(database.db),
    cleanup: async () => {
      for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.kill("SIGKILL");
      await Promise.all(processes.map((p) => p.exited));
      await events.close();
      await deletePrefix(redis, prefix);
      await database.destroy();
    },
  };
}
