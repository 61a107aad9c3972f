import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { Db } from "../store/db.ts";
import { openMigratedDatabase } from "../app/database.ts";

export interface CommandContext {
  config: Config;
  logger: Logger;
}

/** Returns the exit code, or -1 for a long-running command whose process must stay alive. */
export type Command = (args: string[], ctx: CommandContext) => Promise<number>;

/** Runs `fn` with a migrated database and always closes it (which releases the embedded data-dir lock). */
export async function withDatabase<T>(config: Config, fn: (db: Db) => Promise<T>): Promise<T> {
  const database = await openMigratedDatabase(config, { maxConnections: 2 });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export function writeLine(value: unknown): void {
  process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
}
