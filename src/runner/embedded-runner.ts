// Embedded mode's in-process runner: on a timer it takes due feeds from the database and runs the same job
// functions the queue workers run, with bounded concurrency, de-duplicated job ids and retries with backoff (the
// run policy both modes share: jobs/run-policy.ts).
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { runJob } from "../jobs/handlers.ts";
import { JOB_ATTEMPTS, pollJobId, POLL_LEASE_SECONDS, retryDelayMs } from "../jobs/run-policy.ts";
import type { Enqueue, JobDataMap, JobDeps, JobName } from "../jobs/types.ts";
import { claimDueFeeds } from "../store/repositories/feeds.ts";

interface PendingJob {
  name: JobName;
  data: JobDataMap[JobName];
  jobId: string;
  attempt: number;
}

export interface EmbeddedRunner {
  enqueue: Enqueue;
  /** Takes due feeds and queues their polls; returns how many were queued. */
  tick(): Promise<number>;
  start(): void;
  /** Stops taking new work and waits for running jobs to finish. */
  stop(): Promise<void>;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
}

export function createEmbeddedRunner(opts: {
  config: Config;
  logger: Logger;
  /** Builds job deps around the runner's own enqueue (deps need enqueue, enqueue needs deps). */
  deps: (enqueue: Enqueue) => JobDeps;
}): EmbeddedRunner {
  const { config, logger } = opts;
  const concurrency = config.POLL_CONCURRENCY;
  const queue: PendingJob[] = [];
  const known = new Set<string>();
  const running = new Set<Promise<void>>();
  const retryTimers = new Set<NodeJS.Timeout>();
  let timer: NodeJS.Timeout | null = null;
  let stopping = false;
  // When a tick filled all the room, more feeds may be due: tick again as soon as room frees up, not a tick later.
  let moreDue = false;
  let idleWaiters: (() => void)[] = [];

  const enqueue: Enqueue = async (name, data, jobId) => {
    if (stopping || known.has(jobId)) return;
    known.add(jobId);
    queue.push({ name, data, jobId, attempt: 1 });
    pump();
  };
  const deps = opts.deps(enqueue);

  function settleIdle() {
    if (queue.length === 0 && running.size === 0 && retryTimers.size === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  function pump() {
    while (!stopping && running.size < concurrency && queue.length > 0) {
      const job = queue.shift()!;
      const p = execute(job).finally(() => {
        running.delete(p);
        pump();
        if (moreDue && queue.length === 0 && timer) {
          moreDue = false;
          void tick().catch((err) => logger.error({ err }, "scheduler tick failed"));
        }
        settleIdle();
      });
      running.add(p);
    }
    settleIdle();
  }

  async function execute(job: PendingJob): Promise<void> {
    const log = logger.child({ job: job.name, jobId: job.jobId, attempt: job.attempt });
    const started = performance.now();
    try {
      await runJob(job.name, job.data, deps, job.jobId);
      deps.metrics.jobDuration.observe({ queue: "embedded", job: job.name, result: "ok" }, (performance.now() - started) / 1000);
      known.delete(job.jobId);
    } catch (err) {
      deps.metrics.jobDuration.observe({ queue: "embedded", job: job.name, result: "error" }, (performance.now() - started) / 1000);
      if (job.attempt >= JOB_ATTEMPTS || stopping) {
        log.error({ err }, "job failed for good");
        known.delete(job.jobId);
        return;
      }
      const delay = retryDelayMs(job.attempt);
      log.warn({ err, retryInMs: delay }, "job failed, will retry");
      const t = setTimeout(() => {
        retryTimers.delete(t);
        if (stopping) return settleIdle();
        queue.push({ ...job, attempt: job.attempt + 1 });
        pump();
      }, delay);
      retryTimers.add(t);
    }
  }

  async function tick(): Promise<number> {
    if (stopping) return 0;
    const room = concurrency * 2 - queue.length - running.size;
    if (room <= 0) return 0;
    const feeds = await claimDueFeeds(deps.db, new Date(), room, POLL_LEASE_SECONDS);
    moreDue = feeds.length === room;
    for (const f of feeds) await enqueue("pollFeed", { feedId: f.id }, pollJobId(f));
    return feeds.length;
  }

  return {
    enqueue,
    tick,
    start() {
      if (timer) return;
      const safeTick = () => tick().catch((err) => logger.error({ err }, "scheduler tick failed"));
      void safeTick();
      timer = setInterval(safeTick, config.SCHEDULER_TICK_MS);
    },
    async stop() {
      stopping = true;
      if (timer) clearInterval(timer);
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      queue.length = 0;
      await Promise.allSettled([...running]);
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
  };
}
