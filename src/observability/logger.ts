// Logs: JSON lines (pino) for services and collectors; readable lines for a person at a terminal. Child loggers
// carry feed and job ids.
import { pino, type Logger } from "pino";
import { PinoPretty } from "pino-pretty";
import type { Config } from "../config.ts";
import { withoutQueryText } from "./query-error.ts";

/** Whether logs should be pretty-printed: asked for, or `auto` with a terminal on stderr. */
export const wantsPretty = (format: Config["LOG_FORMAT"], stderrIsTTY: boolean): boolean =>
  format === "pretty" || (format === "auto" && stderrIsTTY);

export function createLogger(config: Pick<Config, "LOG_LEVEL"> & Partial<Pick<Config, "LOG_FORMAT">>, name = "chipwatch"): Logger {
  // A failed query's error would log its whole text and parameters (megabytes for a bulk insert): see query-error.ts.
  const serializers = { err: (err: unknown) => pino.stdSerializers.err(withoutQueryText(err) as Error) };
  const options = { name, level: config.LOG_LEVEL, serializers };
  // Logs go to stderr so that CLI commands keep stdout for their data (e.g. `extract --jsonl`). The pretty stream
  // formats in this thread and writes synchronously: a transport would start a worker thread (and its memory) for it.
  if (wantsPretty(config.LOG_FORMAT ?? "auto", process.stderr.isTTY === true)) {
    return pino(options, PinoPretty({ destination: 2, sync: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname" }));
  }
  return pino(options, pino.destination(2));
}

export type { Logger };
