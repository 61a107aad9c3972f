// Character folding for matching. Every UTF-16 code unit maps to one folded code unit, so folded text has
// exactly the offsets of the original: no copy, no offset map. Folding covers ASCII case, full-width
// forms (NFKC's effect on them), spaces and dashes (one separator), curly apostrophes, and traditional
// Chinese characters (to simplified, from a table generated from OpenCC).

export const SEPARATOR = 0x20;

const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
const SPACES = [0x20, 0x09, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f, 0x205f, 0x3000];
const APOSTROPHES = [0x2018, 0x2019, 0x2032, 0xff07];

/** Folding without the traditional->simplified step (that one depends on the pattern alphabet). */
export function foldBasic(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0xff01 && code <= 0xff5e) return foldBasic(code - 0xfee0);
  if (DASHES.includes(code) || SPACES.includes(code)) return SEPARATOR;
  if (APOSTROPHES.includes(code)) return 0x27;
  if (code === 0xff0e) return 0x2e;
  return code;
}

/** The characters the traditional->simplified fold must leave alone: those a simplified name uses on
 * purpose. A name is written in simplified Chinese when it holds at least as many simplified forms (腾 of
 * 昇腾: a fold target, never folded itself) as characters of the traditional table; such a name owns its
 * traditional-table characters ("昇" of 昇腾, beside the cue-needing 升腾) and they are kept. A name written
 * in traditional characters (浪潮資訊, 寒武紀, 台積電: 台 is a fold target that traditional text writes too)
 * owns none: were 訊 or 電 kept for one such alias, every traditional article would lose 科大訊飛 and 中國電信. */
export function patternAlphabet(groups: string[][], t2s: Record<string, string>): Set<number> {
  const simplifiedOnly = new Set(Object.values(t2s).filter((c) => t2s[c] === undefined));
  const chars = new Set<number>();
  for (const group of groups) {
    for (const n of group) {
      const written = [...n];
      const simplifiedName = written.filter((c) => simplifiedOnly.has(c)).length >= written.filter((c) => t2s[c] !== undefined).length;
      for (const c of written) {
        if (simplifiedName || t2s[c] === undefined) for (let i = 0; i < c.length; i++) chars.add(foldBasic(c.charCodeAt(i)));
      }
    }
  }
  return chars;
}

/** Builds the full 64K folding table: basic folding, then traditional -> simplified unless the
 * traditional character is itself used by a pattern (昇 is both a traditional form of 升 and the 昇 of 昇腾). */
export function buildFoldTable(t2s: Record<string, string>, patternChars: Set<number>): Uint16Array {
  const table = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) table[c] = foldBasic(c);
  for (const [trad, simp] of Object.entries(t2s)) {
    const t = trad.charCodeAt(0);
    if (!patternChars.has(t)) table[t] = simp.charCodeAt(0);
  }
  return table;
}

/** ASCII/Latin letters and digits (after folding): the characters an English word boundary looks at. */
export function buildWordCharTable(): Uint8Array {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const f = foldBasic(c);
    if ((f >= 0x30 && f <= 0x39) || (f >= 0x61 && f <= 0x7a) || f === 0x5f || (f >= 0xc0 && f <= 0x24f && f !== 0xd7 && f !== 0xf7)) table[c] = 1;
  }
  return table;
}

export function foldString(s: string, table: Uint16Array): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)] ?? 0);
  return out;
}

/** Han ideographs (BMP): Chinese aliases match inside running Han text, with no word boundary. */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

/** Lower case, dashes as "-", Han characters through the fold table (traditional -> simplified). */
export function cueForm(s: string, foldTable: Uint16Array): string {
  const lowered = s.toLowerCase().replace(/[\u2010-\u2015]/g, "-");
  let out = "";
  let from = 0;
  for (let i = 0; i < lowered.length; i++) {
    const c = lowered.charCodeAt(i);
    if (c < 0x2e80) continue;
    const f = foldTable[c]!;
    if (f !== c) {
      out += lowered.slice(from, i) + String.fromCharCode(f);
      from = i + 1;
    }
  }
  return from === 0 ? lowered : out + lowered.slice(from);
}
