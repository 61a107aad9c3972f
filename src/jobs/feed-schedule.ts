// When to fetch a feed next: adapted to how often it publishes, never faster than it asks, backed off on errors
// according to their cause. Pure functions; the poll job applies them.
import type { FetchErrorKind } from "../ingest/types.ts";

export interface ScheduleBounds {
  minSeconds: number;
  maxSeconds: number;
  defaultSeconds: number;
  /** Consecutive failures after which a feed is marked broken (and retried at the slowest rate). */
  brokenAfter: number;
}

const DAY = 86_400;

/** Mean gap in seconds between the newest dated items (up to 20), or null with fewer than two dates. */
export function publishingGapSeconds(dates: (Date | null)[]): number | null {
  const times = dates
    .filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()))
    .map((d) => d.getTime())
    .sort((a, b) => b - a)
    .slice(0, 20);
  if (times.length < 2) return null;
  const span = (times[0]! - times[times.length - 1]!) / 1000;
  return span > 0 ? span / (times.length - 1) : null;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Interval after a successful fetch: half the feed's publishing gap (so a new item waits on average a quarter of
 * a gap), within bounds, and never below the feed's own ttl or Cache-Control max-age.
 */
export function intervalAfterSuccess(
  bounds: ScheduleBounds,
  signals: { gapSeconds: number | null; ttlMinutes: number | null; maxAgeSeconds: number | null; previousSeconds: number },
): number {
  const adaptive = signals.gapSeconds === null ? signals.previousSeconds || bounds.defaultSeconds : signals.gapSeconds / 2;
  const floor = Math.max(bounds.minSeconds, (signals.ttlMinutes ?? 0) * 60, signals.maxAgeSeconds ?? 0);
  return Math.round(clamp(adaptive, floor, Math.max(floor, bounds.maxSeconds)));
}

export type FailureCause = FetchErrorKind | "parse" | "internal";

/**
 * Delay after the n-th consecutive failure. Transient causes (timeouts, resets, 5xx) back off exponentially from the
 * minimum; causes that rarely fix themselves within minutes (404/410, blocked addresses, unparsable feeds) start an
 * hour out; a Retry-After from the server is always honoured. A broken feed is retried at the slowest rate, never dropped.
 */
export function delayAfterFailure(
  bounds: ScheduleBounds,
  failure: { cause: FailureCause; consecutive: number; httpStatus: number | null; retryAfterSeconds: number | null },
): number {
  if (failure.consecutive >= bounds.brokenAfter) return bounds.maxSeconds;
  const slowCause =
    failure.cause === "blocked-address" ||
    failure.cause === "bad-url" ||
    failure.cause === "parse" ||
    failure.cause === "too-large" ||
    (failure.cause === "http" && failure.httpStatus !== null && failure.httpStatus >= 400 && failure.httpStatus < 500 && failure.httpStatus !== 429);
  const base = slowCause ? Math.max(3600, bounds.minSeconds) : bounds.minSeconds;
  const exponential = base * 2 ** Math.max(0, failure.consecutive - 1);
  const delay = Math.max(exponential, failure.retryAfterSeconds ?? 0);
  return Math.round(clamp(delay, Math.min(60, bounds.minSeconds), bounds.maxSeconds));
}

/** A feed is silent when its newest item is much older than its usual cadence (8 gaps, at least 3 days). */
export function isSilent(now: Date, newestItem: Date | null, gapSeconds: number | null): boolean {
  if (!newestItem || gapSeconds === null) return false;
  const quietFor = (now.getTime() - newestItem.getTime()) / 1000;
  return quietFor > Math.max(8 * gapSeconds, 3 * DAY);
}

/**
 * Spreads feeds with the same interval over time (±10%), deterministically per feed, so that a thousand feeds
 * added at once do not all fall due in the same second forever.
 */
export function jitter(seconds: number, feedId: number): number {
  const unit = ((feedId * 2654435761) >>> 0) / 2 ** 32;
  return Math.round(seconds * (0.9 + 0.2 * unit));
}
