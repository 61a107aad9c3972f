// Child-process entry for tests: runs one queue-mode role from the environment. Test-only knobs (short locks so a
// killed worker's jobs are recovered in seconds, not a minute) come from TEST_* variables.
import { loadConfig } from "../../../src/config.ts";
import { runScheduler } from "../../../workers/scheduler.ts";
import { runWorker } from "../../../workers/worker.ts";

const role = process.argv[2];
const config = loadConfig(process.env);
const ms = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);

if (role === "scheduler") {
  const leaseSeconds = ms("TEST_LEASE_SECONDS");
  await runScheduler(config, leaseSeconds ? { claim: { leaseSeconds } } : {});
} else if (role === "worker") {
  const lockDurationMs = ms("TEST_LOCK_MS");
  const stalledIntervalMs = ms("TEST_STALLED_MS");
  await runWorker(config, { ...(lockDurationMs ? { lockDurationMs } : {}), ...(stalledIntervalMs ? { stalledIntervalMs } : {}) });
} else {
  throw new Error(`unknown role ${role}`);
}
process.send?.("ready");
