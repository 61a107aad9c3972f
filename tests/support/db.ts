// Fresh, migrated databases for tests: a PGlite clone of the template, or a new database on the real PostgreSQL.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, inject } from "vitest";
import { createScratchDatabase } from "./sim/scratch-database.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";

export type Driver = "pglite" | "postgres";

/** Drivers to run repository tests on: PGlite always, PostgreSQL when reachable (always under CI=true). */
export function availableDrivers(): Driver[] {
  return inject("pgUrl") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends Database {
  /** The postgres:// URL of this database (postgres driver only), for child processes. */
  url: string | null;
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(driver: Driver): Promise<TestDatabase> {
  if (driver === "pglite") {
    const loadDataDir = new Blob([readFileSync(inject("pgliteTemplate"))]);
    const database = await openDatabase({ dataDir: "memory://", loadDataDir });
    return { ...database, url: null, destroy: () => database.close() };
  }
  const adminUrl = inject("pgUrl");
  if (!adminUrl) throw new Error("PostgreSQL is not available for tests");
  const scratch = await createScratchDatabase(adminUrl, "chipwatch_test", 5);
  return { ...scratch.database, url: scratch.url, destroy: scratch.destroy };
}

/**
 * A fresh database for the enclosing describe block: created before its tests, destroyed after them. The object is
 * filled in by beforeAll, so read its fields inside tests and hooks, not while the block is being declared.
 */
export function useTestDatabase(driver: Driver): TestDatabase {
  const t = {} as TestDatabase;
  beforeAll(async () => {
    Object.assign(t, await createTestDatabase(driver));
  });
  afterAll(async () => t.destroy?.());
  return t;
}
