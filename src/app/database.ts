// Every entry point opens the database the same way and migrates it (idempotently) before doing anything else.
import type { Config } from "../config.ts";
import { openDatabase, type Database } from "../store/db.ts";

export async function openMigratedDatabase(config: Config, opts: { maxConnections?: number } = {}): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    maxConnections: opts.maxConnections,
  });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
