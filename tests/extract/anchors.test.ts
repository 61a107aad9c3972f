// The claim trigger regexes (lexicon.ts) run only in sentences where their anchor group (anchors.ts) occurs,
// so every alternative of a trigger must contain one of its group's literal anchors, or that alternative
// can never fire. The indicator vocabulary needs no such list: its forms are the automaton's patterns.
import { describe, expect, it } from "vitest";
import { ANCHOR_GROUPS } from "../../src/extract/anchors.ts";
import { STAGE_TRIGGERS } from "../../src/extract/lexicon.ts";
import { loadCatalog } from "../../src/extract/catalog/load.ts";

// The automaton folds traditional characters to simplified before it looks for anchors, so a traditional
// alternative (預訓練) is covered by a simplified anchor (训练).
const { t2s } = loadCatalog();
const simplified = (s: string) => Array.from(s, (ch) => t2s[ch] ?? ch).join("");

/** Top-level alternatives of a regex source (outside groups and classes). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out;
}

/** Roughly the literal text an alternative must contain: negative lookarounds dropped, positive ones kept
 * (their text is required too), inner groups by their first alternative, separators as one space, lower
 * case (the automaton folds case and dashes). */
function literal(alt: string): string {
  let s = alt;
  for (let k = 0; k < 5; k++) s = s.replace(/\(\?<?!(?:[^()]|\([^()]*\))*\)/g, "");
  for (let k = 0; k < 5; k++) s = s.replace(/\(\?(?:<?=|:)?([^()|]*)(?:\|[^()]*)?\)/g, "$1");
  return s
    .replace(/\\b|\\s[+*?]?|\[- \]\??|-\?/g, " ")
    // A character class by its first member ("蒸[馏餾]" -> "蒸馏").
    .replace(/\[([^\]\\^])[^\]]*\]/g, "$1")
    .replace(/\(\?:|[()?*+]/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase();
}
const covered = (alt: string, words: string[]) => words.some((w) => simplified(literal(alt)).includes(w));

describe("anchors cover the claim trigger regexes", () => {
  it("every top-level alternative of each trigger contains an anchor of its group", () => {
    const uncovered: string[] = [];
    for (const t of STAGE_TRIGGERS) {
      const words = ANCHOR_GROUPS[t.anchor]!.map((w) => w.toLowerCase().replace(/-/g, " "));
      for (const alt of alternatives(t.re.source)) if (!covered(alt, words)) uncovered.push(`${t.anchor}: ${alt}`);
    }
    expect(uncovered).toEqual([]);
  });
  it("the check catches an alternative without an anchor", () => {
    const words = ANCHOR_GROUPS.trainingWord!;
    expect(alternatives(String.raw`\btrain(?:ed|ing)?\b|\bpretrain\b|訓練|新词`).filter((a) => !covered(a, words))).toEqual(["新词"]);
  });
});
