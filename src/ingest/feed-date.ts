// Dates as feeds write them: RFC 822 in English and other languages (with or without weekday, numeric or named
// zones, 12-hour clocks), ISO 8601 / W3C-DTF, and the "YYYY-MM-DD hh:mm:ss", "YYYY/MM/DD hh:mm" and
// "YYYY年MM月DD日 hh:mm" that Chinese sites emit. Never reads the process time zone: a timestamp without a zone is
// wall-clock time in the feed's zone (its configured IANA zone; else China Standard Time for a Chinese feed; else
// UTC). Inputs are short strings (capped at MAX_DATE_CHARS), scanned once.

/** How to read the zone-less and ambiguous parts of one feed's dates. */
export interface DateReading {
  /** IANA zone for timestamps that carry none; default UTC. */
  timeZone?: string;
  /** The feed is Chinese: "CST" is China Standard Time (UTC+8), not US Central. */
  chinese?: boolean;
}

const MIN_YEAR = 1970;
const MAX_YEAR = 2200;
const MAX_DATE_CHARS = 100;
export const CHINA_TIME_ZONE = "Asia/Shanghai";

/** Zone abbreviations feeds use, in minutes east of UTC. CST is US Central unless the feed is Chinese. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nst: -210, ndt: -150,
  bst: 60, cet: 60, cest: 120, met: 60, mest: 120, eet: 120, eest: 180, west: 60, msk: 180,
  ist: 330, pkt: 300, ict: 420, wib: 420,
  hkt: 480, sgt: 480, awst: 480, pht: 480, myt: 480, jst: 540, kst: 540,
  acst: 570, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};
const CHINA_CST_MINUTES = 480;

/** Month names and abbreviations (English, Italian, Portuguese, Spanish, French, German, Dutch) by prefix. */
const MONTHS: Record<string, number> = {
  jan: 1, gen: 1, ene: 1, janv: 1, jän: 1,
  feb: 2, fev: 2, fév: 2, févr: 2,
  mar: 3, mär: 3, mrz: 3, maa: 3,
  apr: 4, abr: 4, avr: 4,
  may: 5, mag: 5, mai: 5, mei: 5,
  jun: 6, giu: 6, juin: 6,
  jul: 7, lug: 7, juil: 7,
  aug: 8, ago: 8, aoû: 8, aou: 8,
  sep: 9, set: 9, sept: 9,
  oct: 10, ott: 10, out: 10, okt: 10,
  nov: 11,
  dec: 12, dic: 12, dez: 12, déc: 12,
};

function monthOf(word: string): number | null {
  return MONTHS[word.slice(0, 4)] ?? MONTHS[word.slice(0, 3)] ?? null;
}

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC; null when the text names no zone. */
  offset: number | null;
}

const ISO =
  /^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2}))?|(\d{2})(\d{2}))?(?:(?:[T\s]\s*)(\d{1,2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,9}))?)?)?)?\s*(z|utc|gmt|ut|[+-]\d{1,2}(?::?\d{2})?|[a-z]{2,5})?$/i;
const CN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(上午|下午)?\s*(?:(\d{1,2})\s*[:：时]\s*(\d{2})(?:\s*[:：分]\s*(\d{2})\s*秒?)?)?$/;

function numericOffset(text: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return minutes > 14 * 60 ? null : (m[1] === "-" ? -minutes : minutes);
}

/** Zone text -> minutes east of UTC; undefined when it is not a zone we know. */
function zoneOffset(text: string, reading: DateReading): number | undefined {
  const numeric = numericOffset(text);
  if (numeric !== null) return numeric;
  const name = text.toLowerCase();
  if (name === "cst" && reading.chinese) return CHINA_CST_MINUTES;
  return ZONES[name];
}

function fromIso(s: string, reading: DateReading): Fields | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const zone = m[11];
  const offset = zone === undefined ? null : zoneOffset(zone, reading);
  if (offset === undefined) return null;
  const fraction = m[10] ?? "0";
  return {
    year: Number(m[1]),
    month: Number(m[3] ?? m[5] ?? 1),
    day: Number(m[4] ?? m[6] ?? 1),
    hour: Number(m[7] ?? 0),
    minute: Number(m[8] ?? 0),
    second: Number(m[9] ?? 0),
    ms: Math.round(Number(`0.${fraction}`) * 1000),
    offset,
  };
}

function fromChinese(s: string): Fields | null {
  const m = CN.exec(s);
  if (!m) return null;
  let hour = Number(m[5] ?? 0);
  if (m[4] === "下午" && hour < 12) hour += 12;
  if (m[4] === "上午" && hour === 12) hour = 0;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour, minute: Number(m[6] ?? 0), second: Number(m[7] ?? 0), ms: 0, offset: null };
}

