// Real Redis and PostgreSQL for queue tests. Without them the tests skip, except under CI=true where the global setup
// already fails the run.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";

export const queueServicesMissing = !inject("redisUrl") || !inject("pgUrl");

export function redisUrl(): string {
  const url = inject("redisUrl");
  if (!url) throw new Error("Redis is not available");
  return url;
}

/** A QUEUE_PREFIX no other test uses. */
export function uniquePrefix(): string {
  return `test-${randomBytes(5).toString("hex")}`;
}

export { deleteQueueKeys as deletePrefix } from "../../support/sim/redis-keys.ts";
