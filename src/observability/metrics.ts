// Prometheus metrics, one registry per process. Gauges that need I/O (broken feeds, queue depth) are filled by
// collectors that the process registers, so /metrics always shows current values.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export function createMetrics() {
  const registry = new Registry();
  // Prometheus' conventional names (process_cpu_seconds_total, nodejs_heap_size_used_bytes ...): dashboards and
  // alerts written for any Node.js service work unchanged; chipwatch's own metrics carry the chipwatch_ prefix.
  collectDefaultMetrics({ register: registry });
  const fetches = new Counter({
    name: "chipwatch_fetches_total",
    help: "Feed fetches by outcome and HTTP status class (2xx, 3xx, 4xx, 5xx, none)",
    labelNames: ["outcome", "status_class"] as const,
    registers: [registry],
  });
  const fetchBytes = new Counter({
    name: "chipwatch_fetch_bytes_total",
    help: "Bytes received from feed and page fetches (decompressed)",
    registers: [registry],
  });
  const newItems = new Counter({
    name: "chipwatch_new_items_total",
    help: "New articles stored",
    registers: [registry],
  });
  const itemsSkipped = new Counter({
    name: "chipwatch_feed_items_skipped_total",
    help: "Feed items beyond FEED_MAX_ITEMS in one poll, not taken (the newest are taken)",
    registers: [registry],
  });
  const parseFailures = new Counter({
    name: "chipwatch_parse_failures_total",
    help: "Feeds that no parser could read, by the parser that failed last",
    labelNames: ["parser"] as const,
    registers: [registry],
  });
  const parsedBy = new Counter({
    name: "chipwatch_feeds_parsed_total",
    help: "Feeds parsed, by the parser that succeeded",
    labelNames: ["parser"] as const,
    registers: [registry],
  });
  const flagged = new Counter({
    name: "chipwatch_events_flagged_total",
    help: "Events that became flagged for review",
    registers: [registry],
  });
  const feedsBroken = new Gauge({
    name: "chipwatch_feeds_broken",
    help: "Feeds marked broken after repeated failures",
    registers: [registry],
  });
  const feedsFailing = new Gauge({
    name: "chipwatch_feeds_failing",
    help: "Enabled feeds whose last poll failed, by kind and reason (selectors matched nothing, http, timeout, parse, ...)",
    labelNames: ["kind", "reason"] as const,
    registers: [registry],
  });
  const queueDepth = new Gauge({
    name: "chipwatch_queue_depth",
    help: "Jobs waiting or delayed, per queue",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "chipwatch_job_duration_seconds",
    help: "Job run time per queue and job name",
    labelNames: ["queue", "job", "result"] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  return { registry, fetches, fetchBytes, newItems, itemsSkipped, parseFailures, parsedBy, flagged, feedsBroken, feedsFailing, queueDepth, jobDuration };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Failure prefixes a poll records ("http: ...", "parse: ..."): the reason label's values besides the exact ones. */
const FAILURE_CAUSES = new Set(["timeout", "too-large", "http", "blocked-address", "dns", "network", "redirects", "bad-url", "parse", "extract"]);

/**
 * A feed's last error as a bounded metric label: "selectors matched nothing" (a listing page that stopped matching)
 * exactly, else the cause before the first colon, else "other".
 */
export function failureReasonLabel(lastError: string | null, exact: readonly string[]): string {
  if (lastError === null) return "other";
  if (exact.includes(lastError)) return lastError;
  const cause = lastError.split(":", 1)[0]!.trim();
  return FAILURE_CAUSES.has(cause) ? cause : "other";
}

export function statusClass(httpStatus: number | null): string {
  return httpStatus ? `${Math.floor(httpStatus / 100)}xx` : "none";
}
