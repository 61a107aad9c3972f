// Queue names and the typed BullMQ handles for them. One queue carries all job kinds as named jobs, so a worker
// process needs one blocking connection and WORKER_CONCURRENCY applies to all work; the scheduler's tick lives on
// a queue of its own so that only scheduler processes ever run it.
import type { Queue, Worker } from "bullmq";
import type { JobDataMap, JobName, JobResultMap } from "../jobs/types.ts";

export const JOBS_QUEUE = "jobs";
export const TICK_QUEUE = "schedule";
/** The job scheduler id and the tick job's name (BullMQ types require the scheduler id to be a job name). */
export const DUE_FEEDS_TICK = "due-feeds";

export type JobData = JobDataMap[JobName];
export type JobResult = JobResultMap[JobName];

export type JobsQueue = Queue<JobData, JobResult, JobName>;
export type JobsWorker = Worker<JobData, JobResult, JobName>;

export interface TickResult {
  claimed: number;
  enqueued: number;
  /** Claiming was skipped or cut short because the jobs queue already holds this many waiting jobs. */
  backlog: number;
}

export type TickQueue = Queue<Record<string, never>, TickResult, typeof DUE_FEEDS_TICK>;
export type TickWorker = Worker<Record<string, never>, TickResult, typeof DUE_FEEDS_TICK>;
