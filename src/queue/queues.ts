// Opens the BullMQ queues of one process on one shared Redis connection (workers duplicate it for blocking reads).
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { defaultJobOptions } from "./job-options.ts";
import { throttledWarn } from "./throttled-log.ts";
import { JOBS_QUEUE, TICK_QUEUE, type JobsQueue, type TickQueue } from "./names.ts";

export interface QueueSettings {
  connection: Redis;
  prefix: string;
  logger: Logger;
}

export function openJobsQueue(s: QueueSettings): JobsQueue {
  const queue: JobsQueue = new Queue(JOBS_QUEUE, { connection: s.connection, prefix: s.prefix, defaultJobOptions });
  queue.on("error", throttledWarn(s.logger.child({ queue: JOBS_QUEUE }), "queue error"));
  return queue;
}

export function openTickQueue(s: QueueSettings): TickQueue {
  const queue: TickQueue = new Queue(TICK_QUEUE, {
    connection: s.connection,
    prefix: s.prefix,
    defaultJobOptions: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
  queue.on("error", throttledWarn(s.logger.child({ queue: TICK_QUEUE }), "queue error"));
  return queue;
}
