// Queue mode web process: the same web app as embedded mode (API, analyst UI, /healthz, /metrics) over PostgreSQL,
// without a job runner; /metrics also shows the jobs queue depth.
import { openMigratedDatabase } from "./database.ts";
import type { Config } from "../config.ts";
import { createMetrics } from "../observability/metrics.ts";
import { requireQueueMode } from "../queue/queue-mode.ts";
import { startQueueDepthCollector } from "../queue/queue-depth.ts";
import { openJobsQueue } from "../queue/queues.ts";
import { createRedisConnection } from "../queue/redis.ts";
import { retryStartup } from "./retry-startup.ts";
import { roleLogger, type RunOptions } from "./run-mode.ts";
import { serveWeb } from "./serve-web.ts";
import { type Closable, closeRedis, supervise } from "./shutdown.ts";

export interface WebHandle extends Closable {
  url: string;
}

export async function runWeb(config: Config, opts: RunOptions = {}): Promise<WebHandle> {
  const logger = roleLogger(config, opts, "web");
  const { redisUrl } = requireQueueMode(config);
  const database = await retryStartup("database", () => openMigratedDatabase(config, { maxConnections: 10 }), logger);
  const metrics = createMetrics();
  const connection = createRedisConnection(redisUrl, logger, "web");
  const queue = openJobsQueue({ connection, prefix: config.QUEUE_PREFIX, logger });
  const stopDepth = startQueueDepthCollector([queue], metrics, logger);
  const web = await serveWeb({ db: database.db, config, logger, metrics });
  logger.info({ url: web.url, mode: "queue" }, "web server listening");

  const handle: WebHandle = {
    url: web.url,
    close: async () => {
      stopDepth();
      await web.close();
      await queue.close();
      await closeRedis(connection);
      await database.close();
    },
  };
  supervise(handle, logger, opts.handleSignals ?? true);
  return handle;
}
