// Aho-Corasick automaton compiled to a dense DFA over character classes (typed arrays only). A class
// table maps each UTF-16 unit to a class; units used by no pattern share class 0. See
// ../shared/research/tagging.md for why this beats regex unions and npm packages by one to two orders.

export interface Automaton {
  /** 64K entries: code unit -> class. */
  classOf: Uint16Array;
  classCount: number;
  /** delta[state + class] -> next state. State ids are premultiplied by classCount (row offsets), and
   * states with outputs are numbered last, so the hot loop needs no multiply and one compare per unit. */
  delta: Uint32Array;
  /** Premultiplied ids at or above this one have outputs. */
  firstOutputState: number;
  /** First output of a state (indexed by state number, i.e. id / classCount): pattern id + 1, 0 when
   * none; chained via outNext. */
  outFirst: Int32Array;
  outPattern: Int32Array;
  outNext: Int32Array;
  patternLength: Int32Array;
  stateCount: number;
}

/** Builds the automaton from patterns already folded to code-unit sequences. */
export function buildAutomaton(patterns: string[], foldTable: Uint16Array): Automaton {
  // Classes numbered in code-unit order: ASCII first, so English text touches only the first cache lines
  // of each row.
  const used = new Set<number>();
  for (const p of patterns) for (let i = 0; i < p.length; i++) used.add(p.charCodeAt(i));
  const classIdOf = new Map<number, number>();
  for (const c of [...used].sort((x, y) => x - y)) classIdOf.set(c, classIdOf.size + 1);
  const classCount = classIdOf.size + 1;
  const classOf = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) classOf[c] = classIdOf.get(foldTable[c]!) ?? 0;

  // Trie with sparse edges while building.
  const edges: Map<number, number>[] = [new Map()];
  const outputs: number[][] = [[]];
  patterns.forEach((p, id) => {
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const cls = classIdOf.get(p.charCodeAt(i))!;
      let next = edges[s]!.get(cls);
      if (next === undefined) {
        next = edges.length;
        edges.push(new Map());
        outputs.push([]);
        edges[s]!.set(cls, next);
      }
      s = next;
    }
    outputs[s]!.push(id);
  });

  const stateCount = edges.length;
  const delta = stateCount < 65536 ? new Uint16Array(stateCount * classCount) : new Uint32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const outFirst = new Int32Array(stateCount);
  const outPattern: number[] = [];
  const outNext: number[] = [];

  // BFS: a state's row is its fail state's row overwritten by its own edges; outputs chain to the fail state's.
  const queue: number[] = [];
  for (const [cls, next] of edges[0]!) {
    delta[cls] = next;
    fail[next] = 0;
    queue.push(next);
  }
  const linkOutputs = (s: number) => {
    let head = outFirst[fail[s]!]!;
    for (const id of outputs[s]!) {
      outPattern.push(id);
      outNext.push(head);
      head = outPattern.length; // 1-based index of the node just added
    }
    outFirst[s] = head;
  };
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    linkOutputs(s);
    const row = s * classCount;
    const failRow = fail[s]! * classCount;
    for (let c = 0; c < classCount; c++) delta[row + c] = delta[failRow + c]!;
    for (const [cls, next] of edges[s]!) {
      fail[next] = s === 0 ? 0 : delta[failRow + cls]!;
      delta[row + cls] = next;
      queue.push(next);
    }
  }
  // The root's own row: unmatched classes stay at the root (0), already the default.
  return renumber({ classOf, classCount, delta, outFirst, outPattern, outNext, patternLength: Int32Array.from(patterns, (p) => p.length), stateCount });
}

/** Renumbers states so that those with outputs come last (the root stays 0) and premultiplies ids. */
function renumber(raw: Omit<Automaton, "delta" | "firstOutputState" | "outPattern" | "outNext"> & { delta: Uint16Array | Uint32Array; outPattern: number[]; outNext: number[] }): Automaton {
  const { classCount, stateCount, outFirst } = raw;
  const order: number[] = [];
  for (let s = 0; s < stateCount; s++) if (outFirst[s] === 0) order.push(s);
  const firstOutput = order.length;
  for (let s = 0; s < stateCount; s++) if (outFirst[s] !== 0) order.push(s);
  const newId = new Int32Array(stateCount);
  order.forEach((old, i) => (newId[old] = i));
  const delta = new Uint32Array(stateCount * classCount);
  const firsts = new Int32Array(stateCount);
  for (let i = 0; i < stateCount; i++) {
    const oldRow = order[i]! * classCount;
    for (let c = 0; c < classCount; c++) delta[i * classCount + c] = newId[raw.delta[oldRow + c]!]! * classCount;
    firsts[i] = outFirst[order[i]!]!;
  }
  return {
    classOf: raw.classOf,
    classCount,
    delta,
    firstOutputState: firstOutput * classCount,
    outFirst: firsts,
    outPattern: Int32Array.from(raw.outPattern),
    outNext: Int32Array.from(raw.outNext),
    patternLength: raw.patternLength,
    stateCount,
  };
}

/** A growable buffer of raw hits: (end, pattern) pairs, reused across calls to avoid allocation. */
export class HitBuffer {
  ends = new Int32Array(1024);
  patterns = new Int32Array(1024);
  length = 0;
  push(end: number, pattern: number): void {
    if (this.length === this.ends.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.ends = grow(this.ends);
      this.patterns = grow(this.patterns);
    }
    this.ends[this.length] = end;
    this.patterns[this.length] = pattern;
    this.length++;
  }
}

/** Reports every (overlapping) occurrence: end offset (exclusive) and pattern id. */
export function scan(a: Automaton, text: string, hits: HitBuffer): void {
  hits.length = 0;
  const { classOf, delta, classCount, firstOutputState, outFirst, outPattern, outNext } = a;
  const n = text.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = delta[s + classOf[text.charCodeAt(i)]!]!;
    if (s < firstOutputState) continue;
    for (let o = outFirst[s / classCount]!; o !== 0; o = outNext[o - 1]!) hits.push(i + 1, outPattern[o - 1]!);
  }
}
