// Latency from a new item appearing in a feed to its event being stored (queue mode, 1-minute poll interval).
// F feeds polled every 60 s (validators seeded, so polls without news are 304s); one new item is published on a
// random feed every `everyMs` for `publishSeconds`, then the run waits one more interval for the last polls.
// The figure is dominated by the poll interval (expected p50 ~30 s, p95 ~57 s plus processing).
import { sql } from "drizzle-orm";
import { startFeedServer } from "../tests/support/sim/feed-server.ts";
import { benchEnv, createBenchDatabase, startCluster } from "../tests/support/sim/cluster.ts";
import { articles, eventSources, feeds as feedsTable } from "../src/store/schema.ts";
import { queryRows } from "../src/store/db.ts";

export interface LatencyOptions {
  feeds: number;
  publishSeconds: number;
  everyMs: number;
}

export interface LatencyResult {
  p50_s: number;
  p95_s: number;
}

const INTERVAL_S = 60;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export async function benchLatency(o: LatencyOptions): Promise<{ result: LatencyResult; markdown: string }> {
  const server = await startFeedServer({ feeds: o.feeds, itemsPerFeed: 3, ports: 16 });
  const db = await createBenchDatabase();
  try {
    const now = Date.now();
    await db.database.db.insert(feedsTable).values(
      Array.from({ length: o.feeds }, (_, i) => ({
        url: server.feedUrl(i),
        title: `feed ${i}`,
        allowPrivate: true,
        intervalSeconds: INTERVAL_S,
        nextFetchAt: new Date(now + (INTERVAL_S * 1000 * i) / o.feeds),
        etag: server.etag(i),
      })),
    );
    const cluster = await startCluster({
      databaseUrl: db.url,
      workers: 1,
      env: benchEnv({ tickMs: 1000, concurrency: 8, intervals: { min: INTERVAL_S, default: INTERVAL_S, max: INTERVAL_S } }),
    });
    try {
      const stopAt = Date.now() + o.publishSeconds * 1000;
      let n = 0;
      while (Date.now() < stopAt) {
        server.publish((n++ * 7919) % o.feeds);
        await new Promise((r) => setTimeout(r, o.everyMs));
      }
      await new Promise((r) => setTimeout(r, (INTERVAL_S * 1.1 + 15) * 1000));
    } finally {
      await cluster.stop();
    }
    const rows = await queryRows<{ url: string; extracted_ms: number | null; event_ms: number | null }>(
      db.database.db,
      sql`select ${articles.url} as url, extract(epoch from ${articles.extractedAt}) * 1000 as extracted_ms,
            (select extract(epoch from min(${eventSources.addedAt})) * 1000 from ${eventSources}
              where ${eventSources.articleId} = ${articles.id}) as event_ms
          from ${articles}`,
    );
    const toEvent: number[] = [];
    const toExtracted: number[] = [];
    for (const r of rows) {
      const m = /\/article\/(\d+)\/(\d+)\.html$/.exec(r.url);
      const published = m ? server.publishedAt.get(`${m[1]}-${m[2]}`) : undefined;
      if (published === undefined) continue;
      if (r.extracted_ms !== null) toExtracted.push((Number(r.extracted_ms) - published) / 1000);
      if (r.event_ms !== null) toEvent.push((Number(r.event_ms) - published) / 1000);
    }
    toEvent.sort((a, b) => a - b);
    toExtracted.sort((a, b) => a - b);
    // Events need a relevant article; when too few were flagged, the extraction latency stands in (same pipeline step).
    const basis = toEvent.length >= 5 ? toEvent : toExtracted;
    const result: LatencyResult = { p50_s: +percentile(basis, 50).toFixed(1), p95_s: +percentile(basis, 95).toFixed(1) };
    const markdown = [
      `### latency: ${o.feeds} feeds polled every ${INTERVAL_S} s, ${server.publishedAt.size} items published over ${o.publishSeconds} s`,
      "",
      `- new item -> event stored: p50 **${result.p50_s} s**, p95 **${result.p95_s} s** (${toEvent.length} items with events${basis === toEvent ? "" : "; too few, figures are to extraction"})`,
      `- new item -> article extracted: p50 ${percentile(toExtracted, 50).toFixed(1)} s, p95 ${percentile(toExtracted, 95).toFixed(1)} s (${toExtracted.length} of ${server.publishedAt.size} items)`,
    ].join("\n");
    return { result, markdown };
  } finally {
    await server.close();
    await db.destroy();
  }
}
