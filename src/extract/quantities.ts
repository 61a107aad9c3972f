// The figures an article states, written the same way whatever its language: "20 billion yuan" and "200亿元" are
// both n:2e10, "70 percent", "70%" and "七成" are %:70, "fivefold" and "五倍" are x:5, "September 1" and "9月1日" are
// d:9-1. Story linking compares them (story-facts.ts): two reports of one event repeat its figures, two stories
// about one company in one week rarely share any. Currencies are dropped ("$7.5 billion" is "75亿美元"), and so
// are years, days of the month alone ("29日", "on Friday") and numbers too vague to compare ("百亿级").
// Every pattern is a plain left-to-right scan without nested quantifiers, so hostile text costs linear time.

/** A stated figure: `kind:value`, kind n (amount or count), % (percentage), x (multiple), d (month-day), or a unit. */
export type Quantity = string;

const EN_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, a: 1,
};
const EN_MAGNITUDE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const EN_MULTIPLE: Record<string, number> = { double: 2, doubles: 2, doubled: 2, triple: 3, triples: 3, tripled: 3, quadruple: 4, quadruples: 4, quadrupled: 4 };
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

const EN_NUMBER = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|${Object.keys(EN_WORDS).filter((w) => w !== "a").join("|")}|a(?=[ -](?:thousand|million|billion|trillion))`;
const EN_FIGURE = new RegExp(
  `(?<![\\w.,\\-/])(${EN_NUMBER})(?:[ -](thousand|million|billion|trillion)\\b|(bn|mn|tn|[kmb])\\b)?(?:(%| ?percent\\b| ?per cent\\b| ?pct\\b)|(-?fold\\b| times\\b)|(?: ?(gb|tb|nm)\\b))?(?!\\w|\\.\\d)`,
  "gi",
);
const EN_DATE = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?\b(?!,? ?\d{3})|\b(\d{1,2})(?:st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/gi;
const EN_MULTIPLE_VERB = /\b(doubles?|doubled|triples?|tripled|quadruples?|quadrupled)\b/gi;

const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A Chinese-numeral figure counts only before a magnitude, a multiple, a share or a measure word: bare 一 and 三
 * are parts of words (统一, 三季报). */
const ZH_FIGURE =
  /(?<![\w.\-/])(百分之)?(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)(万亿|万|亿)?(%|％|倍|成(?!本|员|为|立|功|果|交|熟|都)|个百分点|(?:美元|港元|欧元|日元|元)|家|名|款|类|张|片|台|卡|颗|枚|个|项|亿|GB|TB|nm|纳米)?(级|多|余)?/g;
const ZH_DATE = /(\d{1,2})月(\d{1,2})[日号]/g;
/** "万卡集群" is a cluster of ten thousand cards, written without a numeral ("a 10,000-chip cluster"). */
const ZH_BARE_WAN = /(?<![零〇一二两三四五六七八九十百千\d.])万(?=卡|颗|台|片|张)/g;

/** A Chinese numeral below ten thousand ("十二", "两千五百", "百") as a number, or NaN; 万 and 亿 are read as magnitudes. */
function zhNumeral(s: string): number {
  let value = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in ZH_DIGITS) digit = ZH_DIGITS[ch]!;
    else if (ch in ZH_UNITS) {
      // "十二" and "百亿": a unit without a digit before it counts one of itself.
      value += (digit || (value === 0 ? 1 : 0)) * ZH_UNITS[ch]!;
      digit = 0;
    } else return NaN;
  }
  return value + digit;
}

const canonical = (v: number): string => String(Number(v.toPrecision(4)));
/** Years standing alone ("in 2027", "2026年") are dates of the calendar, not figures of the story. */
const yearLike = (v: number, raw: string): boolean => Number.isInteger(v) && v >= 1900 && v <= 2100 && /^\d{4}$/.test(raw);

/** The figures stated in a text, each once, in the order they are first stated (a report's key figures come first). */
export function quantities(text: string): Quantity[] {
  const found: { at: number; q: Quantity }[] = [];
  const add = (at: number, q: Quantity) => found.push({ at, q });
  // Characters already read as a date or a Chinese figure: the English pattern must not read them again.
  const taken = new Uint8Array(text.length);
  const take = (m: RegExpMatchArray) => taken.fill(1, m.index, m.index! + m[0].length);
  const free = (m: RegExpMatchArray) => !taken.subarray(m.index, m.index! + m[0].length).includes(1);
  for (const m of text.matchAll(EN_DATE)) {
    const day = Number(m[2] ?? m[3]);
    if (day >= 1 && day <= 31) add(m.index, `d:${MONTHS.indexOf((m[1] ?? m[4]!).toLowerCase()) + 1}-${day}`);
    take(m);
  }
  for (const m of text.matchAll(ZH_DATE)) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) add(m.index, `d:${month}-${day}`);
    take(m);
  }
  for (const m of text.matchAll(ZH_FIGURE)) {
    const [, percentOf, raw, magnitude, tail, vague] = m;
    // A bare numeral is part of a word (统一, 三季报) or a date (2026年, 29日) unless a magnitude or a measure follows;
    // bare Arabic figures are read by the English pattern.
    if (vague || (!magnitude && !tail && !percentOf) || !free(m)) continue;
    take(m);
    let v = /^\d/.test(raw!) ? Number(raw) : zhNumeral(raw!);
    if (!Number.isFinite(v)) continue;
    if (magnitude) v *= magnitude === "万亿" ? 1e12 : magnitude === "亿" ? 1e8 : 1e4;
    if (tail === "亿") v *= 1e8;
    if (percentOf || tail === "%" || tail === "％" || tail === "个百分点") add(m.index, `%:${canonical(v)}`);
    else if (tail === "成") add(m.index, `%:${canonical(v * 10)}`);
    else if (tail === "倍") add(m.index, `x:${canonical(v)}`);
    else if (tail === "GB" || tail === "TB" || tail === "nm" || tail === "纳米") add(m.index, `${tail === "纳米" ? "nm" : tail.toLowerCase()}:${canonical(v)}`);
    else if (v > 1 || magnitude) add(m.index, `n:${canonical(v)}`);
  }
  for (const m of text.matchAll(ZH_BARE_WAN)) add(m.index, "n:10000");
  for (const m of text.matchAll(EN_FIGURE)) {
    // A bare figure against Chinese text is part of a name (思元590) or a date (29日); "200亿元" was read above.
    const end = m.index + m[0].length;
    if (!free(m) || /[\u3400-\u9fff]/.test(text.charAt(end)) || /[\u3400-\u9fff]/.test(text.charAt(m.index - 1))) continue;
    const [, raw, word, short, pct, times, unit] = m;
    const lower = raw!.toLowerCase();
    let v = lower in EN_WORDS ? EN_WORDS[lower]! : Number(lower.replace(/,/g, ""));
    const magnitude = (word ?? short)?.toLowerCase();
    // "5m" is five million only after a currency sign; elsewhere m, k and b are other things (5m tall, 4k video, 7B).
    if (short && !/[$¥€£]\s?$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    if (magnitude) v *= EN_MAGNITUDE[magnitude]!;
    if (!Number.isFinite(v)) continue;
    if (pct) add(m.index, `%:${canonical(v)}`);
    else if (times) add(m.index, `x:${canonical(v)}`);
    else if (unit) add(m.index, `${unit.toLowerCase()}:${canonical(v)}`);
    else if (!magnitude && yearLike(v, raw!)) continue;
    else if (v > 1 || magnitude) add(m.index, `n:${canonical(v)}`);
  }
  for (const m of text.matchAll(EN_MULTIPLE_VERB)) add(m.index, `x:${EN_MULTIPLE[m[1]!.toLowerCase()]!}`);
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.q))];
}
