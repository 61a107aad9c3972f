// Embedded mode: the whole monitor in this process; drains on SIGTERM.
import { runEmbedded } from "../../app/embedded.ts";
import type { Command } from "../context.ts";

export const start: Command = async (_args, { config, logger }) => {
  await runEmbedded(config, { logger });
  return -1;
};
