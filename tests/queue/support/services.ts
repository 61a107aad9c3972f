// Real Redis and PostgreSQL for queue tests. Without them the tests skip, except under CI=true where the global setup
// already fails the run.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
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

/** Deletes every key under a queue prefix. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
