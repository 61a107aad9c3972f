// Organisation names the catalog does not know yet, found by the shape of the name: English "X Inc /
// Corp / Technologies / Semiconductor / University ...", "Ministry / Department / University of X", and
// Chinese names ending in 公司 / 集团 / 科技 / 研究院 / 大学 / 委员会 / 总局 / 部 ... cut at a 的-style
// boundary. One left-to-right pass over the text (no backtracking regex): each position is looked at a
// bounded number of times. Generic phrases ("the company", "科技公司", "该公司") are rejected.
import { isHan } from "./normalize.ts";

/** Revision of these rules, part of the ruleset version: bump it when a rule or word list changes. */
export const DISCOVERY_RULES = "discover-1";

export interface DiscoveredOrg {
  start: number;
  end: number;
  /** The name with spaces unified, as written (discovered names are not translated). */
  name: string;
}

/** Last words that make a capitalised run an organisation name. */
const EN_SUFFIXES = new Set([
  "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "ag", "gmbh", "technologies", "technology", "semiconductor",
  "semiconductors", "microelectronics", "electronics", "systems", "group", "holdings", "university", "institute",
  "laboratory", "laboratories", "labs", "academy", "ministry", "administration", "commission", "bureau", "agency",
  "computing", "robotics", "intelligence",
]);
/** First words that, followed by "of", start an organisation name ("Ministry of Commerce"). */
const EN_PREFIXES = new Set(["ministry", "department", "bureau", "office", "university", "institute", "academy", "administration", "commission"]);
/** Lower-case words allowed inside a name ("Institute of Computing Technology", "Ministry of Economy, Trade and Industry"). */
const EN_JOINERS = new Set(["of", "and", "for", "the", "&"]);
const MAX_JOINER = 3;
/** Capitalised words that do not name anything on their own: a run made only of these (plus its suffix) is generic. */
const EN_GENERIC = new Set([
  "the", "a", "an", "this", "that", "these", "its", "their", "our", "his", "her", "one", "new", "chinese", "china", "china's",
  "us", "u.s.", "american", "global", "international", "national", "state", "domestic", "foreign", "local", "first",
  "and", "of", "for", "in", "on", "at", "by", "with", "from", "as", "but", "while", "when", "if", "it", "ai",
]);
const MAX_RUN = 8;

const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;
const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x26;

interface Token {
  start: number;
  end: number;
  lower: string;
  capital: boolean;
}

/** Ends a run wherever it stands: any character that is neither part of a word nor a space (see the loop). */
const endsRun = (c: number) => !isWordChar(c) && c !== 0x20 && c !== 0x2d && c !== 0x27 && c !== 0x2e;

function discoverEnglish(text: string, out: DiscoveredOrg[], from = 0, to = text.length): void {
  // A run: capitalised tokens, possibly joined by "of/and/for/the/&"; it ends at any other token or at
  // punctuation other than a space, a hyphen or the comma of "Economy, Trade and Industry".
  // Most words are lower case outside any run: they are never sliced or lower-cased (allocation in the
  // per-word loop was most of discovery's time), and an empty run is not replaced on every such word.
  const run: Token[] = [];
  const flush = () => {
    if (run.length === 0) return;
    if (run.length >= 2) emitRun(text, run, out);
    run.length = 0;
  };
  let i = from;
  const n = to;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      // Spaces keep a run going; other characters (except "-", "'" and "." inside a word, handled below) end it.
      if (c !== 0x20) flush();
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (isWordChar(d)) j++;
      else if ((d === 0x2d || d === 0x27 || d === 0x2e) && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j += 2;
      else break;
    }
    const capital = isUpperAscii(c) || (c >= 0x30 && c <= 0x39 && run.length > 0);
    // Joiners are at most three characters long: longer lower-case words need no lower-cased copy.
    let lower = capital || (run.length > 0 && j - i <= MAX_JOINER) ? text.slice(i, j).toLowerCase() : undefined;
    if (lower !== undefined && (capital || EN_JOINERS.has(lower))) {
      if (run.length >= MAX_RUN) {
        flush();
        if (!capital) {
          i = j;
          continue;
        }
      }
      run.push({ start: i, end: j, lower, capital });
    } else flush();
    // A full stop after a word ends the sentence (and the run), except in "Inc." / "Co." / "U.S.". With no
    // run open there is nothing to end.
    if (run.length > 0 && j < n && text.charCodeAt(j) === 0x2e) {
      lower ??= text.slice(i, j).toLowerCase();
      if (!(EN_SUFFIXES.has(lower) || lower.length === 1)) flush();
    }
    i = j;
  }
  flush();
}

