// Soak: steady load for M minutes on both deployments at once, each with its own feed server and database: queue
// mode (a scheduler and one worker on PostgreSQL + Redis) and embedded mode (one process on PGlite, the default).
// F feeds are polled every 10 s while new items are published at R per second to each. Every process's RSS is
// sampled every 10 s; the slope (least squares, after a warm-up) shows whether memory grows with work done.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFeedServer, type FeedServer } from "../tests/support/sim/feed-server.ts";
import { benchEnv, createBenchDatabase, startCluster } from "../tests/support/sim/cluster.ts";
import { memoryMb, spawnNode } from "../tests/support/sim/processes.ts";
import { pipelineStats, type PipelineStats } from "../tests/support/sim/stats.ts";
import { feeds as feedsTable } from "../src/store/schema.ts";

export interface SoakOptions {
  minutes: number;
  feeds: number;
  itemsPerSecond: number;
}

export interface SoakResult {
  /** The largest slope of any process. */
  rss_slope_mb_per_min: number;
  rss_slope_mb_per_min_by_process: Record<string, number>;
}

/** Least-squares slope of y over x. */
export function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const SAMPLE_MS = 10_000;
const ITEMS_PER_FEED = 5;
const INTERVAL_S = 10;
const ENV = benchEnv({ tickMs: 1000, concurrency: 8, intervals: { min: INTERVAL_S, default: INTERVAL_S, max: 60 } });

interface Deployment {
  name: string;
  pids(): Record<string, number | undefined>;
  stats(): Promise<PipelineStats | null>;
  stop(): Promise<void>;
}

async function queueDeployment(server: FeedServer, o: SoakOptions): Promise<Deployment> {
  const db = await createBenchDatabase();
  await db.database.db.insert(feedsTable).values(
    Array.from({ length: o.feeds }, (_, i) => ({ url: server.feedUrl(i), title: `feed ${i}`, allowPrivate: true, intervalSeconds: INTERVAL_S })),
  );
  const cluster = await startCluster({ databaseUrl: db.url, workers: 1, env: ENV });
  const [scheduler, worker] = cluster.processes;
  return {
    name: "queue",
    pids: () => ({ scheduler: scheduler?.child.pid, worker: worker?.child.pid }),
    stats: () => pipelineStats(db.database.db),
    stop: async () => {
      await cluster.stop();
      await db.destroy();
    },
  };
}

async function embeddedDeployment(server: FeedServer, o: SoakOptions): Promise<Deployment> {
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-soak-"));
  const urls = Array.from({ length: o.feeds }, (_, i) => server.feedUrl(i));
  let latest: PipelineStats | null = null;
  const p = spawnNode("tests/support/sim/role.ts", ["embedded"], {
    ...ENV,
    DATA_DIR: dataDir,
    SIM_FEED_URLS: urls.join(","),
    SIM_FEED_INTERVAL_S: String(INTERVAL_S),
    SIM_REPORT_MS: String(SAMPLE_MS),
  });
  p.child.on("message", (m: unknown) => {
    latest = (m as { stats?: PipelineStats }).stats ?? latest;
  });
  await p.ready;
  return {
    name: "embedded",
    pids: () => ({ embedded: p.child.pid }),
    stats: async () => latest,
    stop: async () => {
      p.kill("SIGTERM");
      await p.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function benchSoak(o: SoakOptions): Promise<{ result: SoakResult; markdown: string }> {
  // A fifth of the run, at least a minute: V8 and PGlite grow their heaps towards a working size first.
  const warmUpMs = Math.max(60_000, o.minutes * 12_000);
  const servers = await Promise.all([0, 1].map(() => startFeedServer({ feeds: o.feeds, itemsPerFeed: ITEMS_PER_FEED, ports: 16 })));
  const deployments: Deployment[] = [];
  const samples = new Map<string, [number, number][]>();
  const published = [0, 0];
  try {
    deployments.push(await queueDeployment(servers[0]!, o), await embeddedDeployment(servers[1]!, o));
    const started = Date.now();
    const publisher = setInterval(
      () => servers.forEach((s, k) => s.publish(published[k]!++ % o.feeds)),
      1000 / o.itemsPerSecond,
    );
    const sampler = setInterval(() => {
      const t = Date.now() - started;
      if (t < warmUpMs) return;
      for (const d of deployments) {
        for (const [role, pid] of Object.entries(d.pids())) {
          const rss = pid ? memoryMb(pid)?.rss : undefined;
          if (rss) samples.set(role, [...(samples.get(role) ?? []), [t / 60_000, rss]]);
        }
      }
    }, SAMPLE_MS);
    await new Promise((r) => setTimeout(r, o.minutes * 60_000));
    clearInterval(publisher);
    clearInterval(sampler);
    const stats = await Promise.all(deployments.map((d) => d.stats()));
    const slopes = Object.fromEntries([...samples].map(([role, points]) => [role, +slope(points).toFixed(2)]));
    const result: SoakResult = {
      rss_slope_mb_per_min: Math.max(...Object.values(slopes)),
      rss_slope_mb_per_min_by_process: slopes,
    };
    const rows = [...samples].map(([role, points]) => {
      const rss = points.map(([, y]) => y);
      return `| ${role} | **${slopes[role]}** | ${Math.round(rss[0]!)} -> ${Math.round(rss.at(-1)!)} (min ${Math.round(Math.min(...rss))}, max ${Math.round(Math.max(...rss))}) | ${points.length} |`;
    });
    const work = deployments.map(
      (d, k) =>
        `- ${d.name}: ${stats[k]?.fetchRuns ?? "?"} polls, ${stats[k]?.extracted ?? "?"} articles stored and extracted of ` +
        `${o.feeds * ITEMS_PER_FEED + published[k]!} served (${published[k]} published during the run)`,
    );
    const markdown = [
      `### soak: ${o.minutes} min, queue and embedded side by side, each ${o.feeds} feeds every ${INTERVAL_S} s and ${o.itemsPerSecond} new items/s`,
      "",
      `RSS sampled every ${SAMPLE_MS / 1000} s after a ${Math.round(warmUpMs / 1000)} s warm-up.`,
      "",
      "| process | RSS slope MB/min | RSS MB first -> last | samples |",
      "|---|---|---|---|",
      ...rows,
      "",
      ...work,
    ].join("\n");
    return { result, markdown };
  } finally {
    for (const d of deployments) await d.stop();
    await Promise.all(servers.map((s) => s.close()));
  }
}
