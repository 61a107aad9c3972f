// Per-host politeness inside one process: one request at a time per host, and request starts at least
// `minIntervalMs` apart. In queue mode each worker process also takes a Redis lease per host inside this limiter
// (src/queue/host-lease.ts), so that several workers together stay as polite as one.

export interface HostLimiter {
  /** Runs `fn` when `host` is free and its interval has passed; resolves or rejects with `fn`'s outcome. */
  run<T>(host: string, fn: () => Promise<T>): Promise<T>;
  /** Hosts with queued or recent requests (for metrics and tests). */
  readonly activeHosts: number;
}

interface HostState {
  tail: Promise<void>;
  lastStart: number;
  pending: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHostLimiter(minIntervalMs: number, now: () => number = Date.now): HostLimiter {
  const hosts = new Map<string, HostState>();

  function forget(host: string, state: HostState): void {
    // Keep the entry for one interval so the next request still waits; then drop it (the map stays small).
    const timer = setTimeout(() => {
      if (state.pending === 0 && hosts.get(host) === state) hosts.delete(host);
    }, minIntervalMs);
    timer.unref();
  }

  return {
    get activeHosts() {
      return hosts.size;
    },
    run<T>(rawHost: string, fn: () => Promise<T>): Promise<T> {
      const host = rawHost.toLowerCase();
      let state = hosts.get(host);
      if (!state) {
        state = { tail: Promise.resolve(), lastStart: -Infinity, pending: 0 };
        hosts.set(host, state);
      }
      const s = state;
      s.pending++;
      const result = s.tail.then(async () => {
        const wait = s.lastStart + minIntervalMs - now();
        if (wait > 0) await sleep(wait);
        s.lastStart = now();
        return fn();
      });
      s.tail = result.then(
        () => undefined,
        () => undefined,
      ).finally(() => {
        s.pending--;
        if (s.pending === 0) forget(host, s);
      });
      return result;
    },
  };
}
