// Scheduler capacity: F feeds on an I-second interval, due times spread evenly over the interval, validators seeded
// so that most polls are answered 304 (changed% of feeds have a new item and answer 200). Queue mode, one scheduler
// and two workers. Time is scaled: the default interval is 120 s instead of 15 minutes (pass --interval 900 for the
// real thing); the feeds-per-second load is what matters, and 10,000 feeds / 120 s is 7.5x the production rate.
import { sql } from "drizzle-orm";
import { startFeedServer } from "../tests/support/sim/feed-server.ts";
import { BENCH_REDIS_URL, benchEnv, createBenchDatabase, startCluster } from "../tests/support/sim/cluster.ts";
import { sampleRedisMemory } from "../tests/support/sim/redis-memory.ts";
import { feeds as feedsTable } from "../src/store/schema.ts";
import { queryRows } from "../src/store/db.ts";

export interface SchedulerOptions {
  feeds: number;
  intervalSeconds: number;
  changedPct: number;
}

export interface SchedulerResult {
  feeds: number;
  interval_s: number;
  polled_in_interval_pct: number;
  polls_per_s: number;
  max_lag_s: number;
  /** Redis's used_memory at its peak during the run, and what the run added to it. */
  redis_peak_mb: number;
  redis_added_mb: number;
}

const STARTUP_MARGIN_MS = 15_000;
const WORKERS = 2;

export async function benchScheduler(o: SchedulerOptions): Promise<{ result: SchedulerResult; markdown: string }> {
  const server = await startFeedServer({ feeds: o.feeds, itemsPerFeed: 3, ports: 64 });
  const db = await createBenchDatabase();
  const interval = o.intervalSeconds;
  const t0 = Date.now() + STARTUP_MARGIN_MS;
  const spread = interval * 0.9 * 1000;
  for (let i = 0; i < o.feeds; i++) if ((i * 7919) % 100 < o.changedPct) server.publish(i);
  try {
    // Validators as of before the change, so unchanged feeds answer 304 and changed ones 200.
    for (let start = 0; start < o.feeds; start += 1000) {
      const rows = [];
      for (let i = start; i < Math.min(o.feeds, start + 1000); i++) {
        rows.push({
          url: server.feedUrl(i),
          title: `feed ${i}`,
          allowPrivate: true,
          intervalSeconds: interval,
          nextFetchAt: new Date(t0 + (spread * i) / o.feeds),
          etag: `"f${i}-3"`,
        });
      }
      await db.database.db.insert(feedsTable).values(rows);
    }
    const redisMemory = await sampleRedisMemory(BENCH_REDIS_URL);
    const cluster = await startCluster({
      databaseUrl: db.url,
      workers: WORKERS,
      env: benchEnv({
        tickMs: 1000,
        concurrency: 16,
        intervals: { min: Math.max(10, Math.min(interval, 300)), default: interval, max: Math.max(60, interval) },
      }),
    });
    const end = t0 + spread + Math.min(interval * 250, 30_000);
    try {
      await new Promise((r) => setTimeout(r, Math.max(0, end - Date.now())));
    } finally {
      await cluster.stop();
    }
    const redis = await redisMemory.stop();
    const [row] = await queryRows<Record<string, unknown>>(
      db.database.db,
      sql`with firsts as (
            select f.id, min(r.started_at) as first_poll from feeds f left join fetch_runs r on r.feed_id = f.id group by f.id
          ), due as (
            select id, first_poll,
              to_timestamp(${t0 / 1000}::float8 + ${spread / 1000}::float8 * (row_number() over (order by id) - 1) / ${o.feeds}::float8) as due_at
            from firsts
          )
          select
            count(*) filter (where first_poll is not null and first_poll - due_at <= make_interval(secs => ${interval}::float8))::int as on_time,
            max(extract(epoch from coalesce(first_poll, to_timestamp(${end / 1000}::float8)) - due_at))::float as max_lag,
            (select count(*) from fetch_runs)::int as polls,
            (select count(*) from fetch_runs where outcome = 'not-modified')::int as not_modified
          from due`,
    );
    const polls = Number(row?.polls ?? 0);
    const windowSeconds = (end - t0) / 1000;
    const result: SchedulerResult = {
      feeds: o.feeds,
      interval_s: interval,
      polled_in_interval_pct: +((100 * Number(row?.on_time ?? 0)) / o.feeds).toFixed(1),
      polls_per_s: +(polls / windowSeconds).toFixed(1),
      max_lag_s: +Number(row?.max_lag ?? 0).toFixed(1),
      redis_peak_mb: +redis.peakMb.toFixed(1),
      redis_added_mb: +(redis.peakMb - redis.baselineMb).toFixed(1),
    };
    const markdown = [
      `### scheduler: ${o.feeds} feeds every ${interval} s, ${o.changedPct}% changed, ${WORKERS} workers x 16`,
      "",
      `- polled within one interval of being due: **${result.polled_in_interval_pct}%**`,
      `- polls: ${polls} in ${windowSeconds.toFixed(0)} s = **${result.polls_per_s}/s** (${Number(row?.not_modified ?? 0)} answered 304); needed: ${(o.feeds / interval).toFixed(1)}/s`,
      `- max lag after due time: **${result.max_lag_s} s**`,
      `- Redis used_memory: peak **${result.redis_peak_mb} MB**, ${result.redis_added_mb} MB above the ${redis.baselineMb.toFixed(1)} MB before the run`,
    ].join("\n");
    return { result, markdown };
  } finally {
    await server.close();
    await db.destroy();
  }
}
