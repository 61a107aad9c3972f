import { Redis } from "ioredis";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createHostLease } from "../../src/queue/host-lease.ts";

const redisUrl = inject("redisUrl");

describe.skipIf(!redisUrl)("per-host lease across processes (real Redis)", () => {
  const prefix = `cw-test-lease-${process.pid}-${Date.now()}`;
  // Two connections stand for two worker processes.
  const a = new Redis(redisUrl ?? "");
  const b = new Redis(redisUrl ?? "");
  afterAll(async () => {
    const keys = await a.keys(`${prefix}:*`);
    if (keys.length > 0) await a.del(...keys);
    a.disconnect();
    b.disconnect();
  });

  it("never lets two holders at one host overlap, and spaces their starts", async () => {
    const opts = { prefix, minIntervalMs: 60, leaseMs: 5_000 };
    const leases = [createHostLease(a, opts), createHostLease(b, opts)];
    const spans: [number, number][] = [];
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        leases[i % 2]!("News.Example", async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          const start = performance.now();
          await new Promise((r) => setTimeout(r, 15));
          inside--;
          spans.push([start, performance.now()]);
        }),
      ),
    );
    expect(maxInside).toBe(1);
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0] - spans[i - 1]![1]).toBeGreaterThanOrEqual(50);
  });

  it("does not hold up other hosts, and frees a host when the work throws", async () => {
    const lease = createHostLease(a, { prefix, minIntervalMs: 0, leaseMs: 5_000 });
    await expect(lease("x.example", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const t0 = performance.now();
    await Promise.all([lease("x.example", async () => 1), lease("y.example", async () => 2)]);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it("expires a lease whose holder died", async () => {
    await a.set(`${prefix}:host:dead.example`, "someone-else", "PX", 200);
    const lease = createHostLease(b, { prefix, minIntervalMs: 0, leaseMs: 5_000 });
    const t0 = performance.now();
    await lease("dead.example", async () => undefined);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(150);
  });
});
