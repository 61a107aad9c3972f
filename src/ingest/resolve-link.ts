// Relative links in feeds: resolved against the first usable base (xml:base, feed link, document URL).

/** Absolute form of `link` against the first base that makes it absolute; `link` unchanged if none does. */
export function resolveLink(link: string, ...bases: (string | null | undefined)[]): string {
  const trimmed = link.trim();
  // Already absolute: keep it exactly as the feed wrote it (canonicalisation happens later).
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  for (const base of bases) {
    if (base === null || base === undefined) continue;
    try {
      return new URL(trimmed, base).toString();
    } catch {
      // try the next base
    }
  }
  return trimmed;
}
