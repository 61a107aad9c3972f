// Entry point for queue-mode processes without the CLI: `node --import tsx workers/main.ts scheduler|worker`.
// Used by docker-compose and by the tests that spawn real processes.
import { loadConfig } from "../src/config.ts";
import { runScheduler } from "./scheduler.ts";
import { runWorker } from "./worker.ts";

const role = process.argv[2];
const config = loadConfig(process.env);
if (role === "scheduler") await runScheduler(config);
else if (role === "worker") await runWorker(config);
else {
  console.error("usage: workers/main.ts scheduler|worker");
  process.exit(2);
}
