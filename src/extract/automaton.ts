// Aho-Corasick automaton compiled to a dense DFA over character classes (typed arrays only). A class
// table maps each UTF-16 unit to a class; units used by no pattern share class 0. See
// ../shared/research/tagging.md for why this beats regex unions and npm packages by one to two orders.

export interface Automaton {
  /** 64K entries: code unit -> its class times stateCount (the offset of the class's column in `next`). */
  columnOf: Int32Array;
  classCount: number;
  /** next[column + state] -> next state. Column-major (one column per class) with 16-bit states: the
   * column offset comes from the unit, not from the state, so the step needs no multiply, and the hot
   * part of the table (shallow Latin states under the ASCII classes) is a few tens of KB, which stays in
   * L1 (a state-major table of 32-bit premultiplied ids spread it over 16 MB). States are numbered
   * shallow first, Latin-only paths before the rest, and states with outputs last (one compare per unit). */
  next: Uint16Array | Uint32Array;
  /** States at or above this one have outputs. */
  firstOutputState: number;
  /** First output of a state: index + 1 into outPattern/outNext, 0 when none; chained via outNext. */
  outFirst: Int32Array;
  outPattern: Int32Array;
  outNext: Int32Array;
  patternLength: Int32Array;
  maxPatternLength: number;
  stateCount: number;
}

/** Builds the automaton from patterns already folded to code-unit sequences. */
export function buildAutomaton(patterns: string[], foldTable: Uint16Array): Automaton {
  // Classes numbered in code-unit order: ASCII first (the Latin-only test below relies on it).
  const used = new Set<number>();
  for (const p of patterns) for (let i = 0; i < p.length; i++) used.add(p.charCodeAt(i));
  const classIdOf = new Map<number, number>();
  for (const c of [...used].sort((x, y) => x - y)) classIdOf.set(c, classIdOf.size + 1);
  const classCount = classIdOf.size + 1;
  let asciiClasses = 1;
  for (const [c, id] of classIdOf) if (c < 0x80) asciiClasses = Math.max(asciiClasses, id + 1);

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
  const delta = new Int32Array(stateCount * classCount); // state-major while building
  const fail = new Int32Array(stateCount);
  const depth = new Int32Array(stateCount);
  const latin = new Uint8Array(stateCount);
  latin[0] = 1;
  const outFirst = new Int32Array(stateCount);
  const outPattern: number[] = [];
  const outNext: number[] = [];

  // BFS: a state's row is its fail state's row overwritten by its own edges; outputs chain to the fail state's.
  const queue: number[] = [0];
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
    if (s !== 0) linkOutputs(s);
    const row = s * classCount;
    const failRow = fail[s]! * classCount;
    if (s !== 0) for (let c = 0; c < classCount; c++) delta[row + c] = delta[failRow + c]!;
    for (const [cls, next] of edges[s]!) {
      fail[next] = s === 0 ? 0 : delta[failRow + cls]!;
      delta[row + cls] = next;
      depth[next] = depth[s]! + 1;
      latin[next] = latin[s]! === 1 && cls < asciiClasses ? 1 : 0;
      queue.push(next);
    }
  }

  // Renumber: outputs last (one compare per unit), then Latin-only before the rest, shallow first: the
  // states English text lives in share the first cache lines of each column. The root stays 0.
  const hasOutput = (s: number) => (outFirst[s] !== 0 ? 1 : 0);
  const order = Array.from({ length: stateCount }, (_, s) => s).sort((a, b) => hasOutput(a) - hasOutput(b) || latin[b]! - latin[a]! || depth[a]! - depth[b]! || a - b);
  const newId = new Int32Array(stateCount);
  order.forEach((old, i) => (newId[old] = i));
  const next = stateCount <= 0x10000 ? new Uint16Array(stateCount * classCount) : new Uint32Array(stateCount * classCount);
  for (let i = 0; i < stateCount; i++) {
    const row = order[i]! * classCount;
    for (let c = 0; c < classCount; c++) next[c * stateCount + i] = newId[delta[row + c]!]!;
  }
  const columnOf = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) columnOf[c] = (classIdOf.get(foldTable[c]!) ?? 0) * stateCount;
  return {
    columnOf,
    classCount,
    next,
    firstOutputState: order.findIndex((s) => hasOutput(s) === 1) >>> 0,
    outFirst: Int32Array.from(order, (s) => outFirst[s]!),
    outPattern: Int32Array.from(outPattern),
    outNext: Int32Array.from(outNext),
    patternLength: Int32Array.from(patterns, (p) => p.length),
    maxPatternLength: Math.max(1, ...patterns.map((p) => p.length)),
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

/** The text's UTF-16 code units copied into a reused typed array. Node writes them natively (GB/s); the scan
 * then reads plain typed-array elements instead of calling charCodeAt, which on the concatenated (cons)
 * strings we scan re-dispatches on the string's representation for every unit (half the scan's time). */
class CodeUnits {
  private bytes = Buffer.alloc(1 << 16);
  units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 1);
  load(text: string): number {
    if (this.units.length < text.length) {
      this.bytes = Buffer.alloc(text.length * 4);
      this.units = new Uint16Array(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length >> 1);
    }
    return this.bytes.write(text, 0, "utf16le") >> 1;
  }
}
const codeUnits = new CodeUnits();
/** Hits of the second, third and fourth quarter (appended to the first's at the end). */
const tails = [new HitBuffer(), new HitBuffer(), new HitBuffer()] as const;

