// Fresh, migrated databases for tests: a PGlite clone of the template, or a new database on the real PostgreSQL.
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
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
  const name = `chipwatch_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    destroy: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    },
  };
}
