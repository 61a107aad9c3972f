// The per-article document the claim and indicator rules read. Sentences, their texts and the per-sentence
// mention and anchor indexes are built on first use: an article without mentions or anchor co-occurrences
// (most news) is settled from the article-level anchor union alone and never split into sentences.
import type { Claim, Span } from "./types.ts";
import type { AnchorHits, BreakHits, Mention } from "./match.ts";
import { indexBySentence, type Doc } from "./claims.ts";
import { splitSentences } from "./sentences.ts";

export class LazyDoc implements Doc {
  readonly anchorUnion: number;
  claims: Claim[] = [];
  private split?: Span[];
  private index?: { sentenceMentions: Mention[][]; sentenceAnchors: Int32Array };
  private texts?: (string | undefined)[];

  constructor(readonly text: string, readonly titleEnd: number, readonly mentions: Mention[], private readonly anchors: AnchorHits, private readonly breaks: BreakHits) {
    this.anchorUnion = anchors.union;
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
