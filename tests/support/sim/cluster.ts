// A queue-mode deployment for benchmarks: a fresh PostgreSQL database, a unique Redis prefix, a scheduler and N
// worker processes, with memory sampled from /proc while it runs.
import { randomBytes } from "node:crypto";
import { deleteQueueKeys } from "./redis-keys.ts";
import { spawnNode, memoryMb, type NodeProcess } from "./processes.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

export const ADMIN_PG_URL = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * Environment of every benchmark process: the simulated feeds live on loopback, one host serves many feeds (so no
 * per-host interval), quiet logs, and the given feed intervals and concurrency.
 */
export function benchEnv(o: {
  tickMs: number;
  concurrency: number;
  intervals?: { min: number; default: number; max: number };
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    ALLOW_PRIVATE_NETWORKS: "true",
    FETCH_HOST_INTERVAL_MS: "0",
    SCHEDULER_TICK_MS: String(o.tickMs),
    WORKER_CONCURRENCY: String(o.concurrency),
    LOG_LEVEL: "error",
    ...(o.intervals
      ? {
          FEED_MIN_INTERVAL_S: String(o.intervals.min),
          FEED_DEFAULT_INTERVAL_S: String(o.intervals.default),
          FEED_MAX_INTERVAL_S: String(o.intervals.max),
        }
      : {}),
    ...o.extra,
  };
}

export type BenchDatabase = ScratchDatabase;

export function createBenchDatabase(): Promise<BenchDatabase> {
  return createScratchDatabase(ADMIN_PG_URL, "chipwatch_bench", 4);
}

export interface Cluster {
  processes: NodeProcess[];
  /** Highest peak RSS (VmHWM) seen per role, MB. */
  peakRss(): Record<string, number>;
  /** Current RSS of each worker, MB. */
  workerRss(): number[];
  stop(): Promise<void>;
}

export async function startCluster(opts: { databaseUrl: string; workers: number; env: Record<string, string> }): Promise<Cluster> {
  const prefix = `bench-${randomBytes(4).toString("hex")}`;
  const env = { DATABASE_URL: opts.databaseUrl, REDIS_URL: BENCH_REDIS_URL, QUEUE_PREFIX: prefix, ...opts.env };
  const workers = Array.from({ length: opts.workers }, () => spawnNode("tests/support/sim/role.ts", ["worker"], env));
  await Promise.all(workers.map((w) => w.ready));
  const scheduler = spawnNode("tests/support/sim/role.ts", ["scheduler"], env);
  await scheduler.ready;
  const roles: [string, NodeProcess][] = [["scheduler", scheduler], ...workers.map((w, i) => [`worker${i + 1}`, w] as [string, NodeProcess])];
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [role, p] of roles) {
      const m = p.child.pid ? memoryMb(p.child.pid) : null;
      if (m) peaks[role] = Math.max(peaks[role] ?? 0, m.peak);
    }
  };
  const timer = setInterval(sample, 500);
  return {
    processes: [scheduler, ...workers],
    peakRss: () => (sample(), { ...peaks }),
    workerRss: () => workers.map((w) => (w.child.pid ? (memoryMb(w.child.pid)?.rss ?? 0) : 0)),
    stop: async () => {
      sample();
      clearInterval(timer);
      for (const [, p] of roles) if (p.alive()) p.kill("SIGTERM");
      await Promise.all(roles.map(([, p]) => p.exited));
      await deleteQueueKeys(BENCH_REDIS_URL, prefix);
    },
  };
}
