// Redis connections for BullMQ. A lost connection is logged and retried with capped backoff, never thrown: a
// worker that loses Redis waits for it to come back instead of crash-looping.
import { Redis } from "ioredis";
import type { Logger } from "pino";

const RECONNECT_MAX_DELAY_MS = 5_000;

/** Delay before reconnect attempt `times` (1-based): 100 ms doubling, capped. */
export function reconnectDelay(times: number, maxDelayMs = RECONNECT_MAX_DELAY_MS): number {
  return Math.min(100 * 2 ** Math.min(times - 1, 16), maxDelayMs);
}

export function createRedisConnection(url: string, logger: Logger, role: string): Redis {
  const log = logger.child({ redis: role });
  let failures = 0;
  const redis = new Redis(url, {
    // BullMQ workers block on Redis; a per-command retry limit would turn an outage into failed jobs.
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectTimeout: 10_000,
    retryStrategy: (times) => {
      const delay = reconnectDelay(times);
      // Log the first failure and then every tenth, so an hour-long outage does not flood the log.
      if (times === 1 || times % 10 === 0) log.warn({ attempt: times, delayMs: delay }, "redis: reconnecting");
      return delay;
    },
  });
  redis.on("error", (err: Error) => {
    failures++;
    if (failures === 1 || failures % 10 === 0) log.warn({ err: err.message, failures }, "redis: connection error");
  });
  redis.on("ready", () => {
    if (failures > 0) log.info({ failures }, "redis: connection restored");
    failures = 0;
  });
  return redis;
}
