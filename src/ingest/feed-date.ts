// Dates as feeds write them: RFC 822 (with or without weekday, named zones), ISO 8601 (with or without a zone),
// and the "YYYY-MM-DD hh:mm:ss" that many Chinese sites emit. Zone-less times are read as UTC so the result does
// not depend on the server's time zone.

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

const NAIVE_ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/;

function fromParts(m: RegExpExecArray): Date {
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

function plausible(date: Date): Date | null {
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR ? date : null;
}

export function parseFeedDate(value: unknown): Date | null {
  if (value instanceof Date) return plausible(value);
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (s === "") return null;
  const naive = NAIVE_ISO.exec(s) ?? CN_DATE.exec(s);
  if (naive) return plausible(fromParts(naive));
  // "UT" is RFC 822 for UTC; V8 knows GMT/UTC/Z and the US zones.
  return plausible(new Date(s.replace(/\bUT\b/, "UTC")));
}
