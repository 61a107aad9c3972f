// From raw automaton hits to entity mentions: word boundaries on Latin edges, version extension of family
// stems, context checks for ambiguous aliases, then leftmost-longest selection per layer (orgs apart from
// models and chips, so that "Nvidia H20" yields both Nvidia and Nvidia H20).
import { HitBuffer, scan } from "./automaton.ts";
import { type CatalogEntity, CONCEPT_NEGATIVE, CONCEPT_PREFIX, PATTERN_ASCII_END, PATTERN_ASCII_START, PATTERN_BREAK, PATTERN_CONCEPT, PATTERN_DISCOVERY, PATTERN_NAME, PATTERN_STEM, PATTERN_TARGET, TARGET_CONTEXT, TARGET_NEEDS_CAPITAL, type CompiledCatalog } from "./compile.ts";
import { antiCueNearby, CueText, cueNearby, relatedConfirmed } from "./disambiguate.ts";
import { extendVersion } from "./versions.ts";
import type { Mention } from "./mention.ts";

// Mention lives in mention.ts (versions.ts builds them too, and must not import the matcher); re-exported
// for the modules that read mentions from here.
export type { Mention } from "./mention.ts";

interface Candidate extends Mention {
  context: boolean;
  /** Found by a version pattern (already confirmed by its version). */
  versioned: boolean;
}

const hits = new HitBuffer();

/** Every candidate with the same fields in the same order (one object shape keeps the sort and filters
 * monomorphic; a spread of a version find would make another). */
const candidate = (m: Mention, context: boolean, versioned: boolean): Candidate => ({
  type: m.type, start: m.start, end: m.end, entity: m.entity, name: m.name, discovered: m.discovered,
  org: m.org, family: m.family, domestic: m.domestic, context, versioned,
});
/** A catalog name's candidate, built at once (no intermediate mention per hit). */
const catalogCandidate = (e: CatalogEntity, start: number, end: number, context: boolean): Candidate => ({
  type: e.type, start, end, entity: e, name: e.canonical, discovered: false,
  org: undefined, family: undefined, domestic: undefined, context, versioned: false,
});
const isUpper = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a);

/** Whether a Latin word character ends right before `start` (the hit is inside a longer word). */
const wordBefore = (w: Uint8Array, text: string, start: number) => start > 0 && w[text.charCodeAt(start - 1)] === 1;

function endBoundaryOk(w: Uint8Array, text: string, end: number): boolean {
  if (end < text.length && w[text.charCodeAt(end)] === 1) {
    // Plural of a product code or name: "H20s", "910Bs", "Ascend NPUs" -- an 's' then a boundary.
    const c = text.charCodeAt(end);
    const after = end + 1 < text.length ? text.charCodeAt(end + 1) : 0x20;
    if (!(c === 0x73 && w[after] !== 1)) return false;
  }
  return true;
}

/** Where anchor words (see anchors.ts) occur: start offsets with the bit mask of their groups, in the
 * order found, plus the union of all masks (what the whole article can possibly match). Reused. */
export class AnchorHits {
  starts: Int32Array = new Int32Array(256);
  masks: Int32Array = new Int32Array(256);
  length = 0;
  union = 0;
  reset(): void {
    this.length = 0;
    this.union = 0;
  }
  /** Per-sentence mask unions (see indexBySentence), zeroed for sentences [0, n): kept here rather than
   * allocated per article, where a new Int32Array cost more than filling it. Valid, like the hits, until
   * the next article. */
  private perSentence: Int32Array = new Int32Array(64);
  sentenceMasks(n: number): Int32Array {
    if (this.perSentence.length < n) this.perSentence = new Int32Array(Math.max(n, this.perSentence.length * 2));
    else this.perSentence.fill(0, 0, n);
    return this.perSentence;
  }
  push(start: number, mask: number): void {
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.masks = grow(this.masks);
    }
    this.starts[this.length] = start;
    this.masks[this.length] = mask;
    this.length++;
    this.union |= mask;
  }
}

/** Where indicator concepts (data/lexicon) occur: start, end and concept index per hit, in the order
 * found (by end), plus which concepts occur anywhere in the article. Look-alike forms ("training camp" for
 * training) are collected apart and remove the hits of their concept they overlap. Reused. */