/** Emits the organisation names inside one capitalised run: "<name words> <suffix>" or "<prefix> of <name words>". */
function emitRun(text: string, run: Token[], out: DiscoveredOrg[]): void {
  // Trim joiners at both ends, and a leading determiner or generic adjective ("The", "China's").
  let a = 0;
  let b = run.length;
  while (a < b && (!run[a]!.capital || EN_GENERIC.has(run[a]!.lower))) a++;
  while (b > a && !run[b - 1]!.capital) b--;
  if (b - a < 2) return;
  const first = run[a]!;
  const last = run[b - 1]!;
  const named = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (run[k]!.capital && !EN_GENERIC.has(run[k]!.lower) && !EN_SUFFIXES.has(run[k]!.lower)) return true;
    return false;
  };
  let from = a;
  if (EN_PREFIXES.has(first.lower) && run[a + 1]?.lower === "of") {
    if (!named(a + 2, b)) return;
  } else if (EN_SUFFIXES.has(last.lower)) {
    // "<name words> <suffix>": only the capitalised words right before the suffix ("Shares of Cambricon
    // Technologies" names Cambricon Technologies).
    from = b - 1;
    while (from > a && run[from - 1]!.capital) from--;
    while (from < b - 1 && EN_GENERIC.has(run[from]!.lower)) from++;
    if (!named(from, b - 1)) return;
  } else return;
  const start = run[from]!.start;
  let end = last.end;
  if (end < text.length && text.charCodeAt(end) === 0x2e && (last.lower === "inc" || last.lower === "co" || last.lower === "corp" || last.lower === "ltd")) end++;
  out.push({ start, end, name: text.slice(start, end).replace(/\s+/g, " ") });
}

/** Chinese suffixes, longest first within each ending character. 部 and 局 only after a state prefix. */
const ZH_SUFFIXES = ["股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "科技", "研究院", "研究所", "实验室", "大学", "委员会", "总局", "总署", "管理局", "部", "局"];
const ZH_STATE_ONLY = new Set(["部", "局"]);
const ZH_STATE_PREFIXES = ["国家", "中国", "国务院", "中华人民共和国", "美国", "日本", "荷兰", "欧盟", "韩国"];
/** Characters that end the name on its left: particles, conjunctions, verbs of the 的 construction. */
const ZH_BOUNDARY_CHARS = [..."的和与及、在是由了对将从被把等并或也就而其该这那此它他她需"];
/** Two-character verbs and connectives that end the name on its left ("宣布成立全资子公司", "旗下"). */
const ZH_BOUNDARY_WORDS = new Set([
  "宣布", "成立", "表示", "推出", "发布", "收购", "投资", "入股", "旗下", "联合", "包括", "以及", "通过", "使用", "采用", "基于", "来自",
  "作为", "成为", "推动", "称作", "分拆", "附属", "属于", "位于", "显示", "指出", "认为", "透露", "披露", "获得", "完成", "参与", "携手", "牵头", "领投", "跟投", "注册",
]);
/** The same lists as code-unit tables for the per-character loop (no one-character strings or slices). */
const ZH_SUFFIX_END = new Uint8Array(0x10000);
for (const s of ZH_SUFFIXES) ZH_SUFFIX_END[s.charCodeAt(s.length - 1)] = 1;
const ZH_BOUNDARY = new Uint8Array(0x10000);
for (const ch of ZH_BOUNDARY_CHARS) ZH_BOUNDARY[ch.charCodeAt(0)] = 1;
const ZH_BOUNDARY_PAIRS = new Set([...ZH_BOUNDARY_WORDS].map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));
/** The second characters of those words: one table read rules out the pair lookup for most characters. */
const ZH_BOUNDARY_SECOND = new Uint8Array(0x10000);
for (const w of ZH_BOUNDARY_WORDS) ZH_BOUNDARY_SECOND[w.charCodeAt(1)] = 1;
/** Name parts that are descriptions, not names ("科技公司", "该公司", "上市公司", "子公司"). */
const ZH_GENERIC = new Set([
  "科技", "互联网", "芯片", "半导体", "人工智能", "智能", "大模型", "模型", "创业", "初创", "上市", "投资", "基金", "国有", "民营", "外资",
  "美国", "中国", "国内", "国外", "海外", "全球", "头部", "龙头", "一家", "这家", "那家", "多家", "两家", "几家", "子", "母", "分", "总",
  "控股", "合资", "独资", "全资子", "全资", "科技股份", "信息技术", "技术", "软件", "硬件", "网络", "电子", "数据", "云", "云计算", "算力",
  "相关", "有关", "主管", "监管", "该", "本", "其", "此", "某", "各", "内", "外", "全", "部分", "干", "下属", "旗下", "同", "原", "新",
  "大型", "小型", "中小", "知名", "领先", "主要", "重点", "国家", "政府", "地方", "省", "市", "区", "县",
]);
const ZH_MAX_NAME = 12;

