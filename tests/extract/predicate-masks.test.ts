// The indicator rules test entity predicates as bit masks (per article and per sentence, predicates.ts and
// doc.ts) instead of calling each predicate on each mention: the masks must say exactly what the predicates say.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultExtractor } from "../../src/extract/extract.ts";
import { AnchorHits, BreakHits, ConceptHits, findMentions } from "../../src/extract/match.ts";
import { LazyDoc } from "../../src/extract/doc.ts";
import { PREDICATE_IDS, PREDICATES, predicateBit, predicateMask } from "../../src/extract/indicators/predicates.ts";
import { SHARED } from "./labelled-set.ts";

const articles = readFileSync(join(SHARED, "eval", "dev2.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string });

function docOf(title: string, body: string): LazyDoc {
  const { compiled } = defaultExtractor();
  const text = `${title}\n\n${body}`;
  const anchors = new AnchorHits();
  const breaks = new BreakHits();
  const concepts = new ConceptHits(compiled.conceptCount);
  return new LazyDoc(text, title.length, findMentions(compiled, text, anchors, breaks, concepts), anchors, breaks, concepts);
}

describe("entity predicate masks", () => {
  it("give every predicate its own bit", () => {
    const bits = PREDICATE_IDS.map(predicateBit);
    expect(new Set(bits).size).toBe(PREDICATE_IDS.length);
    expect(bits.every((b) => b > 0)).toBe(true);
  });

  it("agree with the predicates on every mention, article and sentence of dev2", () => {
    let mentions = 0;
    const seen = new Set<string>();
    for (const a of articles) {
      const doc = docOf(a.title, a.text);
      const holds = (ms: typeof doc.mentions, id: (typeof PREDICATE_IDS)[number]) => ms.some((m) => PREDICATES[id](m));
      for (const m of doc.mentions) {
        mentions++;
        for (const id of PREDICATE_IDS) {
          expect((predicateMask(m) & predicateBit(id)) !== 0, `${id} of ${m.name}`).toBe(PREDICATES[id](m));
          if (PREDICATES[id](m)) seen.add(id);
        }
      }
      for (const id of PREDICATE_IDS) {
        expect((doc.docPredicates & predicateBit(id)) !== 0).toBe(holds(doc.mentions, id));
        doc.sentenceMentions.forEach((ms, i) => expect((doc.sentencePredicates(i) & predicateBit(id)) !== 0).toBe(holds(ms, id)));
      }
    }
    expect(mentions).toBeGreaterThan(1000);
    // Every predicate holds somewhere, so each bit was compared both ways.
    expect([...seen].sort()).toEqual([...PREDICATE_IDS].sort());
  });
});
