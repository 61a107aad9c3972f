// Start-up waits for its dependencies instead of exiting: a process started while PostgreSQL is down (or restarted by
// its supervisor during an outage) keeps retrying with capped backoff rather than crash-looping.
import type { Logger } from "pino";
import { reconnectDelay } from "../queue/redis.ts";

export async function retryStartup<T>(what: string, fn: () => Promise<T>, logger: Logger, maxDelayMs = 10_000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delayMs = reconnectDelay(attempt, maxDelayMs);
      logger.warn({ err: (err as Error).message, attempt, delayMs }, `${what} unavailable at start-up: retrying`);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
