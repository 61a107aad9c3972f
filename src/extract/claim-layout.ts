// The layout of structured text around sentences: list items, table rows, "key: value" lines and the headers
// that govern them. README files, model cards, changelogs, docs pages and newsletters state uses in this
// shape ("## Supported models" over "- MiniCPM-V 2.0", "Model support (FP16 / Q8_0)" over rows of "yes /
// no", "## Deployment" over "Hardware: Atlas 800T A2"): the stage word is in the header, the subject and the
// chip in the rows. Every test looks at a bounded prefix or suffix of one sentence, so the layout of an
// article is found in one linear pass.
import type { Span } from "./types.ts";

/** A list item line ("- Qwen2.5-7B", "• 昇腾", "3) ..."). */
const LIST_ITEM = /^\s*(?:[-*•·▪◦–]|\d{1,2}[.)、])\s*/u;
/** A markdown header ("## 4. Deployment"). */
const MD_HEADER = /^\s{0,3}(#{1,6})\s/u;
/** A table row: cells split by "|" or by a run of spaces or a tab ("Yi-6B (chat)     yes / yes / yes"). */
const TABLE_ROW = /\S(?:\s*\|\s*|\t|\s{3,})\S/u;
/** A table's rule line ("|---|---|", "-----+-----"). */
const TABLE_RULE = /^[\s|:+=-]+$/u;
/** "Hardware: Atlas 800T A2", "Platform: RK3588", "硬件：昇腾910B": a short key, a colon, a value. */
const KEY_VALUE = /^\s*[\p{L}][\p{L}\p{N} /()-]{0,28}[:：]\s*\S/u;
/** A sentence that ends with a colon introduces what follows. */
const COLON_END = /[:：]\s*$/u;
/** How far a header's rows reach (sentences). */
export const ROWS_REACH = 20;
/** Bounded views of a sentence: its first and last characters are all the layout tests need. */
const HEAD = 60;

/** The layout of an article's sentences, computed per sentence on first use (most articles need only a few
 * sentences' layout: those with a stage word or a chip) and cached. */
export class Layout {
  private readonly flags: Int8Array;
  private readonly levels: Int8Array;
  constructor(private readonly text: string, private readonly sentences: Span[]) {
    this.flags = new Int8Array(sentences.length).fill(-1);
    this.levels = new Int8Array(sentences.length);
  }

  get length(): number {
    return this.sentences.length;
  }

  private static readonly LINE_START = 1;
  private static readonly LIST_ITEM = 2;
  private static readonly TABLE_ROW = 4;
  private static readonly KEY_VALUE = 8;
  private static readonly COLON_END = 16;

  private get(i: number): number {
    if (this.flags[i]! >= 0) return this.flags[i]!;
    const { text } = this;
    const s = this.sentences[i]!;
    let p = s.start - 1;
    while (p >= 0 && (text[p] === " " || text[p] === "\t")) p--;
    const lineStart = p < 0 || text[p] === "\n";
    const head = text.slice(s.start, Math.min(s.end, s.start + HEAD));
    let f = 0;
    if (lineStart) {
      f |= Layout.LINE_START;
      if (LIST_ITEM.test(head)) f |= Layout.LIST_ITEM;
      if (s.end - s.start <= 400 && (TABLE_ROW.test(text.slice(s.start, s.end)) || TABLE_RULE.test(head))) f |= Layout.TABLE_ROW;
      if (KEY_VALUE.test(head)) f |= Layout.KEY_VALUE;
      this.levels[i] = MD_HEADER.exec(head)?.[1]?.length ?? 0;
    } else {
      // A sentence that goes on in a list item's line is part of the item ("- Compatible with X; supports
      // Qwen"): walk back to the line's start (each sentence's flags are computed once).
      let k = i - 1;
      while (k >= 0 && this.flags[k]! < 0 && !this.startsLine(k)) k--;
      for (let j = Math.max(k, 0); j < i; j++) this.get(j);
      if (i > 0 && (this.flags[i - 1]! & Layout.LIST_ITEM) !== 0) f |= Layout.LIST_ITEM;
    }
    if (COLON_END.test(text.slice(Math.max(s.start, s.end - 8), s.end))) f |= Layout.COLON_END;
    this.flags[i] = f;
    return f;
  }

  private startsLine(i: number): boolean {
    const { text } = this;
    let p = this.sentences[i]!.start - 1;
    while (p >= 0 && (text[p] === " " || text[p] === "\t")) p--;
    return p < 0 || text[p] === "\n";
  }

  lineStart(i: number): boolean {
    return (this.get(i) & Layout.LINE_START) !== 0;
  }
  listItem(i: number): boolean {
    return (this.get(i) & Layout.LIST_ITEM) !== 0;
  }
  tableRow(i: number): boolean {
    return (this.get(i) & Layout.TABLE_ROW) !== 0;
  }
  keyValue(i: number): boolean {
    return (this.get(i) & Layout.KEY_VALUE) !== 0;
  }
  colonHeader(i: number): boolean {
    return (this.get(i) & Layout.COLON_END) !== 0;
  }
  /** The level of a markdown header (1-6), else 0. */
  mdLevel(i: number): number {
    this.get(i);
    return this.levels[i]!;
  }

  /** A header over rows: a markdown header, a line ending with a colon followed by list items or rows, or
   * a line followed by table rows ("Model support snapshot (FP16 / Q8_0 / Q4_0)"). */
  isRowHeader(i: number): boolean {
    // startsLine says what lineStart says without the rest of the sentence's layout: most sentences are
    // not at a line's start, and rowClaims asks this of every sentence of an article that names a chip.
    if (!this.startsLine(i)) return false;
    if (this.mdLevel(i) > 0) return true;
    const next = i + 1;
    if (next >= this.length || !this.lineStart(next)) return false;
    if (this.colonHeader(i) && (this.listItem(next) || this.tableRow(next))) return true;
    return !this.tableRow(i) && !this.listItem(i) && this.tableRow(next);
  }

  /** The rows a header governs (sentence indexes): for a markdown header, the list items, table rows and
   * "key: value" lines up to the next header of its level or above; otherwise the run of rows right under it. */
  rowsUnder(h: number): number[] {
    const rows: number[] = [];
    const level = this.mdLevel(h);
    for (let k = h + 1; k < this.length && k <= h + ROWS_REACH; k++) {
      if (!this.lineStart(k)) continue;
      const sub = this.mdLevel(k);
      if (sub > 0) {
        if (level === 0 || sub <= level) break;
        continue;
      }
      if (this.listItem(k) || this.tableRow(k) || (level > 0 && this.keyValue(k))) rows.push(k);
      else if (level === 0) break;
    }
    return rows;
  }
}

export const isTableRule = (text: string, s: Span): boolean => TABLE_RULE.test(text.slice(s.start, Math.min(s.end, s.start + HEAD)));

/** A table row whose cells only say "no" ("ChatGLM3-6B   no / no / no"): not supported. */
const CELL_NO = /(?:^|[\s|/])(?:no|✗|✘|❌|×|不支持|否|不可用)(?=$|[\s|/])/iu;
const CELL_YES = /(?:^|[\s|/])(?:yes|✓|✔|✅|√|支持|是|可用)(?=$|[\s|/])/iu;
export const rowSaysNo = (row: string): boolean => CELL_NO.test(row) && !CELL_YES.test(row);
