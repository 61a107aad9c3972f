// The parse worker pool's idle exits: after a burst the surplus workers exit soon, the last one stays warm for a
// while, then exits too.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerPool } from "../../src/offload/worker-pool.ts";

// Answers each message after `ms` milliseconds with the message itself.
const ECHO = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", (m) => setTimeout(() => parentPort.postMessage({ ok: true, result: m }), m.ms));
parentPort.postMessage({ ready: true });
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(10);
}

describe("WorkerPool idle exits", () => {
  let pool: WorkerPool | undefined;
  afterEach(async () => pool?.close());

  it("keeps one worker warm after a burst, lets the others go at once, and the last one after idleMs", async () => {
    pool = new WorkerPool({ start: () => new Worker(ECHO, { eval: true }), size: 3, timeoutMs: 10_000, idleMs: 1_500, surplusIdleMs: 100 });
    const results = await Promise.all([1, 2, 3].map((n) => pool!.run({ n, ms: 200 })));
    expect(results).toEqual([1, 2, 3].map((n) => ({ n, ms: 200 })));
    expect(pool.size).toBe(3);
    await eventually(() => pool!.size === 1, 1_000);
    expect(pool.size).toBe(1);
    // The warm worker answers without a start; it is still there well after the surplus delay.
    await pool.run({ n: 4, ms: 0 });
    await sleep(400);
    expect(pool.size).toBe(1);
    await eventually(() => pool!.size === 0, 5_000);
    expect(pool.size).toBe(0);
  }, 20_000);

  it("starts a worker again on demand after all have exited", async () => {
    pool = new WorkerPool({ start: () => new Worker(ECHO, { eval: true }), size: 2, timeoutMs: 10_000, idleMs: 100, surplusIdleMs: 50 });
    await pool.run({ n: 1, ms: 0 });
    await eventually(() => pool!.size === 0, 3_000);
    expect(pool.size).toBe(0);
    expect(await pool.run({ n: 2, ms: 0 })).toEqual({ n: 2, ms: 0 });
  }, 20_000);
});
