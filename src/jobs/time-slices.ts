// Work a job does on its own event loop over a list (a poll's items, extraction of its new articles), in slices:
// it yields to the loop whenever a run of items has taken SLICE_MS, so the web UI's requests (embedded mode) and
// BullMQ's lock renewals wait at most about that long plus one item. A count of items per turn (200, before) is no
// bound: 200 hostile 17 KB articles held the loop for 8 s.
const SLICE_MS = 50;

/** `items.map(fn)`, yielding to the event loop between items once SLICE_MS has passed since the last turn. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    out.push(fn(item));
  }
  return out;
}
