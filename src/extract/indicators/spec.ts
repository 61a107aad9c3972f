// Concept rules as data-like specs: which concepts and entity predicates must occur in one sentence, near it,
// or anywhere in the article (with the title or lead as the anchor where a rule says so). The same spec
// gives a rule's evidence and, for `chipwatch explain`, its near miss (the one requirement that was absent).
import type { Span } from "../types.ts";
import type { Mention } from "../match.ts";
import { loadLexicon } from "../concepts/load.ts";
import type { RuleContext } from "./context.ts";
import { PREDICATES, predicateBit, type PredicateId } from "./predicates.ts";

/** A requirement: a concept id, an entity predicate written `@name`, or alternatives joined by `|`
 * ("domestic_compute|@domestic_chip"). */
export type Item = string;

export interface Spec {
  /** Every item in the anchor sentence. */
  in: Item[];
  /** In the anchor sentence, a hit of the concept followed within `chars` characters by the item ("away
   * from" then a foreign chip): word order for the few rules that need it. */
  seq?: { concept: string; then: Item; chars: number };
  /** No item in the anchor sentence (a launch sentence that names a model is about the model). */
  none?: Item[];
  /** Every item within `window` sentences of the anchor (either side; default 1). */
  near?: Item[];
  window?: number;
  /** Every item anywhere in the article. */
  doc?: Item[];
  /** Restricts the anchor sentence to the title, or to the lead (the title and the first three sentences). */
  at?: "title" | "lead";
  /** Drops anchors where this concept's first hit follows a modal or negation (`hypothetical`) within 50
   * characters ("can pre-train", "could serve"): capability statements, not reports. */
  notHypothetical?: string;
}

interface CompiledItem {
  label: string;
  concepts: number[];
  preds: ((m: Mention) => boolean)[];
  /** The same predicates as a bit mask over PREDICATE_IDS (0 when none): tested against the article's and the
   * sentences' predicate masks (RuleContext) with one AND. */
  predMask: number;
}

export interface CompiledSpec {
  in: CompiledItem[];
  seq?: { concept: number; then: CompiledItem; chars: number };
  none: CompiledItem[];
  near: CompiledItem[];
  window: number;
  doc: CompiledItem[];
  at?: "title" | "lead";
  notHypothetical?: number;
}

const lexicon = loadLexicon();
export function conceptIndex(id: string): number {
  const i = lexicon.index.get(id);
  if (i === undefined) throw new Error(`indicator rules: unknown concept "${id}" (data/lexicon)`);
  return i;
}
const HYPOTHETICAL = conceptIndex("hypothetical");

function compileItem(item: Item): CompiledItem {
  const concepts: number[] = [];
  const preds: ((m: Mention) => boolean)[] = [];
  let predMask = 0;
  for (const alt of item.split("|")) {
    if (alt.startsWith("@")) {
      const id = alt.slice(1) as PredicateId;
      const p = PREDICATES[id];
      if (!p) throw new Error(`indicator rules: unknown entity predicate "${alt}"`);
      preds.push(p);
      predMask |= predicateBit(id);
    } else concepts.push(conceptIndex(alt));
  }
  return { label: item, concepts, preds, predMask };
}

export function compileSpec(s: Spec): CompiledSpec {
  return {
    in: s.in.map(compileItem),
    seq: s.seq && { concept: conceptIndex(s.seq.concept), then: compileItem(s.seq.then), chars: s.seq.chars },
    none: (s.none ?? []).map(compileItem),
    near: (s.near ?? []).map(compileItem),
    window: s.window ?? 1,
    doc: (s.doc ?? []).map(compileItem),
    at: s.at,
    notHypothetical: s.notHypothetical === undefined ? undefined : conceptIndex(s.notHypothetical),
  };
}

// Plain loops, no callbacks: every rule asks these of every article, so they are extraction's innermost loop.
function inDoc(ctx: RuleContext, it: CompiledItem): boolean {
  const present = ctx.concepts.present;
  for (let k = 0; k < it.concepts.length; k++) if (present[it.concepts[k]!] === 1) return true;
  return it.predMask !== 0 && (ctx.docPredicates & it.predMask) !== 0;
}

function inSentence(ctx: RuleContext, i: number, it: CompiledItem): boolean {
  for (let k = 0; k < it.concepts.length; k++) if (ctx.sentenceHasConcept(i, it.concepts[k]!)) return true;
  return it.predMask !== 0 && (ctx.sentencePredicates(i) & it.predMask) !== 0;
}

const allInSentence = (ctx: RuleContext, i: number, items: CompiledItem[]): boolean => {
  for (let k = 0; k < items.length; k++) if (!inSentence(ctx, i, items[k]!)) return false;
  return true;
};

const anyInSentence = (ctx: RuleContext, i: number, items: CompiledItem[]): boolean => {
  for (let k = 0; k < items.length; k++) if (inSentence(ctx, i, items[k]!)) return true;
  return false;
};

const inWindow = (ctx: RuleContext, i: number, w: number, it: CompiledItem): boolean => {
  const last = Math.min(ctx.sentences.length - 1, i + w);
  for (let k = Math.max(0, i - w); k <= last; k++) if (inSentence(ctx, k, it)) return true;
  return false;
};

const allInWindow = (ctx: RuleContext, i: number, w: number, items: CompiledItem[]): boolean => {
  for (let k = 0; k < items.length; k++) if (!inWindow(ctx, i, w, items[k]!)) return false;
  return true;
};

