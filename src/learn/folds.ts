// Deterministic stratified k-fold assignment for multi-label rows: each row is keyed by its rarest label (or
// "none"), rows are grouped by that key, rarest key first, ordered within a group by a hash of their id, and
// dealt round-robin. Every label's positives spread over the folds as evenly as the counts allow; the same ids
// give the same folds on every run and machine.
import { createHash } from "node:crypto";

export interface FoldRow {
  id: string;
  labels: readonly string[];
}

const idHash = (id: string) => createHash("sha256").update(id).digest("hex");

/** fold[i] in 0..k-1 for row i. */
export function stratifiedFolds(rows: readonly FoldRow[], k: number): number[] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds must be an integer >= 2 (got ${k})`);
  if (rows.length < k) throw new Error(`${k} folds need at least ${k} articles (got ${rows.length})`);
  const count = new Map<string, number>();
  for (const r of rows) for (const l of new Set(r.labels)) count.set(l, (count.get(l) ?? 0) + 1);
  const rarest = (r: FoldRow): string =>
    r.labels.length === 0 ? "" : [...r.labels].sort((a, b) => count.get(a)! - count.get(b)! || (a < b ? -1 : a > b ? 1 : 0))[0]!;
  const order = rows
    .map((r, i) => ({ i, key: rarest(r), hash: idHash(r.id) }))
    .sort((a, b) => {
      const ka = a.key === "" ? Infinity : count.get(a.key)!;
      const kb = b.key === "" ? Infinity : count.get(b.key)!;
      return ka - kb || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.i - b.i);
    });
  const fold = new Array<number>(rows.length);
  order.forEach((o, n) => (fold[o.i] = n % k));
  return fold;
}
