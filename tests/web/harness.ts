// A chipwatch web app over a fresh test database, with an admin token and helpers for authenticated requests.
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { createApp } from "../../src/web/app.ts";
import { ensureAdminToken } from "../../src/store/repositories/users.ts";
import { createTestDatabase, type Driver, type TestDatabase } from "../support/db.ts";
import { seedWorkspace } from "./seed.ts";

export const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

export interface Harness {
  t: TestDatabase;
  app: ReturnType<typeof createApp>;
  config: Config;
  /** app.request with the admin bearer token. */
  api(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T }>;
}

export async function createHarness(driver: Driver, env: Record<string, string> = {}): Promise<Harness> {
  const t = await createTestDatabase(driver);
  const config = loadConfig({ API_TOKEN: ADMIN_TOKEN, LOG_LEVEL: "silent", ...env });
  await ensureAdminToken(t.db, config.API_TOKEN);
  const app = createApp({ db: t.db, config, logger: createLogger(config), metrics: createMetrics() });
  const api = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (!headers.has("authorization")) headers.set("authorization", `Bearer ${ADMIN_TOKEN}`);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    return Promise.resolve(app.request(path, { ...init, headers }));
  };
  const json = async <T,>(path: string, init?: RequestInit) => {
    const res = await api(path, init);
    return { status: res.status, body: (await res.json()) as T };
  };
  return { t, app, config, api, json };
}

/** A harness over the seeded workspace (seed.ts), with the ids of what was seeded. */
export async function createSeededHarness(driver: Driver, env: Record<string, string> = {}): Promise<{ h: Harness; ids: Record<string, number> }> {
  const h = await createHarness(driver, env);
  return { h, ids: await seedWorkspace(h.t.db) };
}
