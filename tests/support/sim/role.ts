// Child-process entry for tests and benchmarks: runs one role from the environment and says "ready" over IPC.
//   scheduler | worker: queue mode, as `chipwatch scheduler|worker`, plus SIM_* knobs (short locks and leases, so that
//     a killed worker's jobs come back in seconds rather than a minute).
//   embedded: the in-process runner over PGlite in DATA_DIR on the feeds in SIM_FEED_URLS (SIM_FEED_INTERVAL_S);
//     reports its progress over IPC every SIM_REPORT_MS (250 ms), since no other process may open its database.
import { openMigratedDatabase } from "../../../src/app/database.ts";
import { loadConfig } from "../../../src/config.ts";
import { createJobDeps } from "../../../src/jobs/deps.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { createMetrics } from "../../../src/observability/metrics.ts";
import { createEmbeddedRunner } from "../../../src/runner/embedded-runner.ts";
import { addFeeds } from "../../../src/store/repositories/feeds.ts";
import { runScheduler } from "../../../src/app/queue-scheduler.ts";
import { runWorker } from "../../../src/app/queue-worker.ts";
import { pipelineStats } from "./stats.ts";

const role = process.argv[2];
const config = loadConfig(process.env);
const num = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

if (role === "scheduler") {
  const leaseSeconds = num("SIM_LEASE_SECONDS");
  await runScheduler(config, leaseSeconds ? { claim: { leaseSeconds } } : {});
} else if (role === "worker") {
  const lockDurationMs = num("SIM_LOCK_MS");
  const stalledIntervalMs = num("SIM_STALLED_MS");
  await runWorker(config, { ...(lockDurationMs ? { lockDurationMs } : {}), ...(stalledIntervalMs ? { stalledIntervalMs } : {}) });
} else if (role === "embedded") {
  const logger = createLogger(config, "chipwatch-embedded");
  const database = await openMigratedDatabase(config);
  const urls = (process.env.SIM_FEED_URLS ?? "").split(",").filter(Boolean);
  const intervalSeconds = num("SIM_FEED_INTERVAL_S");
  await addFeeds(database.db, urls.map((url) => ({ url, allowPrivate: true, ...(intervalSeconds ? { intervalSeconds } : {}) })));
  const metrics = createMetrics();
  const runner = createEmbeddedRunner({
    config,
    logger,
    deps: (enqueue) => createJobDeps({ db: database.db, config, logger, metrics, enqueue }),
  });
  runner.start();
  const report = setInterval(() => {
    void pipelineStats(database.db).then((s) => process.send?.({ stats: s }));
  }, num("SIM_REPORT_MS") ?? 250);
  process.on("SIGTERM", () => {
    clearInterval(report);
    void runner
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
} else {
  throw new Error(`unknown role ${role}`);
}
process.send?.("ready");
