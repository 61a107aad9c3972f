// Queue mode worker: runs the same job functions as the embedded runner, fed by the BullMQ jobs queue. Any number of
// these may run on any number of machines; the job functions are idempotent, so a job that BullMQ re-delivers
// (stalled lock, killed worker) writes nothing twice.
import { Worker } from "bullmq";
import { openMigratedDatabase } from "./database.ts";
import type { Config } from "../config.ts";
import { createJobDeps } from "../jobs/deps.ts";
import { runJob } from "../jobs/handlers.ts";
import { createMetrics, type Metrics } from "../observability/metrics.ts";
import { startMetricsServer } from "../observability/metrics-server.ts";
import { createQueueEnqueue } from "../queue/enqueue.ts";
import { createHostLease } from "../queue/host-lease.ts";
import { JOBS_QUEUE, type JobsWorker } from "../queue/names.ts";
import { requireQueueMode } from "../queue/queue-mode.ts";
import { startQueueDepthCollector } from "../queue/queue-depth.ts";
import { openJobsQueue } from "../queue/queues.ts";
import { createRedisConnection } from "../queue/redis.ts";
import { throttledWarn } from "../queue/throttled-log.ts";
import { retryStartup } from "./retry-startup.ts";
import { roleLogger, type RunOptions } from "./run-mode.ts";
import { type Closable, closeRedis, supervise } from "./shutdown.ts";

export interface WorkerOptions extends RunOptions {
  metrics?: Metrics;
  /** BullMQ lock duration; the lock is renewed every half of it from this process's event loop. */
  lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (those whose worker died); BullMQ's default is 30 s. */
  stalledIntervalMs?: number;
}

/** Long enough that a CPU-heavy parse (measured in docs/PERFORMANCE.md) never outlasts a lock renewal. */
const LOCK_DURATION_MS = 60_000;

/**
 * A job whose worker died this many times is given up (it may be what kills workers, e.g. a feed that exhausts
 * memory). Its feed is not lost: the scheduler's lease runs out and the feed is claimed again later.
 */
const MAX_STALLED_COUNT = 3;

export interface WorkerHandle extends Closable {
  worker: JobsWorker;
  metrics: Metrics;
}

export async function runWorker(config: Config, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  const logger = roleLogger(config, opts, "worker").child({ pid: process.pid });
  const { redisUrl } = requireQueueMode(config);
  // A pool a little larger than the concurrency: jobs run a few queries in parallel.
  const database = await retryStartup("database", () => openMigratedDatabase(config, { maxConnections: Math.min(config.WORKER_CONCURRENCY + 2, 32) }), logger);
  const metrics = opts.metrics ?? createMetrics();

  const connection = createRedisConnection(redisUrl, logger, "worker");
  const queue = openJobsQueue({ connection, prefix: config.QUEUE_PREFIX, logger });
  const hostLease = createHostLease(connection, {
    prefix: config.QUEUE_PREFIX,
    minIntervalMs: config.FETCH_HOST_INTERVAL_MS,
    // A worker that dies holding a lease frees its host after one fetch timeout.
    leaseMs: config.FETCH_TIMEOUT_MS + 5_000,
  });
  const deps = createJobDeps({ db: database.db, config, logger, metrics, enqueue: createQueueEnqueue(queue), hostLease });

  const worker: JobsWorker = new Worker(
    JOBS_QUEUE,
    async (job) => {
      const end = metrics.jobDuration.startTimer({ queue: JOBS_QUEUE, job: job.name });
      try {
        // BullMQ always assigns an id; the fallback only satisfies the type.
        const result = await runJob(job.name, job.data, deps, job.id ?? `${job.name}-${job.timestamp}`);
        end({ result: "ok" });
        return result;
      } catch (err) {
        end({ result: "error" });
        throw err;
      }
    },
    {
      connection,
      prefix: config.QUEUE_PREFIX,
      concurrency: config.WORKER_CONCURRENCY,
      lockDuration: opts.lockDurationMs ?? LOCK_DURATION_MS,
      maxStalledCount: MAX_STALLED_COUNT,
      ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
    },
  );
  worker.on("error", throttledWarn(logger, "worker error"));
  worker.on("failed", (job, err) =>
    logger.warn({ err: err.message, job: job?.id, name: job?.name, attempt: job?.attemptsMade }, "job failed"),
  );
  const stopDepth = startQueueDepthCollector([queue], metrics, logger);
  const metricsServer =
    config.METRICS_PORT === undefined ? null : await startMetricsServer(metrics.registry, config.HOST, config.METRICS_PORT, config.METRICS_TOKEN);
  logger.info({ concurrency: config.WORKER_CONCURRENCY, prefix: config.QUEUE_PREFIX }, "worker started");

  const handle: WorkerHandle = {
    worker,
    metrics,
    close: async () => {
      stopDepth();
      await metricsServer?.close();
      // close() stops taking jobs and waits for the active ones to finish.
      await worker.close();
      await queue.close();
      await closeRedis(connection);
      await database.close();
    },
  };
  supervise(handle, logger, opts.handleSignals ?? true);
  return handle;
}