export class ConceptHits {
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  concepts: Int32Array = new Int32Array(64);
  length = 0;
  /** The longest hit's length (an upper bound): hits are in end order, so the hits that start in [a, b) all lie
   * from firstEndingAfter(a) up to the first hit ending at or after b + maxLength. */
  maxLength = 0;
  /** Per concept: 1 when it occurs in the article. */
  present: Uint8Array;
  private negatives: number[] = [];
  constructor(readonly conceptCount: number) {
    this.present = new Uint8Array(conceptCount);
  }
  reset(): void {
    this.length = 0;
    this.maxLength = 0;
    this.negatives.length = 0;
    this.present.fill(0);
  }
  /** The index of the first hit that ends after `pos` (length when none): a binary search over the ends. */
  firstEndingAfter(pos: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  push(start: number, end: number, concept: number, negative: boolean): void {
    if (end - start > this.maxLength) this.maxLength = end - start;
    if (negative) {
      this.negatives.push(start, end, concept);
      return;
    }
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.concepts = grow(this.concepts);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.concepts[this.length] = concept;
    this.length++;
  }
  /** Drops the hits that a look-alike of the same concept overlaps, then marks what is present. */
  finish(): void {
    const neg = this.negatives;
    let kept = 0;
    for (let h = 0; h < this.length; h++) {
      const s = this.starts[h]!;
      const e = this.ends[h]!;
      const c = this.concepts[h]!;
      let drop = false;
      for (let k = 0; k < neg.length && !drop; k += 3) drop = neg[k + 2] === c && neg[k]! < e && s < neg[k + 1]!;
      if (drop) continue;
      this.starts[kept] = s;
      this.ends[kept] = e;
      this.concepts[kept] = c;
      kept++;
      this.present[c] = 1;
    }
    this.length = kept;
  }
}

/** Positions of possible sentence breaks, ascending (see sentences.ts). Reused. */
export class BreakHits {
  positions: Int32Array = new Int32Array(256);
  length = 0;
  push(pos: number): void {
    if (this.length === this.positions.length) this.positions = grow(this.positions);
    this.positions[this.length++] = pos;
  }
}

/** Where a word that can end or open a discovered organisation name occurs (discover.ts, DISCOVERY_CUES):
 * start and end per hit, by end. Discovery then looks only around these. Reused. */
export class DiscoveryCues {
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  length = 0;
  push(start: number, end: number): void {
    if (this.length === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export function findMentions(cat: CompiledCatalog, text: string, anchors?: AnchorHits, breaks?: BreakHits, concepts?: ConceptHits, cues?: DiscoveryCues): Mention[] {
  scan(cat.automaton, text, hits);
  anchors?.reset();
  concepts?.reset();
  if (breaks) breaks.length = 0;
  if (cues) cues.length = 0;
  const candidates: Candidate[] = [];
  const { patternRole, patternAnchorMask, wordChar, targetFirst, targetEntity, targetFlags } = cat;
  const { patternLength } = cat.automaton;
  for (let h = 0; h < hits.length; h++) {
    const end = hits.ends[h]!;
    const pid = hits.patterns[h]!;
    const start = end - patternLength[pid]!;
    const role = patternRole[pid]!;
    if ((role & PATTERN_BREAK) !== 0) breaks?.push(start);
    if ((role & PATTERN_DISCOVERY) !== 0) cues?.push(start, end);
    const mask = patternAnchorMask[pid]!;
    if (anchors && mask !== 0) anchors.push(start, mask);
    if ((role & PATTERN_CONCEPT) !== 0 && concepts && !((role & PATTERN_ASCII_START) !== 0 && wordBefore(wordChar, text, start))) {
      const endOk = (role & PATTERN_ASCII_END) === 0 || endBoundaryOk(wordChar, text, end);
      for (let k = cat.conceptFirst[pid]!, last = cat.conceptFirst[pid + 1]!; k < last; k++) {
        const flags = cat.conceptFlags[k]!;
        if (endOk || (flags & CONCEPT_PREFIX) !== 0) concepts.push(start, end, cat.conceptTarget[k]!, (flags & CONCEPT_NEGATIVE) !== 0);
      }
    }
    if ((role & PATTERN_NAME) === 0 || ((role & PATTERN_ASCII_START) !== 0 && wordBefore(wordChar, text, start))) continue;
    if ((role & PATTERN_STEM) !== 0) {
      for (const famId of cat.patterns[pid]!.stemOf) {
        const found = extendVersion(cat, cat.families[famId]!, text, start, end);
        if (found) candidates.push(candidate(found, false, true));
      }
    }
    if ((role & PATTERN_TARGET) === 0 || ((role & PATTERN_ASCII_END) !== 0 && !endBoundaryOk(wordChar, text, end))) continue;
    for (let k = targetFirst[pid]!, last = targetFirst[pid + 1]!; k < last; k++) {
      const e = cat.entities[targetEntity[k]!]!;
      const flags = targetFlags[k]!;
      if ((flags & TARGET_NEEDS_CAPITAL) !== 0 && !isUpper(text.charCodeAt(start))) continue;
      candidates.push(catalogCandidate(e, start, end, (flags & TARGET_CONTEXT) !== 0));
    }
  }
  concepts?.finish();
  if (candidates.length === 0) return [];
  const kept = candidates.some((c) => c.context) ? confirmContext(cat, text, candidates) : candidates;

  const orgs = selectLeftmostLongest(kept.filter((c) => c.type === "org"));
  const products = selectLeftmostLongest(kept.filter((c) => c.type !== "org"));
  // A product name strictly inside an org name is part of that name ("Qwen team", "Pangu team").
  // Both lists are sorted by start and orgs do not overlap, so the only org that can hold a product is the
  // last one starting at or before it: one pointer walks the orgs (a scan of all orgs per product was
  // quadratic on text dense with names).
  let oi = 0;
  const inOrg = (m: Mention) => {
    while (oi + 1 < orgs.length && orgs[oi + 1]!.start <= m.start) oi++;
    const o = orgs[oi];
    return o !== undefined && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start;
  };
  const out: Mention[] = [...orgs, ...products.filter((p) => !inOrg(p))];
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  // The candidates are the mentions (with two matcher-only fields the rules never read): a copy of each was
  // most of the allocation on text dense with names.
  return out;
}

/** Rounds of confirmation through related context aliases: "NV" confirmed by a cue ("NV硬件") in turn
 * confirms "Hopper" in "NV Hopper卡". Each round can only add ids, so a few rounds reach the fixed point
 * on any real text; the cap keeps a pathological chain linear. */
const CONTEXT_ROUNDS = 3;

/** What a context alias's own surroundings say (LOCAL_*): they do not change between rounds, so the windows
 * are searched once per alias, not once per round. */
const LOCAL_UNKNOWN = 0;
const LOCAL_VETOED = 1;
const LOCAL_NOT_VETOED = 2;
const LOCAL_CUE = 3;
const LOCAL_NO_CUE = 4;
/** Confirmed (a flag per candidate, not a Set of candidates: hashing tens of thousands of objects into a Set
 * grew faster than the text on hostile input). */
const KEPT = 5;

/** Context aliases (capitalisation was checked per hit) count when no anti-cue is near them and a related
 * mention is anywhere (unambiguous, or a context alias already confirmed) or a cue word is nearby. */
function confirmContext(cat: CompiledCatalog, text: string, candidates: Candidate[]): Candidate[] {
  const confirmedIds = new Set<number>();
  for (const c of candidates) if (!c.context && c.entity) confirmedIds.add(c.entity.id);
  const cues = new CueText(text, cat.foldTable);
  const local = new Uint8Array(candidates.length);
  for (let round = 0; round < CONTEXT_ROUNDS; round++) {
    let added = false;
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      if (!c.context || local[k] === KEPT) continue;
      const e = c.entity!;
      if (local[k] === LOCAL_UNKNOWN) local[k] = antiCueNearby(cues, e, c.start, c.end) ? LOCAL_VETOED : LOCAL_NOT_VETOED;
      if (local[k] === LOCAL_VETOED) continue;
      if (!relatedConfirmed(e, confirmedIds)) {
        if (local[k] === LOCAL_NOT_VETOED) local[k] = cueNearby(cues, e, c.start, c.end) ? LOCAL_CUE : LOCAL_NO_CUE;
        if (local[k] === LOCAL_NO_CUE) continue;
      }
      local[k] = KEPT;
      if (!confirmedIds.has(c.entity!.id)) {
        confirmedIds.add(c.entity!.id);
        added = true;
      }
    }
    if (!added) break;
  }
  return candidates.filter((c, k) => !c.context || local[k] === KEPT);
}

/** Leftmost-longest, non-overlapping; at equal spans a catalog entry beats a version find, and the first
 * catalog target (orgs, then models, then chips, in catalog order) wins. */
function selectLeftmostLongest(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end || Number(a.versioned) - Number(b.versioned) || (a.entity?.id ?? 1e9) - (b.entity?.id ?? 1e9));
  const out: Candidate[] = [];
  let lastEnd = -1;
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}
