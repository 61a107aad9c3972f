// Connection errors repeat on every reconnect attempt (several per second during an outage); log the first one and
// then every `every`-th, with the count, so that an outage is visible without flooding the log.
import type { Logger } from "pino";

export function throttledWarn(logger: Logger, msg: string, every = 20): (err: Error) => void {
  let count = 0;
  return (err) => {
    count++;
    if (count === 1 || count % every === 0) logger.warn({ err: err.message, count }, msg);
  };
}
