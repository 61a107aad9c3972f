// Builds the dependencies every job receives, the same way for both runners.
import type { Logger } from "pino";
import { createWebhookNotifier } from "../alerts/webhook.ts";
import type { Config } from "../config.ts";
import { createHostLimiter } from "../ingest/politeness.ts";
import type { Metrics } from "../observability/metrics.ts";
import { createOffload } from "../offload/offload.ts";
import type { Db } from "../store/db.ts";
import type { Enqueue, JobDeps } from "./types.ts";

export interface JobDepsParts {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: Metrics;
  enqueue: Enqueue;
  /** Queue mode: a lease shared by all worker processes (src/queue/host-lease.ts), taken inside the local limiter. */
  hostLease?: JobDeps["limitHost"];
}

export function createJobDeps(parts: JobDepsParts): JobDeps {
  const { db, config, logger, hostLease } = parts;
  const limiter = createHostLimiter(config.FETCH_HOST_INTERVAL_MS);
  const notify =
    config.WEBHOOK_URL && config.WEBHOOK_SECRET
      ? createWebhookNotifier(
          { url: config.WEBHOOK_URL, secret: config.WEBHOOK_SECRET, threshold: config.WEBHOOK_THRESHOLD, publicUrl: config.PUBLIC_URL },
          db,
          logger,
        )
      : async () => {};
  return {
    db,
    config,
    logger,
    metrics: parts.metrics,
    enqueue: parts.enqueue,
    offload: createOffload(config),
    limitHost: hostLease ? (host, fn) => limiter.run(host, () => hostLease(host, fn)) : (host, fn) => limiter.run(host, fn),
    onFlagged: async (eventIds) => {
      try {
        await notify(eventIds);
      } catch (err) {
        logger.error({ err }, "alert notifier failed");
      }
    },
  };
}
