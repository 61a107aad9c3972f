// What an indicator rule reads: the article (text, sentences, mentions), its claims, and where the
// vocabulary's concepts (data/lexicon) occur.
import type { Claim } from "../types.ts";
import type { Doc } from "../claims.ts";
import type { ConceptHits } from "../match.ts";

export interface RuleContext extends Doc {
  claims: Claim[];
  /** The text of sentence i. */
  body(i: number): string;
  /** Concept hits with offsets, and which concepts occur anywhere (`present`). */
  concepts: ConceptHits;
  /** Whether concept c (an index into the lexicon) occurs in sentence i. */
  sentenceHasConcept(i: number, c: number): boolean;
  /** The entity predicates (predicates.ts) that hold for some mention of the article, as a bit mask. */
  readonly docPredicates: number;
  /** The same for the mentions of sentence i. */
  sentencePredicates(i: number): number;
}
