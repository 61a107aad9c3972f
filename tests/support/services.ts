// Where the test suite finds real services; override with TEST_DATABASE_URL / TEST_REDIS_URL.
import { resolve } from "node:path";

export const REPO_ROOT = resolve(import.meta.dirname, "../..");
export const SHARED = resolve(REPO_ROOT, "../shared");
export const MIGRATIONS_FOLDER = resolve(REPO_ROOT, "drizzle");
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
