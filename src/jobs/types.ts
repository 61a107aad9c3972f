// The job contract shared by both runners: the in-process runner (embedded mode) and BullMQ workers (queue mode)
// call the same functions with the same data, so a job behaves the same wherever it runs.
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Db } from "../store/db.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Offload } from "../offload/offload.ts";

export interface JobDataMap {
  /** Fetch one feed, store its new articles, extract them. */
  pollFeed: { feedId: number };
  /** Fetch the full page of one article and re-extract it. */
  fetchArticle: { articleId: number };
  /** Run (or re-run) extraction for one stored article. */
  extractArticle: { articleId: number };
  /** Re-run extraction over articles whose ruleset version differs from the current one. */
  reprocess: { since?: string | undefined; dryRun?: boolean | undefined };
}

export type JobName = keyof JobDataMap;

export interface PollFeedResult {
  feedId: number;
  outcome: "ok" | "not-modified" | "error" | "skipped";
  items: number;
  newArticles: number;
  flagged: number;
  /** Items beyond FEED_MAX_ITEMS, not taken. */
  skippedItems?: number;
  error?: string;
}

export interface ReprocessDiff {
  rulesetVersion: string;
  articles: number;
  changed: number;
  dryRun: boolean;
  /** Per indicator: how many article-level indicator hits were added and removed, with a few examples. */
  indicators: Record<string, { added: number; removed: number; examples: { articleId: number; title: string; change: "added" | "removed" }[] }>;
}

export interface JobResultMap {
  pollFeed: PollFeedResult;
  fetchArticle: { articleId: number; fetched: boolean; error?: string };
  extractArticle: { articleId: number; indicators: string[] };
  reprocess: ReprocessDiff;
}

/** What a job may ask its runner to do next (e.g. fetch full text after a poll). */
export type Enqueue = <N extends JobName>(name: N, data: JobDataMap[N], jobId: string) => Promise<void>;

export interface JobDeps {
  db: Db;
  config: Config;
  logger: Logger;
  enqueue: Enqueue;
  /** Called with events that became flagged (alerts, metrics). Must not throw. */
  onFlagged: (eventIds: number[]) => Promise<void>;
  metrics: Metrics;
  /** Decoding, parsing and page reading in worker threads under a deadline (never on this event loop). */
  offload: Offload;
  /** Runs a request to one host under the per-host politeness limits (one at a time, minimum interval). */
  limitHost: <T>(host: string, fn: () => Promise<T>) => Promise<T>;
}

export type JobHandler<N extends JobName> = (data: JobDataMap[N], deps: JobDeps, jobKey: string) => Promise<JobResultMap[N]>;
