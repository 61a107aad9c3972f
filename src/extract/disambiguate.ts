// Ambiguous aliases (Ascend, Kunlun, Pangu, Spark, Kimi, K2, 盘古, 昆仑 ...) count only when the article
// confirms them: an unambiguous mention of a related entity anywhere (its maker, family or a sibling
// product), or one of its cue words nearby; an anti-cue nearby (summit, myth, Apache ...) always vetoes.
import type { CatalogEntity } from "./compile.ts";
import { cueForm } from "./normalize.ts";

const CUE_WINDOW = 250;
const ANTI_CUE_WINDOW = 150;

/** An article's text as cue words see it: lower case, dashes as "-", traditional Han characters as
 * simplified (cue words are compiled the same way, see cueForm). Lowered once per article, on first use,
 * instead of once per window; when lowering changes the length (rare: "İ"), offsets would no longer line
 * up, so windows are lowered one by one as before. */
export class CueText {
  private lowered?: string;
  constructor(readonly text: string, private readonly foldTable: Uint16Array) {}
  window(start: number, end: number): string {
    this.lowered ??= cueForm(this.text, this.foldTable);
    if (this.lowered.length === this.text.length) return this.lowered.slice(start, end);
    return cueForm(this.text.slice(start, end), this.foldTable);
  }
}

/** The text around [start, end), `w` characters either side, as cue words see it. */
const around = (cues: CueText, start: number, end: number, w: number): string => cues.window(Math.max(0, start - w), Math.min(cues.text.length, end + w));

/** An anti-cue of the entity near the alias ("summit" near "Ascend"): it vetoes the alias whatever else holds. */
export function antiCueNearby(cues: CueText, e: CatalogEntity, start: number, end: number): boolean {
  if (e.antiCues.length === 0) return false;
  const antiWindow = around(cues, start, end, ANTI_CUE_WINDOW);
  return e.antiCues.some((a) => containsWord(antiWindow, a));
}

/** A cue word of the entity near the alias; the alias itself does not count as its own cue ("Kimi" is a cue
 * for K2, not for Kimi). */
export function cueNearby(cues: CueText, e: CatalogEntity, start: number, end: number): boolean {
  const window = around(cues, start, end, CUE_WINDOW);
  const surface = cues.text.slice(start, end).toLowerCase();
  return e.cues.some((c) => c !== surface && containsWord(window, c));
}

/** Whether a related entity (maker, family, sibling product) is already confirmed in the article. */
export function relatedConfirmed(e: CatalogEntity, confirmedIds: Set<number>): boolean {
  for (const r of e.related) if (confirmedIds.has(r)) return true;
  return false;
}

const isWord = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/** Substring search with a word boundary at Latin edges ("ai" must not match inside "said"; a cue may
 * still be a prefix of a longer word: "licen" matches "licence"). Han cues need no boundary. */
export function containsWord(haystack: string, needle: string): boolean {
  const leftEdge = isWord(needle.charCodeAt(0));
  let from = 0;
  for (;;) {
    const i = haystack.indexOf(needle, from);
    if (i < 0) return false;
    if (!leftEdge || i === 0 || !isWord(haystack.charCodeAt(i - 1))) {
      const j = i + needle.length;
      const short = needle.length <= 3;
      if (!short || j >= haystack.length || !isWord(haystack.charCodeAt(j)) || !isWord(needle.charCodeAt(needle.length - 1))) return true;
    }
    from = i + 1;
  }
}
