// Aho-Corasick automaton compiled to a DFA over character classes (typed arrays only), stored compressed: a
// state's row is the root's row but for a few classes (its own edges and those inherited along its fail chain,
// 11 on average), so only those exceptions are kept, packed into one array (row displacement, as a double-array
// trie is). A class table maps each UTF-16 unit to a class; units used by no pattern share class 0. See
// ../shared/research/tagging.md for why a DFA beats regex unions and npm packages by one to two orders.

export interface Automaton {
  /** 64K entries: code unit -> for a Latin (ASCII) class its column's offset in `latin` (class x stateCount),
   * for any other class its bitwise complement (negative): one load and a sign test per unit. */
  codeOf: Int32Array;
  classCount: number;
  /** Dense rows for the ASCII classes, column-major (latin[class * stateCount + state]), 16-bit states when they
   * fit: English text steps here with one load, and a column's hot part (shallow Latin states) stays in cache. */
  latin: Uint16Array | Uint32Array;
  /** The root's row: class -> next state from the root, and from every state without an exception there. */
  rootNext: Int32Array;
  /** Per state: where its exceptions for the other classes start in `slots` (the class is added to it). */
  base: Int32Array;
  /** Pairs (owner state, next state) for the non-ASCII classes: slot base[s] + class holds s's next state for
   * that class when its owner is s; otherwise the next state is rootNext[class]. A state's row differs from the
   * root's in a few classes only (its own edges and those inherited along its fail chain), so only those are
   * kept, packed by row displacement as in a double-array trie. The fully dense table this replaces had grown
   * to 84 MB (48k states x 878 classes), most of it copies of the root's row for Han classes. States are
   * numbered shallow first, Latin-only paths before the rest, and states with outputs last (one compare per
   * unit). */
  slots: Int32Array;
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
  const rootRow = new Int32Array(classCount);
  for (const [cls, next] of edges[0]!) rootRow[cls] = next;
  // Per state, its full row over the ASCII classes (state-major while building), and for the other classes
  // the ones where its row differs from the root's, with the next state there. A state without non-ASCII edges
  // of its own has its fail state's exceptions (the same Map, not a copy): little garbage is left for the GC.
  const latinRow = new Int32Array(stateCount * asciiClasses);
  latinRow.set(rootRow.subarray(0, asciiClasses));
  const exceptions: Map<number, number>[] = new Array<Map<number, number>>(stateCount);
  exceptions[0] = new Map();
  const fail = new Int32Array(stateCount);
  const depth = new Int32Array(stateCount);
  const latin = new Uint8Array(stateCount);
  latin[0] = 1;
  const outFirst = new Int32Array(stateCount);
  const outPattern: number[] = [];
  const outNext: number[] = [];
  const goTo = (s: number, cls: number) => (cls < asciiClasses ? latinRow[s * asciiClasses + cls]! : (exceptions[s]!.get(cls) ?? rootRow[cls]!));

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
    if (s !== 0) {
      linkOutputs(s);
      latinRow.copyWithin(s * asciiClasses, fail[s]! * asciiClasses, (fail[s]! + 1) * asciiClasses);
      let own: Map<number, number> | undefined;
      for (const [cls, next] of edges[s]!) {
        if (cls < asciiClasses) latinRow[s * asciiClasses + cls] = next;
        else (own ??= new Map(exceptions[fail[s]!]!)).set(cls, next);
      }
      exceptions[s] = own ?? exceptions[fail[s]!]!;
    }
    for (const [cls, next] of edges[s]!) {
      fail[next] = s === 0 ? 0 : goTo(fail[s]!, cls);
      depth[next] = depth[s]! + 1;
      latin[next] = latin[s]! === 1 && cls < asciiClasses ? 1 : 0;
      queue.push(next);
    }
  }

  // Renumber: outputs last (one compare per unit), then Latin-only before the rest, shallow first: the
  // states English text lives in are packed first, close together. The root stays 0.
  const hasOutput = (s: number) => (outFirst[s] !== 0 ? 1 : 0);
  const order = Array.from({ length: stateCount }, (_, s) => s).sort((a, b) => hasOutput(a) - hasOutput(b) || latin[b]! - latin[a]! || depth[a]! - depth[b]! || a - b);
  const newId = new Int32Array(stateCount);
  order.forEach((old, i) => (newId[old] = i));
  const latinRows = stateCount <= 0x10000 ? new Uint16Array(stateCount * asciiClasses) : new Uint32Array(stateCount * asciiClasses);
  for (let i = 0; i < stateCount; i++) {
    const row = order[i]! * asciiClasses;
    for (let c = 0; c < asciiClasses; c++) latinRows[c * stateCount + i] = newId[latinRow[row + c]!]!;
  }
  const rows = order.map((old) => [...exceptions[old]!].sort((x, y) => x[0] - y[0]).map(([cls, next]) => [cls, newId[next]!] as const));
  const { base, slots } = packRows(rows, classCount);
  const codeOf = new Int32Array(65536);
  for (let c = 0; c < 65536; c++) {
    const cls = classIdOf.get(foldTable[c]!) ?? 0;
    codeOf[c] = cls < asciiClasses ? cls * stateCount : ~cls;
  }
  return {
    codeOf,
    classCount,
    latin: latinRows,
    rootNext: Int32Array.from(rootRow, (s) => newId[s]!),
    base,
    slots,
    firstOutputState: order.findIndex((s) => hasOutput(s) === 1) >>> 0,
    outFirst: Int32Array.from(order, (s) => outFirst[s]!),
    outPattern: Int32Array.from(outPattern),
    outNext: Int32Array.from(outNext),
    patternLength: Int32Array.from(patterns, (p) => p.length),
    maxPatternLength: Math.max(1, ...patterns.map((p) => p.length)),
    stateCount,
  };
}

