// Queue mode's processes; each opens Postgres and Redis from the config and drains on SIGTERM.
import { runScheduler } from "../../../workers/scheduler.ts";
import { runWeb } from "../../../workers/web.ts";
import { runWorker } from "../../../workers/worker.ts";
import type { Command } from "../context.ts";

export const scheduler: Command = async (_args, { config, logger }) => {
  await runScheduler(config, { logger });
  return -1;
};

export const worker: Command = async (_args, { config, logger }) => {
  await runWorker(config, { logger });
  return -1;
};

export const web: Command = async (_args, { config, logger }) => {
  await runWeb(config, { logger });
  return -1;
};
