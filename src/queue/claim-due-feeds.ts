// One scheduler tick: move due feeds from the database (the source of truth for schedules) into the jobs queue.
// The claim is atomic (FOR UPDATE SKIP LOCKED plus a lease on next_fetch_at), so any number of schedulers may tick.
import type { JobsOptions } from "bullmq";
import { pollJobId, POLL_LEASE_SECONDS } from "../jobs/run-policy.ts";
import type { Db } from "../store/db.ts";
import { claimDueFeeds } from "../store/repositories/feeds.ts";
import type { JobsQueue, TickResult } from "./names.ts";

export interface ClaimSettings {
  /** Feeds claimed per database round trip. */
  batchSize: number;
  /** How long a claimed feed stays out of the due set (POLL_LEASE_SECONDS; tests shorten it). */
  leaseSeconds: number;
  /** Claim nothing more while this many jobs wait: feeds stay due in the database instead of ageing in Redis. */
  maxBacklog: number;
}

export const defaultClaimSettings: ClaimSettings = { batchSize: 500, leaseSeconds: POLL_LEASE_SECONDS, maxBacklog: 5_000 };

export async function enqueueDueFeeds(
  db: Db,
  queue: JobsQueue,
  settings: ClaimSettings,
  now: () => Date = () => new Date(),
  jobOptions: JobsOptions = {},
): Promise<TickResult> {
  const result: TickResult = { claimed: 0, enqueued: 0, backlog: 0 };
  for (;;) {
    const counts = await queue.getJobCounts("waiting", "prioritized");
    result.backlog = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
    const room = Math.min(settings.batchSize, settings.maxBacklog - result.backlog);
    if (room <= 0) return result;
    const claimed = await claimDueFeeds(db, now(), room, settings.leaseSeconds);
    result.claimed += claimed.length;
    if (claimed.length > 0) {
      const jobs = await queue.addBulk(
        claimed.map((feed) => ({
          name: "pollFeed" as const,
          data: { feedId: feed.id },
          opts: { ...jobOptions, jobId: pollJobId(feed) },
        })),
      );
      result.enqueued += jobs.length;
    }
    if (claimed.length < room) return result;
  }
}