/** Row displacement: each row (state i's exceptions, by ascending class) gets the first base at which all its
 * classes fall on free slots, searching only the last PACK_WINDOW slots before the end of those taken so far
 * (first fit over the whole array tried every early hole for every row: minutes for 48k rows; the window wastes
 * some holes and keeps the build linear). Free slots are found through a union-find "next free slot" array.
 * Returns the bases and the (owner, next) slot pairs, owner -1 where free. */
const PACK_WINDOW = 2048;

function packRows(rows: (readonly (readonly [number, number])[])[], classCount: number): { base: Int32Array; slots: Int32Array } {
  let total = 0;
  for (const r of rows) total += r.length;
  // Grown on demand: holes make the packed length more than the number of entries.
  let nextFree = new Int32Array(0);
  let taken = new Uint8Array(0);
  const ensure = (n: number) => {
    if (n <= taken.length) return;
    const size = Math.max(n, 2 * taken.length, total + classCount);
    const nf = new Int32Array(size);
    nf.set(nextFree);
    for (let i = nextFree.length; i < size; i++) nf[i] = i;
    const t = new Uint8Array(size);
    t.set(taken);
    nextFree = nf;
    taken = t;
  };
  const find = (p: number): number => {
    ensure(p + 1);
    let r = p;
    while (nextFree[r] !== r) {
      r = nextFree[r]!;
      ensure(r + 1);
    }
    while (nextFree[p] !== r) {
      const up = nextFree[p]!;
      nextFree[p] = r;
      p = up;
    }
    return r;
  };
  const base = new Int32Array(rows.length);
  let top = 0;
  rows.forEach((row, s) => {
    if (row.length === 0) return;
    const first = row[0]![0];
    const last = row[row.length - 1]![0];
    let p = find(Math.max(first, top - PACK_WINDOW));
    for (;;) {
      const b = p - first;
      ensure(b + last + 1);
      let fits = true;
      for (let k = 1; k < row.length && fits; k++) fits = taken[b + row[k]![0]] === 0;
      if (fits) break;
      p = find(p + 1);
    }
    const b = p - first;
    base[s] = b;
    for (const [cls] of row) {
      taken[b + cls] = 1;
      nextFree[b + cls] = b + cls + 1;
    }
    top = Math.max(top, b + last + 1);
  });
  const slots = new Int32Array(2 * (top + classCount)).fill(-1);
  rows.forEach((row, s) => {
    for (const [cls, next] of row) {
      slots[2 * (base[s]! + cls)] = s;
      slots[2 * (base[s]! + cls) + 1] = next;
    }
  });
  return { base, slots };
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
  const { codeOf, latin, rootNext, base, slots, firstOutputState } = a;
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
  // One step: a Latin class reads its dense column; any other the state's slot if it owns it, else the root's row.
  for (let i = 0, j1 = b1 - back, j2 = b2 - back, j3 = b3 - back; i < q; i++, j1++, j2++, j3++) {
    const c0 = codeOf[u[i]!]!;
    const c1 = codeOf[u[j1]!]!;
    const c2 = codeOf[u[j2]!]!;
    const c3 = codeOf[u[j3]!]!;
    s0 = c0 >= 0 ? latin[c0 + s0]! : step(base, slots, rootNext, s0, ~c0);
    s1 = c1 >= 0 ? latin[c1 + s1]! : step(base, slots, rootNext, s1, ~c1);
    s2 = c2 >= 0 ? latin[c2 + s2]! : step(base, slots, rootNext, s2, ~c2);
    s3 = c3 >= 0 ? latin[c3 + s3]! : step(base, slots, rootNext, s3, ~c3);
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
  const { codeOf, latin, rootNext, base, slots, firstOutputState } = a;
  let s = state;
  for (let j = from; j < to; j++) {
    const c = codeOf[u[j]!]!;
    s = c >= 0 ? latin[c + s]! : step(base, slots, rootNext, s, ~c);
    if (s >= firstOutputState && j >= record) emit(a, s, j + 1, out);
  }
}

/** The next state for a non-Latin class: the state's packed slot if it owns it, else the root's row. */
function step(base: Int32Array, slots: Int32Array, rootNext: Int32Array, s: number, cls: number): number {
  const k = (base[s]! + cls) << 1;
  return slots[k] === s ? slots[k + 1]! : rootNext[cls]!;
}

function emit(a: Automaton, state: number, end: number, out: HitBuffer): void {
  for (let o = a.outFirst[state]!; o !== 0; o = a.outNext[o - 1]!) out.push(end, a.outPattern[o - 1]!);
}
