// Sentence spans over the combined text. Splits at Chinese full stops and semicolons, at English ". ! ?"
// followed by a space (not after a lone capital or a number, as in "U.S." or "No. 1"), and at newlines.
import type { Span } from "./types.ts";

export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    if (end > s) out.push({ start: s, end });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") push(i + 1);
    else if ("。！？；;".includes(c)) push(i + 1);
    else if ((c === "." || c === "!" || c === "?") && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) {
      const prevWord = /(?:^|\s)([A-Za-z.]{1,3})$/.exec(text.slice(Math.max(0, i - 4), i));
      if (c === "." && prevWord && /^(?:[A-Z]|[A-Z]\.[A-Z]|No|Co|Inc|Mr|Dr|St|vs)$/.test(prevWord[1]!)) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return out;
}
