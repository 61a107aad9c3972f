// Default options for work jobs: attempts and backoff are the shared run policy (jobs/run-policy.ts). Job functions
// record permanent feed errors themselves and return, so they do not burn retries.
import type { JobsOptions } from "bullmq";
import { JOB_ATTEMPTS, JOB_BACKOFF_MS } from "../jobs/run-policy.ts";

export const defaultJobOptions: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: "exponential", delay: JOB_BACKOFF_MS },
  // Bounded history: enough to inspect recent work, not a Redis memory leak.
  removeOnComplete: { count: 1_000, age: 3_600 },
  removeOnFail: { count: 5_000, age: 7 * 86_400 },
};