/** Texts shorter than this are scanned in one pass (the split costs overlaps and copies). */
export const SPLIT_MIN = 1024;

/** Reports every (overlapping) occurrence: end offset (exclusive) and pattern id, ordered by end.
 * The DFA's per-unit step is a chain of dependent loads, so the text is scanned as four quarters at once
 * (independent chains the CPU overlaps). Each later quarter starts from the root a pattern length before
 * its boundary: the state at any position depends only on the last maxPatternLength units, so from the
 * boundary on it is the state of a scan from the start; hits ending before the boundary are left to the
 * quarter before. */
export function scan(a: Automaton, text: string, hits: HitBuffer): void {
  const [t1, t2, t3] = tails;
  hits.length = t1.length = t2.length = t3.length = 0;
  const { columnOf, next, firstOutputState } = a;
  const n = codeUnits.load(text);
  const u = codeUnits.units;
  if (n < SPLIT_MIN || n >> 2 <= a.maxPatternLength) {
    scanRange(a, u, 0, n, 0, 0, hits);
    return;
  }
  const q = n >> 2;
  const back = a.maxPatternLength - 1;
  const b1 = q;
  const b2 = 2 * q;
  const b3 = 3 * q;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  // Quarter k > 0 reads from bk - back; all four advance together for q units (the first quarter's length).
  for (let i = 0, j1 = b1 - back, j2 = b2 - back, j3 = b3 - back; i < q; i++, j1++, j2++, j3++) {
    s0 = next[columnOf[u[i]!]! + s0]!;
    s1 = next[columnOf[u[j1]!]! + s1]!;
    s2 = next[columnOf[u[j2]!]! + s2]!;
    s3 = next[columnOf[u[j3]!]! + s3]!;
    if (s0 >= firstOutputState) emit(a, s0, i + 1, hits);
    if (s1 >= firstOutputState && j1 >= b1) emit(a, s1, j1 + 1, t1);
    if (s2 >= firstOutputState && j2 >= b2) emit(a, s2, j2 + 1, t2);
    if (s3 >= firstOutputState && j3 >= b3) emit(a, s3, j3 + 1, t3);
  }
  // The rest of each later quarter: its overlap's worth (and the remainder of n / 4 for the last).
  scanRange(a, u, b1 - back + q, b2, b1, s1, t1);
  scanRange(a, u, b2 - back + q, b3, b2, s2, t2);
  scanRange(a, u, b3 - back + q, n, b3, s3, t3);
  for (const t of tails) for (let k = 0; k < t.length; k++) hits.push(t.ends[k]!, t.patterns[k]!);
}

/** Continues a scan in `state` over units [from, to), reporting hits whose last unit is at `record` or later. */
function scanRange(a: Automaton, u: Uint16Array, from: number, to: number, record: number, state: number, out: HitBuffer): void {
  const { columnOf, next, firstOutputState } = a;
  let s = state;
  for (let j = from; j < to; j++) {
    s = next[columnOf[u[j]!]! + s]!;
    if (s >= firstOutputState && j >= record) emit(a, s, j + 1, out);
  }
}

function emit(a: Automaton, state: number, end: number, out: HitBuffer): void {
  for (let o = a.outFirst[state]!; o !== 0; o = a.outNext[o - 1]!) out.push(end, a.outPattern[o - 1]!);
}
