// mapInSlices: results in order, and the event loop gets a turn between items once a slice's time is used up.
import { describe, expect, it } from "vitest";
import { mapInSlices } from "../../src/jobs/time-slices.ts";

/** Holds the thread for `ms` (a stand-in for one long extraction). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe("mapInSlices", () => {
  it("maps in order without yielding when items are quick", async () => {
    const turns: number[] = [];
    setImmediate(() => turns.push(-1));
    const out = await mapInSlices([1, 2, 3], (x) => {
      turns.push(x);
      return x * 2;
    });
    expect(out).toEqual([2, 4, 6]);
    expect(turns).toEqual([1, 2, 3]);
  });

  it("lets the event loop run between items once 50 ms of work have passed", async () => {
    const turns: string[] = [];
    const tick = () => setImmediate(() => turns.push("loop"));
    await mapInSlices(["a", "b", "c"], (x) => {
      turns.push(x);
      busy(60);
      tick();
    });
    expect(turns).toEqual(["a", "loop", "b", "loop", "c"]);
  });
});
