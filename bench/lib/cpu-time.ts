// CPU time of a piece of work on a shared machine (used where a benchmark compares sizes or kinds within one run).

/**
 * CPU time (user + system, this process and its GC threads) of the fastest of `runs` runs, in ms. This machine is
 * shared: wall time and single runs include waiting for a core, which made linear inputs show ratios of 8-10 one run
 * and 2 the next; the least CPU over several runs is the work itself. Work of a few tens of ms wants more runs.
 */
export async function cpuMs(fn: () => unknown, runs = 3): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.cpuUsage();
    await fn();
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  return Math.min(...times);
}

/** t(4n) / t(n), one decimal; a floor of 0.5 ms on t(n) keeps sub-millisecond noise from making it huge. */
export function ratio4x(times: readonly number[]): number {
  return Math.round((times[2]! / Math.max(times[0]!, 0.5)) * 10) / 10;
}
