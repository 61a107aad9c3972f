// Queue mode scheduler: a BullMQ job scheduler fires a tick every SCHEDULER_TICK_MS; this process's own small
// worker runs the tick, which claims due feeds in the database and enqueues one pollFeed job per feed.
import { Worker } from "bullmq";
import { openMigratedDatabase } from "./database.ts";
import type { Config } from "../config.ts";
import { defaultClaimSettings, enqueueDueFeeds, type ClaimSettings } from "../queue/claim-due-feeds.ts";
import { DUE_FEEDS_TICK, TICK_QUEUE, type TickWorker } from "../queue/names.ts";
import { openJobsQueue, openTickQueue } from "../queue/queues.ts";
import { requireQueueMode } from "../queue/queue-mode.ts";
import { createRedisConnection } from "../queue/redis.ts";
import { throttledWarn } from "../queue/throttled-log.ts";
import { retryStartup } from "./retry-startup.ts";
import { roleLogger, type RunOptions } from "./run-mode.ts";
import { type Closable, closeRedis, supervise } from "./shutdown.ts";

export interface SchedulerOptions extends RunOptions {
  claim?: Partial<ClaimSettings>;
}

export async function runScheduler(config: Config, opts: SchedulerOptions = {}): Promise<Closable> {
  const logger = roleLogger(config, opts, "scheduler");
  const { redisUrl } = requireQueueMode(config);
  const database = await retryStartup("database", () => openMigratedDatabase(config, { maxConnections: 2 }), logger);
  const settings: ClaimSettings = { ...defaultClaimSettings, ...opts.claim };

  const connection = createRedisConnection(redisUrl, logger, "scheduler");
  const queueSettings = { connection, prefix: config.QUEUE_PREFIX, logger };
  const jobs = openJobsQueue(queueSettings);
  const ticks = openTickQueue(queueSettings);
  // Upserting is idempotent: every scheduler process does it, there is still one scheduler in Redis. It is redone on
  // every reconnect because a Redis that restarted without persistence has forgotten it, and then nothing would tick.
  const upsertTick = () =>
    ticks.upsertJobScheduler(DUE_FEEDS_TICK, { every: config.SCHEDULER_TICK_MS }, { name: DUE_FEEDS_TICK, data: {} });
  await upsertTick();
  const onReady = () => {
    upsertTick().catch((err: Error) => logger.warn({ err: err.message }, "re-creating the tick scheduler failed"));
  };
  connection.on("ready", onReady);

  const worker: TickWorker = new Worker(
    TICK_QUEUE,
    async () => {
      const result = await enqueueDueFeeds(database.db, jobs, settings);
      if (result.claimed > 0) logger.info(result, "tick: feeds enqueued");
      return result;
    },
    { connection, prefix: config.QUEUE_PREFIX, concurrency: 1 },
  );
  worker.on("error", throttledWarn(logger, "tick worker error"));
  worker.on("failed", (job, err) => logger.warn({ err: err.message, job: job?.id }, "tick failed; the next tick retries"));
  logger.info({ tickMs: config.SCHEDULER_TICK_MS, prefix: config.QUEUE_PREFIX }, "scheduler started");

  const handle: Closable = {
    close: async () => {
      connection.off("ready", onReady);
      await worker.close();
      await Promise.all([jobs.close(), ticks.close()]);
      await closeRedis(connection);
      await database.close();
    },
  };
  supervise(handle, logger, opts.handleSignals ?? true);
  return handle;
}
