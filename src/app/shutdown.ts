// Graceful shutdown for long-running processes: the first SIGTERM/SIGINT drains (close waits for in-flight jobs),
// a second one, or a drain that takes longer than the grace period, exits at once.
import type { Logger } from "pino";

export interface Closable {
  close(): Promise<void>;
}

function closeOnSignals(target: Closable, logger: Logger, graceMs = 60_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, "shutting down: draining in-flight jobs");
    const timer = setTimeout(() => {
      logger.error({ graceMs }, "drain took too long: exiting");
      process.exit(1);
    }, graceMs);
    timer.unref();
    target.close().then(
      () => {
        logger.info("shut down cleanly");
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, "error while shutting down");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/**
 * Logs an uncaught exception as one fatal JSON line and exits 1, for the supervisor (docker `restart:`) to restart
 * the process; jobs it held stall and are re-delivered. Known cause: postgres.js 3.4.9 can throw from a timer when
 * PostgreSQL drops a connection mid-write (porsager/postgres#1154, #1208), which no caller can catch.
 */
function exitOnUncaught(logger: Logger): void {
  process.on("uncaughtException", (err) => {
    logger.fatal({ err: err.message, stack: err.stack }, "uncaught exception: exiting for the supervisor to restart");
    process.exit(1);
  });
}

/** A long-running process's handlers: drain on SIGTERM/SIGINT, exit on a crash. Tests that embed a process skip them. */
export function supervise(target: Closable, logger: Logger, enabled = true): void {
  if (!enabled) return;
  closeOnSignals(target, logger);
  exitOnUncaught(logger);
}

/** Closes a Redis connection politely, or drops it when Redis is already gone. */
export async function closeRedis(connection: { quit(): Promise<unknown>; disconnect(): void }): Promise<void> {
  await connection.quit().catch(() => connection.disconnect());
}
