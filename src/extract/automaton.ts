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
  maxPatternLength: number;
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
  return renumber({ classOf, classCount, delta, outFirst, outPattern, outNext, patternLength: Int32Array.from(patterns, (p) => p.length), maxPatternLength: Math.max(1, ...patterns.map((p) => p.length)), stateCount });
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
    maxPatternLength: raw.maxPatternLength,
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
const tail = new HitBuffer();

/** Texts shorter than this are scanned in one pass (the split costs an overlap and a copy). */
const SPLIT_MIN = 512;

/** Reports every (overlapping) occurrence: end offset (exclusive) and pattern id, ordered by end.
 * The DFA's per-unit step is a chain of dependent loads, so the text is scanned as two halves at once (two
 * independent chains the CPU overlaps). The second half starts from the root a pattern length early: the
 * state at any later position depends only on the last maxPatternLength units, so from `mid` on it is the
 * state of a scan from the start, and hits ending in the overlap are left to the first half. */
export function scan(a: Automaton, text: string, hits: HitBuffer): void {
  hits.length = 0;
  tail.length = 0;
  const { classOf, delta, firstOutputState } = a;
  const n = codeUnits.load(text);
  const u = codeUnits.units;
  const mid = n < SPLIT_MIN ? n : n >> 1;
  const from = n < SPLIT_MIN ? n : mid - a.maxPatternLength + 1;
  const together = Math.min(mid, n - from);
  let s = 0;
  let r = 0;
  let i = 0;
  let j = from;
  for (; i < together; i++, j++) {
    s = delta[s + classOf[u[i]!]!]!;
    r = delta[r + classOf[u[j]!]!]!;
    if (s >= firstOutputState) emit(a, s, i + 1, hits);
    if (r >= firstOutputState && j >= mid) emit(a, r, j + 1, tail);
  }
  for (; i < mid; i++) {
    s = delta[s + classOf[u[i]!]!]!;
    if (s >= firstOutputState) emit(a, s, i + 1, hits);
  }
  for (; j < n; j++) {
    r = delta[r + classOf[u[j]!]!]!;
    if (r >= firstOutputState && j >= mid) emit(a, r, j + 1, tail);
  }
  for (let k = 0; k < tail.length; k++) hits.push(tail.ends[k]!, tail.patterns[k]!);
}

function emit(a: Automaton, state: number, end: number, out: HitBuffer): void {
  for (let o = a.outFirst[state / a.classCount]!; o !== 0; o = a.outNext[o - 1]!) out.push(end, a.outPattern[o - 1]!);
}
