import type { Config } from "../config.ts";

/** Queue mode processes share one PostgreSQL and one Redis; fail early, naming what is missing. */
export function requireQueueMode(config: Config): { redisUrl: string; databaseUrl: string } {
  if (!config.REDIS_URL) throw new Error("queue mode needs REDIS_URL");
  if (!config.DATABASE_URL) throw new Error("queue mode needs DATABASE_URL (PostgreSQL): PGlite is single-process");
  return { redisUrl: config.REDIS_URL, databaseUrl: config.DATABASE_URL };
}