/** The anchor sentences a spec may use: all, the title's, or the lead's. */
function anchorRange(ctx: RuleContext, at: Spec["at"]): number {
  const n = ctx.sentences.length;
  if (at === undefined) return n;
  let titleSentences = 0;
  while (titleSentences < n && ctx.sentences[titleSentences]!.start < ctx.titleEnd) titleSentences++;
  return at === "title" ? titleSentences : Math.min(n, titleSentences + 3);
}

/** Whether the first hit of concept c in the span follows a hypothetical word within 50 characters. Only the
 * hits near the span are visited (see followedBy). */
function hypotheticalBefore(ctx: RuleContext, span: Span, c: number): boolean {
  const h = ctx.concepts;
  let at = -1;
  for (let k = h.firstEndingAfter(span.start), stop = span.end + h.maxLength; k < h.length && h.ends[k]! < stop; k++) {
    if (h.concepts[k] === c && h.starts[k]! >= span.start && h.starts[k]! < span.end && (at < 0 || h.starts[k]! < at)) at = h.starts[k]!;
  }
  if (at < 0) return false;
  const from = Math.max(span.start, at - 50);
  for (let k = h.firstEndingAfter(from), stop = at + h.maxLength; k < h.length && h.ends[k]! < stop; k++) {
    if (h.concepts[k] === HYPOTHETICAL && h.starts[k]! >= from && h.starts[k]! < at) return true;
  }
  return false;
}

/** Whether, inside the span, a hit of concept c is followed within `chars` characters by the item (or overlapped
 * by it from within). Only the hits and mentions near the span are visited (ConceptHits.firstEndingAfter, a
 * binary search over the mentions): a pass over the whole article per sentence was quadratic on run-on text. */
function followedBy(ctx: RuleContext, span: Span, seq: NonNullable<CompiledSpec["seq"]>): boolean {
  const h = ctx.concepts;
  for (let k = h.firstEndingAfter(span.start), stop = span.end + h.maxLength; k < h.length && h.ends[k]! < stop; k++) {
    if (h.concepts[k] !== seq.concept || h.starts[k]! < span.start || h.starts[k]! >= span.end) continue;
    // The item may begin inside the concept's own words ("towards domestic suppliers": the domestic noun starts in
    // the hit "towards domestic"), but not before it.
    const from = h.starts[k]!;
    const to = Math.min(span.end, h.ends[k]! + seq.chars);
    for (let j = h.firstEndingAfter(from), last = to + h.maxLength; j < h.length && h.ends[j]! < last; j++) {
      if (j !== k && h.starts[j]! >= from && h.starts[j]! < to && seq.then.concepts.includes(h.concepts[j]!)) return true;
    }
    if (seq.then.preds.length > 0) {
      const ms = ctx.mentions;
      for (let i = firstMentionFrom(ms, from); i < ms.length && ms[i]!.start < to; i++) if (seq.then.preds.some((p) => p(ms[i]!))) return true;
    }
  }
  return false;
}

/** The index of the first mention starting at or after `pos` (mentions are sorted by start). */
function firstMentionFrom(mentions: Mention[], pos: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const allInDoc = (ctx: RuleContext, items: CompiledItem[]): boolean => {
  for (let k = 0; k < items.length; k++) if (!inDoc(ctx, items[k]!)) return false;
  return true;
};

/** The anchor sentences where every requirement holds (a new array; empty when none). */
export function specEvidence(ctx: RuleContext, s: CompiledSpec): Span[] {
  // Article-level tests first: most articles lack some requirement anywhere and are never split into sentences.
  if (!allInDoc(ctx, s.in)) return [];
  if (s.seq && (ctx.concepts.present[s.seq.concept] !== 1 || !inDoc(ctx, s.seq.then))) return [];
  if (!allInDoc(ctx, s.near) || !allInDoc(ctx, s.doc)) return [];
  if (ctx.titleEnd === 0 && s.at === "title") return [];
  const out: Span[] = [];
  const end = anchorRange(ctx, s.at);
  for (let i = 0; i < end; i++) {
    if (!allInSentence(ctx, i, s.in) || anyInSentence(ctx, i, s.none) || !allInWindow(ctx, i, s.window, s.near)) continue;
    const span = ctx.sentences[i]!;
    if (s.seq && !followedBy(ctx, span, s.seq)) continue;
    if (s.notHypothetical !== undefined && hypotheticalBefore(ctx, span, s.notHypothetical)) continue;
    out.push(span);
  }
  return out;
}

/** For a spec that did not fire: the requirements absent at the best anchor, when exactly one was
 * (a near miss), else undefined. */
export function specNearMiss(ctx: RuleContext, s: CompiledSpec): string[] | undefined {
  const docMissing = s.doc.filter((it) => !inDoc(ctx, it)).map((it) => it.label);
  if (docMissing.length > 1) return undefined;
  let best: string[] | undefined;
  const end = anchorRange(ctx, s.at);
  for (let i = 0; i < end; i++) {
    if (s.none.some((it) => inSentence(ctx, i, it))) continue;
    const missing = [...docMissing, ...s.in.filter((it) => !inSentence(ctx, i, it)).map((it) => it.label), ...s.near.filter((it) => !inWindow(ctx, i, s.window, it)).map((it) => it.label)];
    if (missing.length === 0 && s.notHypothetical !== undefined) missing.push("not hypothetical");
    if (missing.length === 1 && (s.in.length + s.near.length + s.doc.length > 1 || missing[0] === "not hypothetical")) return missing;
    if (missing.length > 0 && (!best || missing.length < best.length)) best = missing;
  }
  return best && best.length === 1 ? best : undefined;
}
