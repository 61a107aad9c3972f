// Progress of a pipeline run, read from the database: how much is stored, extracted, polled.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../src/store/db.ts";

export interface PipelineStats {
  articles: number;
  distinctUrls: number;
  extracted: number;
  events: number;
  feedsOk: number;
  fetchRuns: number;
  maxRunsPerFeed: number;
}

export async function pipelineStats(db: Db): Promise<PipelineStats> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
          (select count(*) from articles)::int as articles,
          (select count(distinct url) from articles)::int as "distinctUrls",
          (select count(extracted_at) from articles)::int as extracted,
          (select count(*) from events)::int as events,
          (select count(*) from feeds where last_success_at is not null)::int as "feedsOk",
          (select count(*) from fetch_runs)::int as "fetchRuns",
          (select coalesce(max(n), 0) from (select count(*) as n from fetch_runs group by feed_id) r)::int as "maxRunsPerFeed"`,
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    articles: n("articles"),
    distinctUrls: n("distinctUrls"),
    extracted: n("extracted"),
    events: n("events"),
    feedsOk: n("feedsOk"),
    fetchRuns: n("fetchRuns"),
    maxRunsPerFeed: n("maxRunsPerFeed"),
  };
}
