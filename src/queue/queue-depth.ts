// Keeps the queue depth gauge current. Polled rather than computed at scrape time so that a slow or absent Redis
// never slows /metrics down.
import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.ts";

const STATES = ["waiting", "delayed", "active", "failed", "prioritized"] as const;

export function startQueueDepthCollector(
  queues: Queue[],
  metrics: Pick<Metrics, "queueDepth">,
  logger: Logger,
  intervalMs = 5_000,
): () => void {
  let running = false;
  const refresh = async () => {
    if (running) return;
    running = true;
    try {
      for (const queue of queues) {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) metrics.queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    } catch (err) {
      logger.debug({ err: (err as Error).message }, "queue depth: refresh failed");
    } finally {
      running = false;
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
