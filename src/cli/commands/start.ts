import { supervise } from "../../app/shutdown.ts";
import { startEmbedded } from "../../app/embedded.ts";
import type { Command } from "../context.ts";

export const start: Command = async (_args, { config, logger }) => {
  const monitor = await startEmbedded(config, logger);
  supervise({ close: () => monitor.stop() }, logger);
  return -1;
};
