// Queue mode's processes; each opens Postgres and Redis from the config and drains on SIGTERM.
import { runScheduler } from "../../app/queue-scheduler.ts";
import { runWeb } from "../../app/queue-web.ts";
import { runWorker } from "../../app/queue-worker.ts";
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