/** The Chinese scan's state: the end of the last name found (names do not overlap). */
interface ZhState {
  lastEnd: number;
}

function discoverChinese(text: string, out: DiscoveredOrg[]): void {
  const state: ZhState = { lastEnd: -1 };
  // Most characters end no suffix: one table read rules them out (all suffixes end in a Han character).
  for (let i = 0; i < text.length; i++) if (ZH_SUFFIX_END[text.charCodeAt(i)] === 1) discoverChineseAt(text, i, state, out);
}

/** The name whose suffix ends at i, if any. */
function discoverChineseAt(text: string, i: number, state: ZhState, out: DiscoveredOrg[]): void {
  // Longest suffix ending at i (suffixes are at most 6 characters: constant work per position).
  let suffix = "";
  for (const s of ZH_SUFFIXES) {
    if (s.length > suffix.length && i + 1 >= s.length && text.charCodeAt(i) === s.charCodeAt(s.length - 1) && text.startsWith(s, i + 1 - s.length)) suffix = s;
  }
  if (!suffix) return;
  // A longer suffix continues right after ("科技" of "科技有限公司", "公司" of "公司集团"): take that one.
  if (i + 1 < text.length && startsSuffix(text, i + 1)) return;
  const suffixStart = i + 1 - suffix.length;
  let start = suffixStart;
  while (start > 0 && suffixStart - start < ZH_MAX_NAME) {
    const c = text.charCodeAt(start - 1);
    if (!isHan(c) && !isNameLatin(c)) break;
    if (ZH_BOUNDARY[c] === 1 || (start >= 2 && ZH_BOUNDARY_SECOND[c] === 1 && ZH_BOUNDARY_PAIRS.has(text.charCodeAt(start - 2) * 0x10000 + c))) break;
    start--;
  }
  if (start <= state.lastEnd) return;
  const namePart = text.slice(start, suffixStart);
  if (!zhNameOk(namePart, suffix)) return;
  out.push({ start, end: i + 1, name: text.slice(start, i + 1) });
  state.lastEnd = i + 1;
}

const isNameLatin = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
const startsSuffix = (text: string, at: number) => ZH_SUFFIXES.some((s) => s.length > 1 && text.startsWith(s, at));

function zhNameOk(namePart: string, suffix: string): boolean {
  if (namePart.length < 2 || ZH_GENERIC.has(namePart)) return false;
  // Generic heads and tails: "国内科技" / "一家芯片" / "科技公司" stay descriptions.
  for (const g of ["该", "这", "那", "一", "多", "某", "各", "本", "其", "此", "两", "几", "首", "全资"]) if (namePart.startsWith(g)) return false;
  // A description made of a generic head and a generic tail ("国内科技", "AI芯片", "AI应用").
  const head = namePart.slice(0, -2);
  if ((ZH_GENERIC.has(namePart.slice(-2)) || namePart.endsWith("应用")) && (ZH_GENERIC.has(head) || /^[A-Za-z0-9]*$/.test(head))) return false;
  if (ZH_STATE_ONLY.has(suffix)) return ZH_STATE_PREFIXES.some((p) => namePart.startsWith(p) && namePart.length > p.length);
  return true;
}

