// Structured JSON logs (pino). Child loggers carry feed and job ids.
import { pino, type Logger } from "pino";
import type { Config } from "../config.ts";

export function createLogger(config: Pick<Config, "LOG_LEVEL">, name = "chipwatch"): Logger {
  // Logs go to stderr so that CLI commands keep stdout for their data (e.g. `extract --jsonl`).
  return pino({ name, level: config.LOG_LEVEL }, pino.destination(2));
}

export type { Logger };
