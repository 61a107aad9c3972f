// Caching and back-off hints from response headers.

/** Retry-After as seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/** Cache-Control max-age in seconds (no-store / no-cache read as 0); null when not given. */
export function parseMaxAge(cacheControl: string | null): number | null {
  if (cacheControl === null) return null;
  const m = /(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  if (m) return Number(m[1]);
  return /(?:^|,)\s*no-(?:store|cache)\b/i.test(cacheControl) ? 0 : null;
}
