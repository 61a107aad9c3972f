// The shape every run mode has: embedded (embedded.ts) and queue mode's three processes (queue-scheduler.ts,
// queue-worker.ts, queue-web.ts). `run<Mode>(config, options)` opens what the process needs, starts it and
// resolves to a handle whose close() drains in-flight work and releases everything; with handleSignals (the
// default), SIGTERM/SIGINT call close() and an uncaught exception exits for the supervisor.
import type { Config } from "../config.ts";
import { createLogger, type Logger } from "../observability/logger.ts";

export interface RunOptions {
  logger?: Logger;
  /** Install SIGTERM/SIGINT and crash handlers (default true; tests that embed a process turn them off). */
  handleSignals?: boolean;
}

/** The process's logger: the caller's, or one named for the role, with the role on every line. */
export function roleLogger(config: Config, opts: RunOptions, role: string): Logger {
  return (opts.logger ?? createLogger(config, `chipwatch-${role}`)).child({ role });
}
