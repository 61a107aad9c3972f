// Pipeline throughput: N simulated feeds of M items each, from the first feed request to every article stored and
// extracted (events written), in embedded mode (PGlite, in-process runner) and queue mode (1 and 2 workers).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFeedServer } from "../tests/support/sim/feed-server.ts";
import { benchEnv, createBenchDatabase, startCluster } from "../tests/support/sim/cluster.ts";
import { memoryMb, spawnNode, waitFor } from "../tests/support/sim/processes.ts";
import { pipelineStats, type PipelineStats } from "../tests/support/sim/stats.ts";
import { addFeeds } from "../src/store/repositories/feeds.ts";

export interface PipelineOptions {
  feeds: number;
  items: number;
  concurrency: number;
  runs: number;
}

export interface PipelineResult {
  embedded_articles_per_s: number;
  queue_articles_per_s: number;
  queue_workers: number;
  peak_rss_mb: number;
  /** Median articles/s per number of queue workers. */
  queue_articles_per_s_by_workers: Record<number, number>;
  runs: number;
}

interface Run {
  mode: string;
  articles: number;
  seconds: number;
  perSecond: number;
  peakRss: Record<string, number>;
}

const PORTS = 16;
const TIMEOUT_MS = 15 * 60_000;

function baseEnv(o: PipelineOptions): Record<string, string> {
  return benchEnv({ tickMs: 200, concurrency: o.concurrency, extra: { POLL_CONCURRENCY: String(Math.min(o.concurrency, 64)) } });
}

async function embeddedRun(o: PipelineOptions): Promise<Run> {
  const server = await startFeedServer({ feeds: o.feeds, itemsPerFeed: o.items, ports: PORTS });
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-bench-"));
  const urls = Array.from({ length: o.feeds }, (_, i) => server.feedUrl(i));
  const total = o.feeds * o.items;
  let latest: PipelineStats | null = null;
  let doneAt = 0;
  let peak = 0;
  const p = spawnNode("tests/support/sim/role.ts", ["embedded"], { ...baseEnv(o), DATA_DIR: dataDir, SIM_FEED_URLS: urls.join(",") });
  p.child.on("message", (m: unknown) => {
    const stats = (m as { stats?: PipelineStats }).stats;
    if (!stats) return;
    latest = stats;
    if (!doneAt && stats.extracted >= total) doneAt = Date.now();
  });
  try {
    await p.ready;
    await waitFor(
      () => {
        const m = p.child.pid ? memoryMb(p.child.pid) : null;
        if (m) peak = Math.max(peak, m.peak);
        return doneAt > 0;
      },
      TIMEOUT_MS,
      `embedded: ${total} articles (last: ${JSON.stringify(latest)})`,
      100,
    );
  } finally {
    p.kill("SIGTERM");
    await p.exited;
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const seconds = (doneAt - (server.firstRequestAt() ?? doneAt)) / 1000;
  return { mode: "embedded", articles: total, seconds, perSecond: total / seconds, peakRss: { embedded: Math.round(peak) } };
}

async function queueRun(o: PipelineOptions, workers: number): Promise<Run> {
  const server = await startFeedServer({ feeds: o.feeds, itemsPerFeed: o.items, ports: PORTS });
  const db = await createBenchDatabase();
  const total = o.feeds * o.items;
  let doneAt = 0;
  try {
    await addFeeds(
      db.database.db,
      Array.from({ length: o.feeds }, (_, i) => ({ url: server.feedUrl(i), allowPrivate: true })),
    );
    const cluster = await startCluster({ databaseUrl: db.url, workers, env: baseEnv(o) });
    try {
      await waitFor(
        async () => (await pipelineStats(db.database.db)).extracted >= total,
        TIMEOUT_MS,
        `queue (${workers} workers): ${total} articles`,
        100,
      );
      doneAt = Date.now();
      const seconds = (doneAt - (server.firstRequestAt() ?? doneAt)) / 1000;
      const peakRss = Object.fromEntries(Object.entries(cluster.peakRss()).map(([k, v]) => [k, Math.round(v)]));
      return { mode: `queue, ${workers} worker${workers > 1 ? "s" : ""}`, articles: total, seconds, perSecond: total / seconds, peakRss };
    } finally {
      await cluster.stop();
    }
  } finally {
    await server.close();
    await db.destroy();
  }
}

interface ModeSummary {
  mode: string;
  workers: number;
  /** Median over the runs, and every run's figure. */
  perSecond: number;
  runs: number[];
  seconds: number;
  peakRss: Record<string, number>;
}

function summarise(mode: string, workers: number, runs: Run[]): ModeSummary {
  const bySpeed = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  const median = bySpeed[Math.floor(bySpeed.length / 2)]!;
  const peakRss: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.peakRss)) peakRss[k] = Math.max(peakRss[k] ?? 0, v);
  return { mode, workers, perSecond: median.perSecond, runs: runs.map((r) => Math.round(r.perSecond)), seconds: median.seconds, peakRss };
}

/**
 * Each mode runs `o.runs` times, interleaved (so that a burst of load elsewhere on the machine hits all modes), and
 * reports its median. The queue figure is that of the faster worker count, which the JSON names.
 */
export async function benchPipeline(o: PipelineOptions): Promise<{ result: PipelineResult; markdown: string }> {
  const modes = [
    { mode: "embedded", workers: 0, run: () => embeddedRun(o) },
    { mode: "queue, 1 worker", workers: 1, run: () => queueRun(o, 1) },
    { mode: "queue, 2 workers", workers: 2, run: () => queueRun(o, 2) },
  ];
  const runs = modes.map(() => [] as Run[]);
  for (let r = 0; r < o.runs; r++) for (const [k, m] of modes.entries()) runs[k]!.push(await m.run());
  const summaries = modes.map((m, k) => summarise(m.mode, m.workers, runs[k]!));
  const [embedded, ...queue] = summaries as [ModeSummary, ...ModeSummary[]];
  const bestQueue = queue.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const result: PipelineResult = {
    embedded_articles_per_s: Math.round(embedded.perSecond),
    queue_articles_per_s: Math.round(bestQueue.perSecond),
    queue_workers: bestQueue.workers,
    peak_rss_mb: Math.round(Math.max(...summaries.flatMap((m) => Object.values(m.peakRss)))),
    queue_articles_per_s_by_workers: Object.fromEntries(queue.map((m) => [m.workers, Math.round(m.perSecond)])),
    runs: o.runs,
  };
  const rows = summaries.map(
    (m) =>
      `| ${m.mode} | ${o.feeds * o.items} | ${m.seconds.toFixed(1)} | **${Math.round(m.perSecond)}** (${m.runs.join(", ")}) | ${Object.entries(m.peakRss)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")} |`,
  );
  const markdown = [
    `### pipeline: ${o.feeds} feeds x ${o.items} items, concurrency ${o.concurrency}, median of ${o.runs} runs per mode`,
    "",
    "| mode | articles | seconds (first fetch -> all stored and extracted) | articles/s: median (each run) | peak RSS MB per process |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  return { result, markdown };
}