/** Every word a discovered name ends or starts with: the catalog automaton reports where they occur (folded,
 * so a superset of where they are written as the rules want), and discoverOrgsAt looks only there. */
export const DISCOVERY_CUES: readonly string[] = [...new Set([...EN_SUFFIXES, ...EN_PREFIXES, ...ZH_SUFFIXES])];

/** Where DISCOVERY_CUES occur in the text: start and end offsets per hit, ordered by end. */
export interface CueHits {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

/** Every discovered organisation name, in text order, not overlapping each other: the rules applied to
 * every position. */
export function discoverOrgs(text: string): DiscoveredOrg[] {
  const out: DiscoveredOrg[] = [];
  discoverEnglish(text, out);
  discoverChinese(text, out);
  return settle(out);
}

const isLowerAscii = (c: number) => c >= 0x61 && c <= 0x7a;

/** The end of the token discoverEnglish reads from `i` (a word character), the same way it does. */
function tokenEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (isWordChar(d)) j++;
    else if ((d === 0x2d || d === 0x27 || d === 0x2e) && j + 1 < text.length && isWordChar(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}

/** Whether a token starts at i that empties the run whatever came before: a lower-case word after a space
 * that is not a joiner ("said", "chips"; not "of" or "and", which a run may hold). discoverEnglish flushes the
 * run on such a word, so a scan started there finds what a scan from the text's start finds after it. */
function resetsRun(text: string, i: number): boolean {
  if (i === 0 || text.charCodeAt(i - 1) !== 0x20 || !isLowerAscii(text.charCodeAt(i))) return false;
  const j = tokenEnd(text, i);
  return j - i > MAX_JOINER || !EN_JOINERS.has(text.slice(i, j).toLowerCase());
}

/** The same names as discoverOrgs, looking only where a cue word occurs (most text has none, and that
 * text was discovery's whole cost). English: the run state is empty after any character that ends a run
 * (endsRun) and after a lower-case word that is not a joiner (resetsRun), so the scan runs only over the
 * stretch between two such points around each capitalised cue, each stretch once. Prose has a lower-case
 * word every few words; the comma-free stretches alone were whole paragraphs. Chinese: only positions where
 * a suffix ends can yield a name. */
export function discoverOrgsAt(text: string, cues: CueHits): DiscoveredOrg[] {
  const out: DiscoveredOrg[] = [];
  let doneUntil = 0;
  for (let k = 0; k < cues.length; k++) {
    const start = cues.starts[k]!;
    const end = cues.ends[k]!;
    // A Latin cue counts only as a whole capitalised word (a name's suffix or prefix token is one).
    if (start < doneUntil || !isUpperAscii(text.charCodeAt(start)) || (start > 0 && isWordChar(text.charCodeAt(start - 1))) || (end < text.length && isWordChar(text.charCodeAt(end)))) continue;
    // Back to the start of the nearest resetting word (scanning it only flushes an empty run) or run end.
    let from = start;
    while (from > doneUntil && !endsRun(text.charCodeAt(from - 1)) && !resetsRun(text, from)) from--;
    // On to the nearest run end or the end of the nearest resetting word (its flush emits the cue's run).
    let to = end;
    while (to < text.length && !endsRun(text.charCodeAt(to))) {
      if (resetsRun(text, to)) {
        to = tokenEnd(text, to);
        break;
      }
      to++;
    }
    discoverEnglish(text, out, from, to);
    doneUntil = to;
  }
  const state: ZhState = { lastEnd: -1 };
  let last = -1;
  for (let k = 0; k < cues.length; k++) {
    const i = cues.ends[k]! - 1;
    if (i === last || ZH_SUFFIX_END[text.charCodeAt(i)] !== 1) continue;
    discoverChineseAt(text, i, state, out);
    last = i;
  }
  return settle(out);
}

/** Text order; of overlapping names the first (longest at equal starts). */
function settle(out: DiscoveredOrg[]): DiscoveredOrg[] {
  out.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: DiscoveredOrg[] = [];
  for (const d of out) if (kept.length === 0 || d.start >= kept[kept.length - 1]!.end) kept.push(d);
  return kept;
}
