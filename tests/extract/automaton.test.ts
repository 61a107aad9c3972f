import { describe, expect, it } from "vitest";
import { buildAutomaton, HitBuffer, scan, SPLIT_MIN } from "../../src/extract/automaton.ts";
import { buildFoldTable, foldString } from "../../src/extract/normalize.ts";

// Oracle: every occurrence of every pattern by indexOf over the folded text.
function naive(patterns: string[], folded: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    for (let i = folded.indexOf(p); i >= 0; i = folded.indexOf(p, i + 1)) out.push(`${i + p.length}:${id}`);
  });
  return out.sort();
}

describe("Aho-Corasick DFA", () => {
  const fold = buildFoldTable({}, new Set());
  const patterns = ["he", "she", "his", "hers", "昇腾", "昇腾910b", "910b", "a a"].map((p) => foldString(p, fold));
  const a = buildAutomaton(patterns, fold);

  it("finds the same (overlapping) occurrences as indexOf on random text", () => {
    const alphabet = ["h", "e", "s", "i", "r", " ", "昇", "腾", "9", "1", "0", "B", "a", "-", "x"];
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 60 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      const hits = new HitBuffer();
      scan(a, text, hits);
      const got = Array.from({ length: hits.length }, (_, i) => `${hits.ends[i]}:${hits.patterns[i]}`).sort();
      expect(got).toEqual(naive(patterns, foldString(text, fold)));
    }
  });

  it("reports the same hits in end order on long texts, scanned as quarters (patterns across the boundaries too)", () => {
    const alphabet = ["h", "e", "s", "i", "r", " ", "昇", "腾", "9", "1", "0", "B", "a", "x", "昇腾910B", "hers"];
    let seed = 11;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let split = 0;
    for (let n = 0; n < 300; n++) {
      let text = "";
      const length = SPLIT_MIN - 100 + Math.floor(rnd() * 600);
      while (text.length < length) text += alphabet[Math.floor(rnd() * alphabet.length)];
      // A long pattern straddling each quarter boundary, at every offset across the runs.
      const q = text.length >> 2;
      for (const b of [q, 2 * q, 3 * q]) {
        const at = b - 8 + (n % 10);
        text = text.slice(0, at) + "昇腾910B" + text.slice(at + 6);
      }
      const hits = new HitBuffer();
      scan(a, text, hits);
      const ends = Array.from(hits.ends.subarray(0, hits.length));
      expect(ends).toEqual([...ends].sort((x, y) => x - y));
      const got = Array.from({ length: hits.length }, (_, i) => `${hits.ends[i]}:${hits.patterns[i]}`).sort();
      expect(got).toEqual(naive(patterns, foldString(text, fold)));
      if (text.length >= SPLIT_MIN) split++;
    }
    expect(split).toBeGreaterThan(100);
  });

  it("folds case, full-width forms and dashes without changing offsets", () => {
    const text = "ＳＨＥ 昇腾９１０Ｂ A–A";
    const hits = new HitBuffer();
    scan(a, text, hits);
    const found = Array.from({ length: hits.length }, (_, i) => text.slice(hits.ends[i]! - a.patternLength[hits.patterns[i]!]!, hits.ends[i]));
    expect(found).toEqual(expect.arrayContaining(["ＳＨＥ", "昇腾９１０Ｂ", "９１０Ｂ", "A–A"]));
  });
});
