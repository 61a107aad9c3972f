// Login attempts throttled per client address and per user: at most LIMIT in a sliding window each. In memory,
// per web process (a few processes multiply the limit by a few; the point is to make guessing a 256-bit token
// or hammering one account visibly slow and logged, not to be exact).
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 60_000;
/** Keys remembered at most (the oldest are forgotten first), so a flood of addresses cannot grow memory. */
const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit = LOGIN_LIMIT,
    private readonly windowMs = LOGIN_WINDOW_MS,
  ) {}

  /** Seconds until the key may try again, or 0 when it may now (the attempt is counted either way). */
  attempt(key: string, now = Date.now()): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    recent.push(now);
    this.hits.delete(key);
    this.hits.set(key, recent);
    if (this.hits.size > MAX_KEYS) this.hits.delete(this.hits.keys().next().value!);
    return recent.length > this.limit ? Math.max(1, Math.ceil((recent[recent.length - this.limit - 1]! + this.windowMs - now) / 1000)) : 0;
  }
}
