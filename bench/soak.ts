// Soak: steady load for M minutes in queue mode (one scheduler, one worker): F feeds polled every 10 s while new
// items are published at R per second. The worker's RSS is sampled every 10 s; the slope (least squares, after a
// one-minute warm-up) shows whether memory grows with work done. A leak shows as a steady positive slope.
import { startFeedServer } from "./sim/feed-server.ts";
import { benchEnv, createBenchDatabase, startCluster } from "./sim/cluster.ts";
import { feeds as feedsTable } from "../src/store/schema.ts";
import { pipelineStats } from "./sim/stats.ts";

export interface SoakOptions {
  minutes: number;
  feeds: number;
  itemsPerSecond: number;
}

export interface SoakResult {
  rss_slope_mb_per_min: number;
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

const WARMUP_MS = 60_000;
const SAMPLE_MS = 10_000;

export async function benchSoak(o: SoakOptions): Promise<{ result: SoakResult; markdown: string }> {
  const server = await startFeedServer({ feeds: o.feeds, itemsPerFeed: 5, ports: 16 });
  const db = await createBenchDatabase();
  try {
    await db.database.db.insert(feedsTable).values(
      Array.from({ length: o.feeds }, (_, i) => ({ url: server.feedUrl(i), title: `feed ${i}`, allowPrivate: true, intervalSeconds: 10 })),
    );
    const cluster = await startCluster({
      databaseUrl: db.url,
      workers: 1,
      env: benchEnv({ tickMs: 1000, concurrency: 8, intervals: { min: 10, default: 10, max: 60 } }),
    });
    const samples: [number, number][] = [];
    const started = Date.now();
    const end = started + o.minutes * 60_000;
    let published = 0;
    try {
      const publisher = setInterval(() => server.publish(published++ % o.feeds), 1000 / o.itemsPerSecond);
      const sampler = setInterval(() => {
        const rss = cluster.workerRss()[0] ?? 0;
        const t = Date.now() - started;
        if (t >= WARMUP_MS && rss > 0) samples.push([t / 60_000, rss]);
      }, SAMPLE_MS);
      await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));
      clearInterval(publisher);
      clearInterval(sampler);
    } finally {
      await cluster.stop();
    }
    const stats = await pipelineStats(db.database.db);
    const result: SoakResult = { rss_slope_mb_per_min: +slope(samples).toFixed(2) };
    const rss = samples.map(([, y]) => y);
    const markdown = [
      `### soak: ${o.minutes} min, ${o.feeds} feeds every 10 s, ${o.itemsPerSecond} new items/s, 1 worker`,
      "",
      `- worker RSS slope after warm-up: **${result.rss_slope_mb_per_min} MB/min** (${samples.length} samples, min ${Math.round(Math.min(...rss))} MB, max ${Math.round(Math.max(...rss))} MB)`,
      `- work done: ${stats.fetchRuns} polls, ${stats.articles} articles stored of ${o.feeds * 5 + published} served (${published} published during the run)`,
    ].join("\n");
    return { result, markdown };
  } finally {
    await server.close();
    await db.destroy();
  }
}
