// Sentence spans over the combined text. Splits at Chinese full stops and semicolons, at English ". ! ?"
// followed by whitespace (not after a lone capital or a short abbreviation, as in "U.S." or "No. 1"), and at
// newlines. One pass over char codes.
import type { Span } from "./types.ts";

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x3000;
const ABBREVIATION = /(?:^|\s)(?:[A-Z]|[A-Z]\.[A-Z]|No|Co|Inc|Mr|Dr|St|vs)$/;

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && isSpace(text.charCodeAt(s))) s++;
    if (end > s) out.push({ start: s, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x3b) push(i + 1);
    else if ((c === 0x2e || c === 0x21 || c === 0x3f) && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)))) {
      if (c === 0x2e && ABBREVIATION.test(text.slice(Math.max(0, i - 4), i))) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return out;
}
