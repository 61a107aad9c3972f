// Default options for work jobs. Retries cover transient failures (database or network blips); job functions
// record permanent feed errors themselves and return, so they do not burn retries.
import type { JobsOptions } from "bullmq";

export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 1_000;

export const defaultJobOptions: JobsOptions = {
  attempts: JOB_ATTEMPTS,
  backoff: { type: "exponential", delay: JOB_BACKOFF_MS },
  // Bounded history: enough to inspect recent work, not a Redis memory leak.
  removeOnComplete: { count: 1_000, age: 3_600 },
  removeOnFail: { count: 5_000, age: 7 * 86_400 },
};
