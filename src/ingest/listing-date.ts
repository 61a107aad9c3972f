// Dates as listing pages print them: anything parseFeedDate reads, relative ones ("3小时前", "2 days ago", "昨天 14:30",
// "just now") against the fetch time, a month and day without a year ("11-20", "11月20日"), and a date inside a
// longer label ("发布时间：2026-11-20 09:30"). Day-based forms are read on the feed's calendar (its zone). Inputs are
// capped at MAX_LABEL_CHARS and every pattern is a single pass without nested quantifiers.
import { parseFeedDate, readingZone, type DateReading } from "./feed-date.ts";

const MAX_LABEL_CHARS = 200;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNIT_MS: Record<string, number> = {
  秒: 1000, 秒钟: 1000, 秒鐘: 1000, 分: MINUTE, 分钟: MINUTE, 分鐘: MINUTE, 小时: HOUR, 小時: HOUR, 个小时: HOUR, 個小時: HOUR,
  天: DAY, 日: DAY, 周: 7 * DAY, 週: 7 * DAY, 星期: 7 * DAY, 个星期: 7 * DAY, 個星期: 7 * DAY, 个月: 30 * DAY, 個月: 30 * DAY, 月: 30 * DAY, 年: 365 * DAY,
  second: 1000, sec: 1000, minute: MINUTE, min: MINUTE, hour: HOUR, hr: HOUR, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY,
};

const CN_RELATIVE = /(\d{1,4}|半|一|两|兩|几|幾)\s*(秒钟|秒鐘|秒|分钟|分鐘|分|个小时|個小時|小时|小時|个星期|個星期|星期|天|日|周|週|个月|個月|月|年)\s*(?:之)?前/;
const EN_RELATIVE = /\b(\d{1,4}|an?|one)\s*(second|sec|minute|min|hour|hr|day|week|month|year)s?\.?\s+ago\b/i;
const JUST_NOW = /刚刚|剛剛|刚才|剛才|just now|moments? ago/i;
const DAY_WORD = /(今天|今日|昨天|昨日|前天|today|yesterday)(?:\s*(\d{1,2})[:：](\d{2}))?/i;
const FULL_DATE = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/;
const MONTH_DAY = /(?:^|[^\d])(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2})[:：](\d{2}))?(?![\d/-])/;

const CN_NUMBERS: Record<string, number> = { 半: 0.5, 一: 1, 两: 2, 兩: 2, 几: 3, 幾: 3 };

/** The calendar date (in `zone`) of an instant, as [year, month, day]. */
function calendarDate(at: Date, zone: string): [number, number, number] {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return [get("year"), get("month"), get("day")];
}

const pad = (n: number | string) => String(n).padStart(2, "0");

/** A wall-clock time on the feed's calendar, read by parseFeedDate (so the zone rules are in one place). */
function wallClock(year: number, month: number, day: number, hour: string | undefined, minute: string | undefined, reading: DateReading): Date | null {
  return parseFeedDate(`${year}-${pad(month)}-${pad(day)} ${pad(hour ?? "0")}:${pad(minute ?? "0")}`, reading);
}

function relative(label: string, now: Date): Date | null {
  if (JUST_NOW.test(label)) return now;
  const cn = CN_RELATIVE.exec(label);
  const en = cn ? null : EN_RELATIVE.exec(label);
  const m = cn ?? en;
  if (!m) return null;
  const count = /^\d+$/.test(m[1]!) ? Number(m[1]) : (CN_NUMBERS[m[1]!] ?? 1);
  const unit = UNIT_MS[m[2]!.toLowerCase()];
  return unit === undefined ? null : new Date(now.getTime() - count * unit);
}

function dayWord(label: string, now: Date, reading: DateReading): Date | null {
  const m = DAY_WORD.exec(label);
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const back = word === "前天" ? 2 : word === "昨天" || word === "昨日" || word === "yesterday" ? 1 : 0;
  const [y, mo, d] = calendarDate(new Date(now.getTime() - back * DAY), readingZone(reading));
  return wallClock(y, mo, d, m[2], m[3], reading);
}

function embeddedDate(label: string, reading: DateReading): Date | null {
  const m = FULL_DATE.exec(label);
  if (!m) return null;
  const time = m[4] === undefined ? "" : ` ${pad(m[4])}:${m[5]}${m[6] === undefined ? "" : `:${m[6]}`}`;
  return parseFeedDate(`${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}${time}`, reading);
}

/** "11-20", "11/20 09:30", "11月20日": this year on the feed's calendar, or last year if that is still to come. */
function monthDay(label: string, now: Date, reading: DateReading): Date | null {
  const m = MONTH_DAY.exec(label);
  if (!m) return null;
  const [year] = calendarDate(now, readingZone(reading));
  const month = Number(m[1]);
  const day = Number(m[2]);
  const thisYear = wallClock(year, month, day, m[3], m[4], reading);
  if (thisYear && thisYear.getTime() > now.getTime() + DAY) return wallClock(year - 1, month, day, m[3], m[4], reading);
  return thisYear;
}

/** The instant a listing's date label means, read at `now` (the fetch time); null when it names none. */
export function parseListingDate(label: string, reading: DateReading, now: Date): Date | null {
  const text = label.replace(/[\s\u00a0\u3000]+/g, " ").trim().slice(0, MAX_LABEL_CHARS);
  if (text === "") return null;
  return parseFeedDate(text, reading) ?? relative(text, now) ?? dayWord(text, now, reading) ?? embeddedDate(text, reading) ?? monthDay(text, now, reading);
}
