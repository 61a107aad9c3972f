// Splits text into plain and highlighted segments from character offsets. The page renders each segment as a
// text node (escaped by JSX), so markup in the text can never become markup in the page.
export interface HighlightSpan {
  start: number;
  end: number;
  /** Entity type, used as the highlight's class (org, model, chip). */
  type: string;
  /** Canonical name, shown as a tooltip. */
  name: string;
}

export interface Segment {
  text: string;
  span?: HighlightSpan;
}

/** Overlapping spans: the one starting first (longest on ties) wins; spans outside the text are clamped or dropped. */
export function highlightSegments(text: string, spans: readonly HighlightSpan[]): Segment[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), span: s });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
