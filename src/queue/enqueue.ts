// The Enqueue of the job contract, backed by the BullMQ jobs queue. A repeated job id is a no-op in BullMQ, which
// makes enqueueing from a retried job idempotent.
import type { Enqueue } from "../jobs/types.ts";
import { safeJobId } from "./job-id.ts";
import type { JobsQueue } from "./names.ts";

export function createQueueEnqueue(queue: JobsQueue): Enqueue {
  return async (name, data, jobId) => {
    await queue.add(name, data, { jobId: safeJobId(name, jobId) });
  };
}
