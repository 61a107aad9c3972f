// Sentence spans over the combined text. Splits at Chinese full stops and semicolons, at English ". ! ?"
// followed by whitespace (not after a lone capital or a short abbreviation, as in "U.S." or "No. 1"), and at
// newlines. Whether a character ends a sentence depends only on its neighbours, so the splitter can visit
// just the candidate positions the matcher already found (BREAK_CHARS are automaton patterns) instead of
// every character. A sentence longer than MAX_SENTENCE (scraped pages, tables, headline lists, hostile text
// without breaks) is cut at a clause break (comma, 、, semicolon, colon, space) so that the per-sentence claim
// and indicator rules, which pair mentions and triggers within a sentence, do bounded work on each piece:
// extraction stays linear in the text.
import type { Span } from "./types.ts";

/** Every character that can end a sentence (their folded forms are matcher patterns). */
export const BREAK_CHARS = [0x0a, 0x3002, 0xff01, 0xff1f, 0xff1b, 0x3b, 0x2e, 0x21, 0x3f];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
const ABBREVIATION = /(?:^|\s)(?:[A-Z]|[A-Z]\.[A-Z]|No|Co|Inc|Mr|Dr|St|vs)$/;
/** Whether the two letters before a full stop can end an ABBREVIATION alternative: a capital last, or one of
 * No Co Mr Dr St vs (In)c. A cheap necessary test before running it ("officials." ends in "ls": no). */
const mayEndAbbreviation = (prev: number, last: number) =>
  (last >= 0x41 && last <= 0x5a) ||
  (last === 0x6f && (prev === 0x4e || prev === 0x43)) || // No Co
  (last === 0x72 && (prev === 0x4d || prev === 0x44)) || // Mr Dr
  (last === 0x74 && prev === 0x53) || // St
  (last === 0x73 && prev === 0x76) || // vs
  (last === 0x63 && prev === 0x6e); // Inc

/** Positions of break characters, ascending (a superset is fine: each position is checked again). */
export interface BreakCandidates {
  positions: Int32Array;
  length: number;
}

/** Whether the character at i ends a sentence (it depends only on its neighbours). */
function endsSentence(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 0x0a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b) return true;
  if (c !== 0x2e && c !== 0x21 && c !== 0x3f) return false;
  if (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1))) return false;
  if (c === 0x2e && i > 0 && mayEndAbbreviation(i > 1 ? text.charCodeAt(i - 2) : 0, text.charCodeAt(i - 1)) && ABBREVIATION.test(text.slice(Math.max(0, i - 4), i))) return false;
  return true;
}

/** Longer sentences are cut (normal prose sentences are well below; the longest in the dev sets is ~450). */
export const MAX_SENTENCE = 600;

/** Characters after which an over-long sentence may be cut, best first: Chinese/ASCII commas and
 * enumeration commas, colons, then any space. */
const isClauseBreak = (c: number) => c === 0x2c || c === 0xff0c || c === 0x3001 || c === 0xff1a || c === 0x3a;

/** Pushes [start, end) cut into pieces of at most `max` characters, each ending after a clause break in its
 * second half when there is one, else after a space there, else at `max` (never inside a surrogate pair).
 * Linear: each piece scans back over at most max/2 characters. */
function pushCut(text: string, start: number, end: number, max: number, out: Span[]): void {
  let s = start;
  while (end - s > max) {
    const limit = s + max;
    let cut = -1;
    let space = -1;
    for (let i = limit - 1; i >= s + (max >> 1); i--) {
      const c = text.charCodeAt(i);
      if (isClauseBreak(c)) { cut = i + 1; break; }
      if (space < 0 && isSpace(c)) space = i + 1;
    }
    if (cut < 0) cut = space >= 0 ? space : limit;
    const high = text.charCodeAt(cut - 1);
    if (high >= 0xd800 && high <= 0xdbff) cut--;
    out.push({ start: s, end: cut });
    s = cut;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
  }
  if (end > s) out.push({ start: s, end });
}

export function splitSentences(text: string, candidates?: BreakCandidates, max = MAX_SENTENCE): Span[] {
  const out: Span[] = [];
  let start = 0;
  const count = candidates ? candidates.length : text.length;
  for (let k = 0; k <= count; k++) {
    let end: number;
    if (k === count) end = text.length;
    else {
      const i = candidates ? candidates.positions[k]! : k;
      if (!endsSentence(text, i)) continue;
      end = i + 1;
    }
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (end - s > max) pushCut(text, s, end, max, out);
    else if (end > s) out.push({ start: s, end });
    start = end;
  }
  return out;
}
