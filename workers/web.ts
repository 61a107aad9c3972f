// Queue mode web process: the same web app as embedded mode (API, analyst UI, /healthz, /metrics) over PostgreSQL,
// without a job runner; /metrics also shows the jobs queue depth.
import type { Logger } from "pino";
import { openMigratedDatabase } from "../src/app/database.ts";
import type { Config } from "../src/config.ts";
import { createLogger } from "../src/observability/logger.ts";
import { createMetrics } from "../src/observability/metrics.ts";
import { requireQueueMode } from "../src/queue/queue-mode.ts";
import { startQueueDepthCollector } from "../src/queue/queue-depth.ts";
import { openJobsQueue } from "../src/queue/queues.ts";
import { createRedisConnection } from "../src/queue/redis.ts";
import { ensureAdminToken } from "../src/store/repositories/users.ts";
import { createApp } from "../src/web/app.ts";
import { startWebServer } from "../src/web/server.ts";
import { retryStartup } from "./retry-startup.ts";
import { type Closable, closeRedis, supervise } from "../src/app/shutdown.ts";

export interface WebOptions {
  logger?: Logger;
  handleSignals?: boolean;
}

export interface WebHandle extends Closable {
  url: string;
}

export async function runWeb(config: Config, opts: WebOptions = {}): Promise<WebHandle> {
  const logger = (opts.logger ?? createLogger(config, "chipwatch-web")).child({ role: "web" });
  const { redisUrl } = requireQueueMode(config);
  const database = await retryStartup("database", () => openMigratedDatabase(config, { maxConnections: 10 }), logger);
  const { generated } = await ensureAdminToken(database.db, config.API_TOKEN);
  if (generated) process.stdout.write(`\nchipwatch API token (shown once, keep it): ${generated}\n\n`);

  const metrics = createMetrics();
  const connection = createRedisConnection(redisUrl, logger, "web");
  const queue = openJobsQueue({ connection, prefix: config.QUEUE_PREFIX, logger });
  const stopDepth = startQueueDepthCollector([queue], metrics, logger);
  const server = await startWebServer(createApp({ db: database.db, config, logger, metrics }), { host: config.HOST, port: config.PORT });
  const url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${server.port}`;
  logger.info({ url, mode: "queue" }, "web server listening");

  const handle: WebHandle = {
    url,
    close: async () => {
      stopDepth();
      await server.close();
      await queue.close();
      await closeRedis(connection);
      await database.close();
    },
  };
  supervise(handle, logger, opts.handleSignals ?? true);
  return handle;
}
