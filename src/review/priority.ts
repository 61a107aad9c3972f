// Queue priority, defined once. The store orders by it in SQL and the API reports it as a number: both evaluate
// this one formula, over numbers here and over SQL expressions in store/repositories/events.ts.

/** The arithmetic the formula needs, over some value type (numbers, or SQL expressions). */
export interface PriorityArithmetic<N, B> {
  constant(n: number): N;
  add(a: N, b: N): N;
  times(a: N, b: N): N;
  /** `x` limited to [lo, hi]. */
  clamp(x: N, lo: N, hi: N): N;
  when(condition: B, then: N, otherwise: N): N;
}

export interface PriorityInputs<N, B> {
  score: N;
  novel: B;
  /** Distinct feeds reporting the story. */
  sourceCount: N;
}

/**
 * The indicator score, plus 0.15 when the event carries a claim never seen before (novel), plus 0.1 per independent
 * extra source (distinct feeds beyond the first), counting at most 3 extra sources:
 *   priority = score + 0.15 * novel + 0.1 * min(max(source_count - 1, 0), 3)
 * So a 0.6 novel story reported by four feeds (0.6 + 0.15 + 0.3 = 1.05) outranks a lone 0.9 repeat.
 */
export function priorityFormula<N, B>(op: PriorityArithmetic<N, B>, e: PriorityInputs<N, B>): N {
  const extraSources = op.clamp(op.add(e.sourceCount, op.constant(-1)), op.constant(0), op.constant(3));
  return op.add(op.add(e.score, op.when(e.novel, op.constant(0.15), op.constant(0))), op.times(op.constant(0.1), extraSources));
}

const numbers: PriorityArithmetic<number, boolean> = {
  constant: (n) => n,
  add: (a, b) => a + b,
  times: (a, b) => a * b,
  clamp: (x, lo, hi) => Math.min(Math.max(x, lo), hi),
  when: (condition, then, otherwise) => (condition ? then : otherwise),
};

export function priorityOf(e: { score: number; novel: boolean; sourceCount: number }): number {
  return priorityFormula(numbers, e);
}
