// The non-Unicode twins of the rule regexes (plain-regex.ts) must give exactly the results of the regexes as
// written, on the dev set's sentences and on every window a rule looks at; and strings where the two modes
// differ must get the regex as written.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainTwin } from "../../src/extract/plain-regex.ts";
import * as lexicon from "../../src/extract/lexicon.ts";

const devTexts = fs
  .readFileSync(path.resolve(import.meta.dirname, "../../../shared/eval/dev.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { title?: string; text?: string })
  .map((a) => `${a.title ?? ""}\n\n${a.text ?? ""}`);

/** Sentences and the short left/right windows the claim rules use, plus edge cases for \b and case. */
const inputs: string[] = ["", "SFT", "RL.", "Day-0 support", "ÀI chips", "İ", "ı", "ß", "\u00a0trained on", "trained\u3000on"];
for (const t of devTexts) {
  for (const s of t.split(/(?<=[.!?。；;\n])/)) {
    inputs.push(s);
    for (let i = 0; i < s.length; i += 17) inputs.push(s.slice(Math.max(0, i - 60), i), s.slice(i, i + 80));
  }
}

const regexes: [string, RegExp][] = [
  ...Object.entries(lexicon).filter((e): e is [string, RegExp] => e[1] instanceof RegExp),
  ...lexicon.STAGE_TRIGGERS.map((t, i): [string, RegExp] => [`trigger ${i}`, t.re]),
];

/** Global copies, compiled once per regex (compiling two per input made this test run past its timeout under load). */
const globals = new Map<RegExp, RegExp>();
const spans = (r: RegExp, s: string) => {
  const out: string[] = [];
  let g = globals.get(r);
  if (!g) globals.set(r, (g = new RegExp(r.source, r.flags.includes("g") ? r.flags : r.flags + "g")));
  g.lastIndex = 0;
  for (let m = g.exec(s); m; m = g.exec(s)) {
    out.push(`${m.index}:${m[0]}`);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
};

describe("non-Unicode twins of the rule regexes", () => {
  it("find the same matches as the regexes as written, on the dev set's sentences and windows", () => {
    expect(regexes.length).toBeGreaterThan(10);
    expect(inputs.length).toBeGreaterThan(5000);
    let twinned = 0;
    // Differences are collected and compared once: an expect() per pair (millions) cost more than the regexes.
    const differences: string[] = [];
    for (const [name, r] of regexes) {
      expect(r.unicode).toBe(true);
      for (const s of inputs) {
        const twin = plainTwin(r, s);
        if (twin !== r) twinned++;
        const [got, want] = [spans(twin, s).join("|"), spans(r, s).join("|")];
        if (got !== want && differences.length < 20) differences.push(`${name} on ${JSON.stringify(s)}: ${got} != ${want}`);
      }
    }
    expect(differences).toEqual([]);
    expect(twinned).toBeGreaterThan(regexes.length * 5000);
  });

  it("keeps the regex as written where the modes differ: long s, Kelvin sign, astral characters", () => {
    const s = /\bs\b/iu;
    expect(s.test("\u017f")).toBe(true);
    expect(new RegExp(s.source, "i").test("\u017f")).toBe(false);
    for (const text of ["\u017f", "\u212a", "chip \u{1F600}", "\ud800"]) expect(plainTwin(s, text)).toBe(s);
    expect(lexicon.test(s, "\u017f")).toBe(true);
    expect(plainTwin(s, "plain text")).not.toBe(s);
  });
});
