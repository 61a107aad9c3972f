// A throwaway PostgreSQL database for one benchmark or test: created under a random name, migrated, dropped after.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database } from "../../../src/store/db.ts";

export interface ScratchDatabase {
  url: string;
  database: Database;
  /** Closes the handle and drops the database. */
  destroy(): Promise<void>;
}

export async function createScratchDatabase(adminUrl: string, namePrefix: string, maxConnections: number): Promise<ScratchDatabase> {
  const name = `${namePrefix}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), maxConnections });
  await database.migrate();
  return {
    url: url.toString(),
    database,
    destroy: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 2 });
    },
  };
}
