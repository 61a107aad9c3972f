import { describe, expect, it } from "vitest";
import { createHostLimiter } from "../../src/ingest/politeness.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("createHostLimiter", () => {
  it("runs one request per host at a time, starts spaced by the interval", async () => {
    const limiter = createHostLimiter(100);
    const starts: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = async () => {
      starts.push(Date.now());
      running++;
      maxRunning = Math.max(maxRunning, running);
      await sleep(20);
      running--;
    };
    await Promise.all([limiter.run("a.example", task), limiter.run("A.example", task), limiter.run("a.example", task)]);
    expect(maxRunning).toBe(1);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(95);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(95);
  });

  it("does not delay other hosts", async () => {
    const limiter = createHostLimiter(500);
    const t0 = Date.now();
    await limiter.run("a.example", async () => undefined);
    await limiter.run("b.example", async () => undefined);
    expect(Date.now() - t0).toBeLessThan(200);
  });

  it("passes results and errors through and keeps going after a failure", async () => {
    const limiter = createHostLimiter(10);
    await expect(limiter.run("h", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limiter.run("h", async () => 42)).resolves.toBe(42);
  });

  it("forgets idle hosts after the interval", async () => {
    const limiter = createHostLimiter(30);
    await limiter.run("h", async () => undefined);
    expect(limiter.activeHosts).toBe(1);
    await sleep(80);
    expect(limiter.activeHosts).toBe(0);
  });
});
