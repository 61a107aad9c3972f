// How jobs are run, the same in both run modes: the embedded runner (src/runner) and the BullMQ queue (src/queue)
// take their attempts, backoff, feed lease and poll job ids from here, so a job behaves alike in either.
import type { Feed } from "../store/repositories/feeds.ts";

/** Attempts per job, the first included. Retries cover transient failures (database or network blips). */
export const JOB_ATTEMPTS = 5;

/** Retry n waits JOB_BACKOFF_MS * 2^(n-1): 1, 2, 4, 8 s. BullMQ's "exponential" backoff computes the same. */
export const JOB_BACKOFF_MS = 1_000;

/** The wait before the retry that follows failed attempt `attempt` (1-based). */
export function retryDelayMs(attempt: number): number {
  return JOB_BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * How long a claimed feed stays out of the due set. It must outlast queue wait plus all retries of the poll; when it
 * runs out before the poll finishes (e.g. every attempt failed), the feed is claimed again: nothing is lost. The poll
 * sets the real next fetch time when it finishes.
 */
export const POLL_LEASE_SECONDS = 900;

/** The poll job id names the claim (a claim moves next_fetch_at), so a re-sent poll of the same claim is a no-op. */
export function pollJobId(feed: Pick<Feed, "id" | "nextFetchAt">): string {
  return `poll-${feed.id}-${feed.nextFetchAt.getTime()}`;
}
