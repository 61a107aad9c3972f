// The web process's part of a run mode (embedded, and queue mode's web process): the admin token, the app, the socket.
import type { Config } from "../config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Db } from "../store/db.ts";
import { ensureAdminToken } from "../store/repositories/users.ts";
import { createApp } from "../web/app.ts";
import { startWebServer } from "../web/server.ts";

export interface ServedWeb {
  /** Where the UI answers (a wildcard host is given as 127.0.0.1). */
  url: string;
  close(): Promise<void>;
}

export async function serveWeb(parts: { db: Db; config: Config; logger: Logger; metrics: Metrics }): Promise<ServedWeb> {
  const { db, config } = parts;
  const { generated } = await ensureAdminToken(db, config.API_TOKEN);
  if (generated) {
    // Printed once, on the first start; only its hash is stored.
    process.stdout.write(`\nchipwatch API token (shown once, keep it): ${generated}\n\n`);
  }
  const server = await startWebServer(createApp(parts), { host: config.HOST, port: config.PORT });
  const url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${server.port}`;
  return { url, close: () => server.close() };
}
