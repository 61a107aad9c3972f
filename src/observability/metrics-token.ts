// METRICS_TOKEN: when set, a scrape must send `Authorization: Bearer <token>` (compared in constant time).
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** True when no token is configured, or the Authorization header carries it. */
export function metricsAuthorized(token: string | undefined, authorization: string | undefined): boolean {
  if (!token) return true;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  return m !== null && timingSafeEqual(digest(m[1]!), digest(token));
}
