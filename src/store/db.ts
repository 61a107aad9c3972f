// One database handle type for both drivers: PGlite (embedded) and postgres.js (PostgreSQL 15+).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { sql, type SQL } from "drizzle-orm";
import postgres from "postgres";
import { PACKAGE_ROOT } from "../package-root.ts";
import { createPgliteCluster } from "./create-cluster.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  /** Applies pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = join(PACKAGE_ROOT, "drizzle");
/** Advisory lock key held while migrating ("chipwatch" in ASCII, as a bigint). */
const MIGRATION_LOCK = "7163417076873352296";

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite in `dataDir` (or in memory when dataDir is "memory://"). */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** PGlite only: start from a dumped, already-migrated data directory (fast test setup). */
  loadDataDir?: Blob | File;
  /** postgres.js pool size. */
  maxConnections?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.maxConnections ?? 10);
  return openPglite(opts.dataDir ?? "memory://", opts.loadDataDir);
}

type Client = postgres.Sql | postgres.TransactionSql;

/**
 * The client as drizzle should see it: every query a named prepared statement. drizzle runs ordinary queries with
 * `unsafe(text, params, { prepare: false })`, on which postgres.js describes the statement first and binds it
 * after the answer, so every query with parameters costs two round trips and a parse on the server
 * (drizzle-orm#6096). Prepared, a repeated statement costs one. The statements that run per job have fixed text
 * (bulk.ts), so the per-connection statement cache stays small; connections are recycled (max_lifetime) anyway.
 */
function preparing<T extends Client>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (query: string, params?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, params, { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (tx: postgres.TransactionSql) => unknown;
          const method = Reflect.get(target, prop, receiver) as (...a: unknown[]) => unknown;
          return method.call(target, ...args, (tx: postgres.TransactionSql) => body(preparing(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const client = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzlePostgres(preparing(client), { schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    // Processes that start together on a fresh database take turns: drizzle's migrator takes no lock of its own.
    migrate: async () => {
      const session = await client.reserve();
      try {
        await session`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS });
      } finally {
        await session`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => {});
        session.release();
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * PostgreSQL settings for the embedded database, sized for one process with a few MB of hot data. PGlite keeps
 * PostgreSQL's server defaults, and its WebAssembly memory only grows: 128 MB of shared buffers alone were most of
 * the embedded monitor's external memory (docs/PERFORMANCE.md, "Footprint", has what each setting bought).
 */
export const PGLITE_SETTINGS = [
  "shared_buffers=16MB",
  "work_mem=2MB",
  "maintenance_work_mem=16MB",
  "temp_buffers=2MB",
  "wal_buffers=1MB",
];

async function openPglite(dataDir: string, loadDataDir?: Blob | File): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    const path = inMemory ? undefined : join(dataDir, "pglite");
    // initdb runs in a child process, so that what it leaves behind is not the monitor's (create-cluster.ts).
    if (path && !loadDataDir && !existsSync(join(path, "PG_VERSION"))) await createPgliteCluster(path);
    const client = await PGlite.create(path, { loadDataDir, postgresqlconf: PGLITE_SETTINGS });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS }),
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Raw SQL that returns rows the same way on both drivers (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Throws when the database does not answer (health checks). */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
