// Text as PostgreSQL can store it. Used where feed text enters the system (jobs/poll-feed.ts) and where any row is
// written in bulk (store/bulk.ts), so one bad character can neither break a page nor make a whole batch unstorable.

/**
 * PostgreSQL text holds neither NUL nor lone UTF-16 surrogates (which JSON would carry as \ud800 escapes that the
 * server rejects); a feed can contain both.
 */
export function storableText(s: string): string {
  const withoutNul = s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
  return withoutNul.isWellFormed() ? withoutNul : withoutNul.toWellFormed();
}
