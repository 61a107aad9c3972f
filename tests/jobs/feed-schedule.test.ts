import { describe, expect, it } from "vitest";
import { delayAfterFailure, intervalAfterSuccess, isSilent, jitter, publishingGapSeconds } from "../../src/jobs/feed-schedule.ts";

const bounds = { minSeconds: 300, maxSeconds: 86_400, defaultSeconds: 900, brokenAfter: 10 };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe("feed schedule", () => {
  it("measures the publishing gap from item dates", () => {
    expect(publishingGapSeconds([hoursAgo(0), hoursAgo(2), hoursAgo(4), null])).toBe(7200);
    expect(publishingGapSeconds([hoursAgo(1)])).toBeNull();
    expect(publishingGapSeconds([])).toBeNull();
  });

  it("polls a busy feed often and a quiet one rarely, within bounds", () => {
    const busy = intervalAfterSuccess(bounds, { gapSeconds: 1200, ttlMinutes: null, maxAgeSeconds: null, previousSeconds: 900 });
    const quiet = intervalAfterSuccess(bounds, { gapSeconds: 3 * 86_400, ttlMinutes: null, maxAgeSeconds: null, previousSeconds: 900 });
    const frantic = intervalAfterSuccess(bounds, { gapSeconds: 10, ttlMinutes: null, maxAgeSeconds: null, previousSeconds: 900 });
    expect(busy).toBe(600);
    expect(quiet).toBe(86_400);
    expect(frantic).toBe(300);
  });

  it("never polls faster than the feed's ttl or Cache-Control ask", () => {
    expect(intervalAfterSuccess(bounds, { gapSeconds: 600, ttlMinutes: 60, maxAgeSeconds: null, previousSeconds: 900 })).toBe(3600);
    expect(intervalAfterSuccess(bounds, { gapSeconds: 600, ttlMinutes: null, maxAgeSeconds: 7200, previousSeconds: 900 })).toBe(7200);
  });

  it("keeps the previous interval when the feed gives no dates", () => {
    expect(intervalAfterSuccess(bounds, { gapSeconds: null, ttlMinutes: null, maxAgeSeconds: null, previousSeconds: 1800 })).toBe(1800);
  });

  it("backs off by cause: transient errors grow exponentially, permanent ones start an hour out", () => {
    const timeout = (n: number) => delayAfterFailure(bounds, { cause: "timeout", consecutive: n, httpStatus: null, retryAfterSeconds: null });
    expect(timeout(1)).toBe(300);
    expect(timeout(2)).toBe(600);
    expect(timeout(3)).toBe(1200);
    expect(delayAfterFailure(bounds, { cause: "http", consecutive: 1, httpStatus: 404, retryAfterSeconds: null })).toBe(3600);
    expect(delayAfterFailure(bounds, { cause: "http", consecutive: 1, httpStatus: 503, retryAfterSeconds: null })).toBe(300);
    expect(delayAfterFailure(bounds, { cause: "parse", consecutive: 2, httpStatus: null, retryAfterSeconds: null })).toBe(7200);
  });

  it("honours Retry-After and retries a broken feed at the slowest rate", () => {
    expect(delayAfterFailure(bounds, { cause: "http", consecutive: 1, httpStatus: 429, retryAfterSeconds: 5000 })).toBe(5000);
    expect(delayAfterFailure(bounds, { cause: "timeout", consecutive: 10, httpStatus: null, retryAfterSeconds: null })).toBe(86_400);
  });

  it("flags a feed silent for much longer than its cadence", () => {
    const now = new Date();
    expect(isSilent(now, hoursAgo(24 * 10), 3600)).toBe(true);
    expect(isSilent(now, hoursAgo(24), 3600)).toBe(false);
    expect(isSilent(now, hoursAgo(24 * 10), 2 * 86_400)).toBe(false);
    expect(isSilent(now, null, 3600)).toBe(false);
  });

  it("spreads equal intervals deterministically within ±10%", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => jitter(1000, id));
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(900);
      expect(v).toBeLessThanOrEqual(1100);
    }
    expect(new Set(values).size).toBeGreaterThan(4);
    expect(jitter(1000, 3)).toBe(jitter(1000, 3));
  });
});
