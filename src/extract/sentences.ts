// Sentence spans over the combined text. Splits at Chinese full stops and semicolons, at English ". ! ?"
// followed by whitespace (not after a lone capital or a short abbreviation, as in "U.S." or "No. 1"), and at
// newlines. Whether a character ends a sentence depends only on its neighbours, so the splitter can visit
// just the candidate positions the matcher already found (BREAK_CHARS are automaton patterns) instead of
// every character.
import type { Span } from "./types.ts";

/** Every character that can end a sentence (their folded forms are matcher patterns). */
export const BREAK_CHARS = [0x0a, 0x3002, 0xff01, 0xff1f, 0xff1b, 0x3b, 0x2e, 0x21, 0x3f];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
const ABBREVIATION = /(?:^|\s)(?:[A-Z]|[A-Z]\.[A-Z]|No|Co|Inc|Mr|Dr|St|vs)$/;
/** The last letters ABBREVIATION can end with: a cheap test before running it. */
const mayEndAbbreviation = (c: number) => (c >= 0x41 && c <= 0x5a) || c === 0x6f || c === 0x63 || c === 0x72 || c === 0x74 || c === 0x73;

/** Positions of break characters, ascending (a superset is fine: each position is checked again). */
export interface BreakCandidates {
  positions: Int32Array;
  length: number;
}

export function splitSentences(text: string, candidates?: BreakCandidates): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (end > s) out.push({ start: s, end });
    start = end;
  };
  const visit = (i: number) => {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b) push(i + 1);
    else if ((c === 0x2e || c === 0x21 || c === 0x3f) && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)))) {
      if (c === 0x2e && i > 0 && mayEndAbbreviation(text.charCodeAt(i - 1)) && ABBREVIATION.test(text.slice(Math.max(0, i - 4), i))) return;
      push(i + 1);
    }
  };
  if (candidates) for (let k = 0; k < candidates.length; k++) visit(candidates.positions[k]!);
  else for (let i = 0; i < text.length; i++) visit(i);
  push(text.length);
  return out;
}
