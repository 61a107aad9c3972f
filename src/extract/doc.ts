// The per-article document the claim and indicator rules read. Sentences, their texts and the per-sentence
// mention and anchor indexes are built on first use: an article without mentions or anchor co-occurrences
// (most news) is settled from the article-level anchor union alone and never split into sentences.
import type { Claim, Span } from "./types.ts";
import type { AnchorHits, BreakHits, ConceptHits, Mention } from "./match.ts";
import { indexBySentence, type Doc } from "./claims.ts";
import { splitSentences } from "./sentences.ts";
import { predicateMask } from "./indicators/predicates.ts";

export class LazyDoc implements Doc {
  readonly anchorUnion: number;
  claims: Claim[] = [];
  private split?: Span[];
  private index?: { sentenceMentions: Mention[][]; sentenceAnchors: Int32Array };
  private texts?: (string | undefined)[];
  /** Per sentence, a bit set of the concepts in it: `words` 32-bit words per sentence. */
  private conceptBits?: Int32Array;
  private readonly words: number;
  private docPredicateMask?: number;
  private sentencePredicateMasks?: Int32Array;

  constructor(readonly text: string, readonly titleEnd: number, readonly mentions: Mention[], private readonly anchors: AnchorHits, private readonly breaks: BreakHits, readonly concepts: ConceptHits) {
    this.anchorUnion = anchors.union;
    this.words = (concepts.conceptCount + 31) >> 5;
  }

  /** Whether concept c (an index into the lexicon) occurs in sentence i. */
  sentenceHasConcept(i: number, c: number): boolean {
    const bits = (this.conceptBits ??= this.indexConcepts());
    return (bits[i * this.words + (c >> 5)]! & (1 << (c & 31))) !== 0;
  }

  /** Concept hits by sentence, as indexBySentence does for anchors: hits come in end order, so their starts
   * are sorted but for overlaps, and the sweep steps back for those. */
  private indexConcepts(): Int32Array {
    const sentences = this.sentences;
    const n = sentences.length;
    const bits = new Int32Array(Math.max(1, n) * this.words);
    const h = this.concepts;
    let si = 0;
    for (let k = 0; k < h.length && n > 0; k++) {
      const pos = h.starts[k]!;
      while (si + 1 < n && sentences[si + 1]!.start <= pos) si++;
      while (si > 0 && sentences[si]!.start > pos) si--;
      const c = h.concepts[k]!;
      bits[si * this.words + (c >> 5)]! |= 1 << (c & 31);
    }
    return bits;
  }

  /** The entity predicates (indicators/predicates.ts) that hold for some mention of the article, as a bit mask. */
  get docPredicates(): number {
    if (this.docPredicateMask === undefined) {
      let mask = 0;
      for (const m of this.mentions) mask |= predicateMask(m);
      this.docPredicateMask = mask;
    }
    return this.docPredicateMask;
  }

  /** The entity predicates that hold for some mention of sentence i, as a bit mask. */
  sentencePredicates(i: number): number {
    const masks = (this.sentencePredicateMasks ??= this.indexPredicates());
    return masks[i]!;
  }

  private indexPredicates(): Int32Array {
    const bySentence = this.sentenceMentions;
    const masks = new Int32Array(bySentence.length);
    for (let i = 0; i < bySentence.length; i++) for (const m of bySentence[i]!) masks[i]! |= predicateMask(m);
    return masks;
  }

  get sentences(): Span[] {
    return (this.split ??= splitSentences(this.text, this.breaks));
  }
  get sentenceMentions(): Mention[][] {
    return (this.index ??= indexBySentence(this.sentences, this.mentions, this.anchors)).sentenceMentions;
  }
  get sentenceAnchors(): Int32Array {
    return (this.index ??= indexBySentence(this.sentences, this.mentions, this.anchors)).sentenceAnchors;
  }
  /** The text of sentence i (sliced once). */
  body(i: number): string {
    const texts = (this.texts ??= []);
    const s = this.sentences[i]!;
    return (texts[i] ??= this.text.slice(s.start, s.end));
  }
}