// Words (letters in any script, with an optional trailing dot), clock times, numeric zones, numbers, and
// day/month/year with slashes.
const TOKEN = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|([+-]\d{2}:?\d{2})\b|(\d{1,2})\/(\d{1,2})\/(\d{4})|(\d+)|(\p{L}+)/gu;

/** RFC 822 and its relatives, in any order: "Mon, 2 Jan 2006 3:04 PM PST", "Lun, 02 Gen 2006 15:04 +0100". */
function fromWords(s: string, reading: DateReading): Fields | null {
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let time: [number, number, number] | null = null;
  let meridiem: "am" | "pm" | null = null;
  let offset: number | null = null;
  const numbers: string[] = [];
  for (const m of s.replace(/\([^)]*\)/g, " ").matchAll(TOKEN)) {
    if (m[1] !== undefined) {
      if (time) return null;
      time = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
    } else if (m[4] !== undefined) {
      // "GMT+0800": the number wins over the name before it.
      offset = numericOffset(m[4]);
      if (offset === null) return null;
    } else if (m[5] !== undefined) {
      // Slashed numeric dates are month/day/year, as JavaScript and US feeds write them.
      [month, day, year] = [Number(m[5]), Number(m[6]), Number(m[7])];
    } else if (m[8] !== undefined) {
      numbers.push(m[8]);
    } else {
      const word = m[9]!.toLowerCase();
      const asMonth = monthOf(word);
      const asZone: number | undefined = time !== null && offset === null ? zoneOffset(word, reading) : undefined;
      if (word === "am" || word === "pm") meridiem = word === "am" ? "am" : "pm";
      else if (asZone !== undefined) offset = asZone;
      // The last month-like word: a leading "Mar," is Spanish/Italian Tuesday, the month comes after it.
      else if (asMonth !== null && word.length <= 9) month = asMonth;
      // A zone name we do not know: guessing would put the item hours off.
      else if (time !== null && offset === null && /^[A-Z]{2,5}$/.test(m[9]!)) return null;
      // Anything else is a weekday or filler ("Lun", "Thursday", "de"): ignored.
    }
  }
  for (const n of numbers) {
    if (n.length === 4 && year === null) year = Number(n);
    else if (n.length <= 2 && day === null) day = Number(n);
    else if (n.length <= 2 && year === null) year = Number(n) + (Number(n) < 50 ? 2000 : 1900);
    else return null;
  }
  if (year === null || month === null || day === null) return null;
  const [clockHour, minute, second] = time ?? [0, 0, 0];
  let hour = clockHour;
  if (meridiem !== null) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  return { year, month, day, hour, minute, second, ms: 0, offset };
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 64;

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC of `timeZone` at instant `ms` (Intl knows the zone's rules; the process TZ is unused). */
function zoneOffsetAt(ms: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The zone a zone-less time is read in: the configured one, else China Standard Time for a Chinese feed, else UTC. */
export function readingZone(reading: DateReading): string {
  return reading.timeZone ?? (reading.chinese ? CHINA_TIME_ZONE : "UTC");
}

/** True when `timeZone` is an IANA name this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant of a wall-clock time (given as if it were UTC) in `timeZone`. */
function wallClockToInstant(wall: number, timeZone: string): number {
  if (timeZone === "UTC") return wall;
  const first = wall - zoneOffsetAt(wall, timeZone) * 60_000;
  return wall - zoneOffsetAt(first, timeZone) * 60_000;
}

function toDate(f: Fields, reading: DateReading): Date | null {
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > 31 || f.hour > 24 || f.minute > 59 || f.second > 60) return null;
  if (f.year < MIN_YEAR || f.year > MAX_YEAR) return null;
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, Math.min(f.second, 59), f.ms);
  // 31 April is not a date (Date.UTC would roll it over to 1 May).
  if (new Date(wall).getUTCDate() !== f.day && f.hour < 24) return null;
  const zone = readingZone(reading);
  const ms = f.offset !== null ? wall - f.offset * 60_000 : wallClockToInstant(wall, zone);
  return new Date(ms);
}

function plausible(date: Date | null): Date | null {
  if (date === null || Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR ? date : null;
}

export function parseFeedDate(value: unknown, reading: DateReading = {}): Date | null {
  if (value instanceof Date) return plausible(value);
  if (typeof value !== "string") return null;
  const s = value.trim();
  if (s === "" || s.length > MAX_DATE_CHARS) return null;
  const fields = fromIso(s, reading) ?? fromChinese(s) ?? fromWords(s, reading);
  return fields === null ? null : plausible(toDate(fields, reading));
}
