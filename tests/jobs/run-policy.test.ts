import { describe, expect, it } from "vitest";
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, pollJobId, POLL_LEASE_SECONDS, retryDelayMs } from "../../src/jobs/run-policy.ts";
import { defaultClaimSettings } from "../../src/queue/claim-due-feeds.ts";
import { defaultJobOptions } from "../../src/queue/job-options.ts";

describe("run policy", () => {
  it("doubles the wait after each failed attempt, from 1 s", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it("is what the queue configures BullMQ with", () => {
    expect(defaultJobOptions.attempts).toBe(JOB_ATTEMPTS);
    expect(defaultJobOptions.backoff).toEqual({ type: "exponential", delay: JOB_BACKOFF_MS });
    expect(defaultClaimSettings.leaseSeconds).toBe(POLL_LEASE_SECONDS);
  });

  it("names a poll by its claim", () => {
    expect(pollJobId({ id: 7, nextFetchAt: new Date(1_000) })).toBe("poll-7-1000");
    // The lease outlasts every retry's wait.
    const backoff = Array.from({ length: JOB_ATTEMPTS - 1 }, (_, k) => retryDelayMs(k + 1)).reduce((a, b) => a + b, 0);
    expect(POLL_LEASE_SECONDS * 1000).toBeGreaterThan(backoff);
  });
});
