// Property test: over the full catalog, the compiled automaton finds exactly the occurrences that a naive
// oracle finds with one regex per alias spelling, on generated text that writes aliases in random case,
// full-width forms and with dash and space variants. The oracle spells out the folding by hand (character
// classes), so it does not share the fold table under test.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/extract/catalog/load.ts";
import { compileCatalog, spellingVariants } from "../../src/extract/compile.ts";
import { HitBuffer, scan } from "../../src/extract/automaton.ts";
import { foldString } from "../../src/extract/normalize.ts";

const catalog = loadCatalog();
const compiled = compileCatalog(catalog);

// What the matcher treats as one separator: ASCII and Unicode dashes, and horizontal spaces.
const SEPARATOR_CLASS = "[\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d\\t \\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]";
const escapeChar = (c: string) => c.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** The oracle regex of one folded spelling: each character with its case and full-width forms. */
function oracleRegex(spelling: string): RegExp {
  let src = "";
  for (const ch of spelling) {
    const code = ch.charCodeAt(0);
    if (ch === " ") src += SEPARATOR_CLASS;
    else if (ch === "'") src += "['\\u2018\\u2019\\u2032\\uff07]";
    else if (code >= 0x61 && code <= 0x7a) src += `[${ch}${ch.toUpperCase()}${String.fromCharCode(code - 0x20 + 0xfee0)}${String.fromCharCode(code + 0xfee0)}]`;
    else if (code >= 0x21 && code <= 0x7e) src += `[${escapeChar(ch)}${escapeChar(String.fromCharCode(code + 0xfee0))}]`;
    else src += escapeChar(ch);
  }
  return new RegExp(src, "g");
}

const spellings = new Set<string>();
for (const e of [...catalog.orgs, ...catalog.models, ...catalog.chips]) {
  for (const name of [e.canonical, ...e.aliases, ...e.context_aliases]) {
    const folded = foldString(name.trim(), compiled.foldTable).replace(/ +/g, " ");
    if (folded) for (const v of spellingVariants(folded)) spellings.add(v);
  }
}
const oracles = [...spellings].map((s) => ({ spelling: s, re: oracleRegex(s) }));

/** Pattern id of each spelling: the automaton's full-length hit when it scans the spelling itself. */
const hits = new HitBuffer();
const patternOf = new Map<number, string>();
for (const s of spellings) {
  scan(compiled.automaton, s, hits);
  for (let h = 0; h < hits.length; h++) if (hits.ends[h] === s.length && compiled.automaton.patternLength[hits.patterns[h]!] === s.length) patternOf.set(hits.patterns[h]!, s);
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Writes a spelling the way articles do: random case, some full-width, separators as any dash or space. */
function writeVariant(spelling: string, r: () => number): string {
  const seps = [" ", "-", "\u2013", "\u2011", "\u00a0", "\u3000", "\u2212"];
  const fullWidth = r() < 0.2;
  let out = "";
  for (const ch of spelling) {
    const code = ch.charCodeAt(0);
    if (ch === " ") out += seps[Math.floor(r() * seps.length)];
    else if (code >= 0x21 && code <= 0x7e) {
      const c = r() < 0.5 ? ch.toUpperCase() : ch;
      out += fullWidth ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c;
    } else out += ch;
  }
  return out;
}

const FILLER = ["the", "chip", "model", "and", "on", "new", "的", "是", "在", "训练", "x", "-", " ", "  ", "1", "A"];
const all = [...spellings];

function generate(r: () => number): string {
  let text = "";
  for (let i = 0; i < 120; i++) {
    text += r() < 0.35 ? writeVariant(all[Math.floor(r() * all.length)]!, r) : FILLER[Math.floor(r() * FILLER.length)]!;
    // Sometimes no gap, so that names touch and overlap with their neighbours.
    if (r() < 0.7) text += r() < 0.5 ? " " : "\u3000";
  }
  return text;
}

const key = (start: number, end: number, spelling: string) => `${start}:${end}:${spelling}`;

describe("automaton vs one-regex-per-alias oracle (full catalog)", () => {
  it("finds exactly the oracle's occurrences on generated text with case, full-width, dash and space variants", () => {
    const r = rng(11);
    expect(patternOf.size).toBe(spellings.size);
    let checked = 0;
    for (let n = 0; n < 40; n++) {
      const text = generate(r);
      const expected = new Set<string>();
      for (const { spelling, re } of oracles) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          expected.add(key(m.index, m.index + m[0].length, spelling));
          re.lastIndex = m.index + 1; // overlapping occurrences too
        }
      }
      scan(compiled.automaton, text, hits);
      const got = new Set<string>();
      for (let h = 0; h < hits.length; h++) {
        const spelling = patternOf.get(hits.patterns[h]!);
        if (spelling !== undefined) got.add(key(hits.ends[h]! - spelling.length, hits.ends[h]!, spelling));
      }
      expect([...got].sort()).toEqual([...expected].sort());
      checked += expected.size;
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
