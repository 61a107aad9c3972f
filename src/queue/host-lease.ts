// Per-host politeness across worker processes: a short Redis lease per host, so that N workers on N machines still
// send one request at a time to a host, at least `minIntervalMs` apart. The lease expires by itself (leaseMs) if a
// worker dies holding it, so a crash never blocks a host for longer than one fetch timeout.
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// Keep the key for the minimum interval after the request, but only if we still own it.
const RELEASE = `
if redis.call("GET", KEYS[1]) == ARGV[1] then
  if tonumber(ARGV[2]) > 0 then return redis.call("PEXPIRE", KEYS[1], ARGV[2]) end
  return redis.call("DEL", KEYS[1])
end
return 0`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface HostLeaseOptions {
  prefix: string;
  minIntervalMs: number;
  /** Longer than any request may take (the fetch timeout plus a margin). */
  leaseMs: number;
}

export function createHostLease(redis: Redis, opts: HostLeaseOptions) {
  return async function withHostLease<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const key = `${opts.prefix}:host:${host.toLowerCase()}`;
    const token = randomUUID();
    while ((await redis.set(key, token, "PX", opts.leaseMs, "NX")) !== "OK") {
      const ttl = await redis.pttl(key);
      await sleep(Math.min(Math.max(ttl, 10), 250));
    }
    try {
      return await fn();
    } finally {
      await redis.eval(RELEASE, 1, key, token, String(opts.minIntervalMs));
    }
  };
}
