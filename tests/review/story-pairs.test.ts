// Story linking measured: data/eval/story-pairs.jsonl holds every pair of articles from the two dev sets and the
// demo feeds published within seven days of each other, labelled same story or not by reading them (pairs a reader
// could argue either way are left out; data/eval/README.md lists them), and every such pair of the reports in
// data/eval/story-articles*.jsonl (several outlets and both languages per event, labelled by the event each reports).
// Each article goes through the real extractor; review/story-link.ts decides from the extracted facts alone. The
// figures are printed per language pair and per set: story-articles-2.jsonl was written after the linker was
// changed while reading story-articles.jsonl's errors, and story-articles-3.jsonl before the content links, so they are
// the held-out ones (data/eval/README.md).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { storyFacts } from "../../src/extract/story-facts.ts";
import { TITLE_SEPARATOR } from "../../src/extract/types.ts";
import { decodeFeedBytes } from "../../src/ingest/decode.ts";
import { parseFeed } from "../../src/ingest/parse.ts";
import { linkReason, sameStory, storyKeys, type StoryFacts } from "../../src/review/story-link.ts";
import { SHARED } from "../extract/labelled-set.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** Issue 12's target for both figures; met for precision. */
const TARGET = 0.95;
/** Recall measured 0.932 on all sets (data/eval/README.md), short of the target on reports that share neither a
 * figure nor a specific product with the rest of their story. This floor guards the measured level, so a regression
 * fails. */
const RECALL_FLOOR = 0.93;
/** The labelled report sets, in the order they were written. */
const STORY_SETS = [
  { file: "story-articles.jsonl", name: "story-articles" },
  { file: "story-articles-2.jsonl", name: "story-articles-2 (held out)" },
  { file: "story-articles-3.jsonl", name: "story-articles-3 (held out)" },
];

interface Pair { a: string; b: string; same: boolean; langs: string }
interface Dated { facts: StoryFacts; at: Date; title: string }
/** A report of data/eval/story-articles.jsonl: `event` names the event it reports (its label). */
interface StoryArticle { id: string; event: string; outlet: string; lang: string; published: string; title: string; text: string }

const WINDOW_MS = 7 * 86_400_000;
const readJsonl = <T>(path: string): T[] => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as T);
const storyArticles = (): (StoryArticle & { set: string })[] =>
  STORY_SETS.flatMap(({ file, name }) => readJsonl<StoryArticle>(join(ROOT, "data/eval", file)).map((r) => ({ ...r, set: name })));

async function articles(): Promise<Map<string, Dated>> {
  const out = new Map<string, Dated>();
  const add = (id: string, title: string, text: string, lang: string, published: string) => {
    const x = extract({ title, text, lang });
    out.set(id, { facts: storyFacts(x, title.length, title + TITLE_SEPARATOR + text), at: new Date(published), title });
  };
  for (const set of ["dev.jsonl", "dev2.jsonl"]) {
    for (const line of readFileSync(join(SHARED, "eval", set), "utf8").split("\n").filter(Boolean)) {
      const r = JSON.parse(line) as { id: string; title: string; text: string; lang: string; published: string };
      add(r.id, r.title, r.text, r.lang, r.published);
    }
  }
  for (const r of storyArticles()) add(r.id, r.title, r.text, r.lang, r.published);
  const index = JSON.parse(readFileSync(join(ROOT, "demo/feeds/index.json"), "utf8")) as { file: string; lang: string }[];
  for (const feed of index) {
    const parsed = await parseFeed(decodeFeedBytes(readFileSync(join(ROOT, "demo/feeds", feed.file)), null).text);
    for (const item of parsed.items) if (item.guid && item.published) add(item.guid, item.title, item.summary, feed.lang, item.published.toISOString());
  }
  return out;
}

describe("story linking on the labelled story pairs", () => {
  it("links the same story across languages with precision >= 0.95 and recall above its measured floor", async () => {
    const byId = await articles();
    const setOf = new Map(storyArticles().map((r) => [r.id, r.set]));
    /** The pair's set: the story articles' own when both are from one, else the dev sets and demo. */
    const setName = (p: Pair) => (setOf.get(p.a) !== undefined && setOf.get(p.a) === setOf.get(p.b) ? setOf.get(p.a)! : setOf.has(p.a) || setOf.has(p.b) ? "across story sets" : "dev+demo");
    const pairs = readJsonl<Pair>(join(ROOT, "data/eval/story-pairs.jsonl"));
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    // Enough positives for the figures to mean something (21 before story-articles.jsonl).
    expect(pairs.filter((p) => p.same).length).toBeGreaterThanOrEqual(60);
    const tally = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
    const errors: string[] = [];
    for (const p of pairs) {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      expect(a, p.a).toBeDefined();
      expect(b, p.b).toBeDefined();
      const linked = sameStory(a!, b!) !== null;
      // The store finds candidate stories by key: a pair the linker links must share one.
      if (linked) expect(storyKeys(a!.facts).some((k) => storyKeys(b!.facts).includes(k)), `${p.a} / ${p.b} share a key`).toBe(true);
      for (const key of [p.langs, setName(p), "all"]) {
        const t = tally.get(key) ?? { tp: 0, fp: 0, fn: 0, n: 0 };
        t.n++;
        if (linked && p.same) t.tp++;
        else if (linked) t.fp++;
        else if (p.same) t.fn++;
        tally.set(key, t);
      }
      if (linked !== p.same) errors.push(`${linked ? "FP" : "FN"} ${p.a} / ${p.b}: ${a!.title} | ${b!.title}`);
    }
    const lines = [...tally].map(([k, t]) => {
      const precision = t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp);
      const recall = t.tp / Math.max(1, t.tp + t.fn);
      return `${k}: pairs ${t.n} same ${t.tp + t.fn} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${t.tp} fp ${t.fp} fn ${t.fn})`;
    });
    console.log(`story pairs\n${lines.join("\n")}\n${errors.join("\n")}`);
    const all = tally.get("all")!;
    expect(all.tp / (all.tp + all.fp)).toBeGreaterThanOrEqual(TARGET);
    expect(all.tp / (all.tp + all.fn)).toBeGreaterThanOrEqual(RECALL_FLOOR);
    for (const langs of ["en-en", "en-zh", "zh-zh"]) expect(tally.get(langs)?.n ?? 0, langs).toBeGreaterThan(0);
  });
});

describe("data/eval/story-articles*.jsonl", () => {
  it("have their pairs in story-pairs.jsonl: every pair within seven days, same exactly when both report one event", () => {
    const list = storyArticles();
    expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
    const expected = new Map<string, boolean>();
    for (const [i, a] of list.entries()) {
      for (const b of list.slice(i + 1)) {
        if (Math.abs(Date.parse(a.published) - Date.parse(b.published)) <= WINDOW_MS) expected.set(`${a.id} ${b.id}`, a.event === b.event);
      }
    }
    const ids = new Set(list.map((r) => r.id));
    const listed = new Map(
      readJsonl<Pair>(join(ROOT, "data/eval/story-pairs.jsonl"))
        .filter((p) => ids.has(p.a) || ids.has(p.b))
        .map((p) => [`${p.a} ${p.b}`, p.same]),
    );
    expect(listed).toEqual(expected);
    // Each event is reported by at least two outlets, and most events in both languages.
    const events = new Map<string, StoryArticle[]>();
    for (const r of list) events.set(r.event, [...(events.get(r.event) ?? []), r]);
    for (const [event, reports] of events) expect(new Set(reports.map((r) => r.outlet)).size, event).toBeGreaterThanOrEqual(2);
    const bilingual = [...events.values()].filter((r) => new Set(r.map((x) => x.lang)).size === 2).length;
    expect(bilingual).toBeGreaterThan(events.size / 2);
  });
});

/** Facts whose headline carries all their indicators, unless `titleIndicators` says otherwise. */
const facts = (f: Partial<StoryFacts>): StoryFacts => ({ claims: [], indicators: [], specific: [], orgs: [], domesticOrgs: [], titleIndicators: f.indicators ?? [], ...f });

describe("linkReason", () => {
  it("links by a shared claim, by indicator and named model, and by indicator and the same Chinese organisations", () => {
    expect(linkReason(facts({ claims: ["GLM-5|Huawei Ascend|train"] }), facts({ claims: ["GLM-5|Huawei Ascend|train"] }))).toBe("claim");
    const names = { indicators: ["inference_on_domestic" as const], specific: ["GLM-4.6"] };
    expect(linkReason(facts({ ...names, orgs: ["Zhipu AI"] }), facts(names))).toBe("indicator+names");
    const orgs = { indicators: ["chip_policy_investment" as const], orgs: ["Cambricon"], domesticOrgs: ["Cambricon"] };
    expect(linkReason(facts(orgs), facts(orgs))).toBe("indicator+orgs");
    // the same organisation, but only one headline carries the indicator: another story of that organisation
    expect(linkReason(facts(orgs), facts({ ...orgs, titleIndicators: [] }))).toBeNull();
    // facts stored before titleIndicators existed count all their indicators as the headline's
    const stored: StoryFacts = { claims: [], indicators: orgs.indicators, specific: [], orgs: orgs.orgs, domesticOrgs: orgs.domesticOrgs };
    expect(linkReason(stored, facts(orgs))).toBe("indicator+orgs");
  });

  it("does not link different indicators, different models, or organisations that only overlap", () => {
    expect(linkReason(facts({ indicators: ["export_controls"], specific: ["Nvidia H20"] }), facts({ indicators: ["chip_policy_investment"], specific: ["Nvidia H20"] }))).toBeNull();
    const a = { indicators: ["inference_on_domestic" as const], orgs: ["Huawei"], domesticOrgs: ["Huawei"] };
    expect(linkReason(facts({ ...a, specific: ["DeepSeek-V4-Flash"] }), facts({ ...a, specific: ["DeepSeek-V4-Pro"] }))).toBeNull();
    expect(linkReason(facts({ indicators: ["chip_policy_investment"], domesticOrgs: ["Big Fund"] }), facts({ indicators: ["chip_policy_investment"], domesticOrgs: ["Big Fund", "CXMT"] }))).toBeNull();
  });

  it("compares products at the depth each title names them, and keeps siblings apart", () => {
    const model = (...line: string[]) => ({ type: "model" as const, line });
    const infer = { indicators: ["inference_on_domestic" as const] };
    // "Qwen" in one headline resolved (by its text) to Qwen3.5: the same product as the other's Qwen3.5
    expect(linkReason(facts({ ...infer, products: [model("Qwen3.5", "Qwen")] }), facts({ ...infer, products: [model("Qwen3.5", "Qwen")] }))).toBe("indicator+names");
    // a bare family the text does not resolve is not evidence, but no conflict either: the organisations decide
    const zhipu = { ...infer, orgs: ["Zhipu AI"], domesticOrgs: ["Zhipu AI"] };
    expect(linkReason(facts({ ...zhipu, products: [model("GLM")] }), facts({ ...zhipu, products: [model("GLM-5.1", "GLM")] }))).toBe("indicator+orgs");
    // siblings in one family are two products: LongCat-2.0 and LongCat-Flash-Thinking, whoever tells it
    const meituan = { ...infer, orgs: ["Meituan"], domesticOrgs: ["Meituan"] };
    expect(linkReason(facts({ ...meituan, products: [model("LongCat-2.0", "LongCat")] }), facts({ ...meituan, products: [model("LongCat-Flash-Thinking", "LongCat")] }))).toBeNull();
    // a launch the extractor read no indicator in joins the report of the same specific product
    const chip = { type: "chip" as const, line: ["Huawei Ascend 960", "Huawei Ascend"] };
    expect(linkReason(facts({ products: [chip], orgs: ["Huawei"] }), facts({ indicators: ["domestic_chip_capability"], products: [chip] }))).toBe("names");
    // a whole chip family in both titles names no one product
    const family = { type: "chip" as const, line: ["Huawei Ascend"] };
    expect(linkReason(facts({ products: [family] }), facts({ indicators: ["domestic_chip_capability"], products: [family] }))).toBeNull();
  });

  it("links a headline that names only who when both texts make the same claim", () => {
    const iflytek = { indicators: ["pretraining_on_domestic" as const], orgs: ["iFlytek"], domesticOrgs: ["iFlytek"] };
    const quiet = facts({ ...iflytek, titleIndicators: [], textClaims: ["iFlytek Spark|Huawei Ascend|train"] });
    const told = facts({ ...iflytek, textClaims: ["iFlytek Spark X2>iFlytek Spark|Huawei Ascend|train"] });
    expect(linkReason(quiet, told)).toBe("indicator+orgs");
    expect(linkReason(quiet, facts({ ...iflytek, textClaims: ["iFlytek Spark X2>iFlytek Spark|Huawei Ascend|post"] }))).toBeNull();
    expect(storyKeys(quiet).some((k) => storyKeys(told).includes(k))).toBe(true);
  });

  it("keeps linked articles sharing a lookup key, and stories apart beyond the window", () => {
    const a = facts({ indicators: ["chip_policy_investment"], orgs: ["Cambricon"], domesticOrgs: ["Cambricon"], specific: ["Cambricon MLU690"] });
    const b = facts({ indicators: ["chip_policy_investment", "domestic_chip_capability"], orgs: ["Cambricon"], domesticOrgs: ["Cambricon"] });
    expect(linkReason(a, b)).not.toBeNull();
    expect(storyKeys(a).some((k) => storyKeys(b).includes(k))).toBe(true);
    expect(sameStory({ facts: a, at: new Date("2026-11-01") }, { facts: b, at: new Date("2026-11-09") })).toBeNull();
  });
});

describe("linkReason by content", () => {
  // Two reports of a city's fund in two languages: no claim, no indicator, no product in either title.
  const fund = ["g:Shenzhen municipal government", "o:Shenzhen Capital Group", "q:n:20000000000", "q:n:40000000000"];
  const en = facts({ anchors: [...fund, "k:state_fund"], orgs: [], domesticOrgs: [] });
  const zh = facts({ anchors: fund });

  it("links reports that name and state the same specific things, and they share a lookup key", () => {
    expect(linkReason(en, zh)).toBe("content");
    expect(storyKeys(en).some((k) => storyKeys(zh).includes(k))).toBe(true);
    // a report stated in different words but with the same figures and measure (a policy with no names)
    const shares = ["q:%:40", "q:%:30", "q:n:10000000"];
    expect(linkReason(facts({ anchors: shares }), facts({ anchors: ["g:Shanghai municipal government", ...shares] }))).toBe("content");
    // a specific product and the same kind of happening, with no figure
    const smuggling = ["f:Nvidia", "p:Nvidia H200", "k:control_enforcement", "g:General Administration of Customs of China"];
    expect(linkReason(facts({ anchors: smuggling }), facts({ anchors: smuggling.slice(1) }))).toBe("content");
  });

  it("does not link on what is common: a foreign giant, a family, a small count, or too little of either text", () => {
    expect(linkReason(facts({ anchors: ["f:Nvidia", "y:Huawei Ascend", "q:n:3", "k:export_measure"] }), facts({ anchors: ["f:Nvidia", "y:Huawei Ascend", "q:n:3", "k:export_measure"] }))).toBeNull();
    // one shared amount among many other names and figures of a long piece
    const long = facts({ anchors: [...fund, "o:Huawei", "o:SMIC", "p:Huawei Ascend 910C", "q:n:5", "q:%:15", "q:n:2000", "q:n:300000000"] });
    expect(linkReason(long, facts({ anchors: ["o:Shenzhen Capital Group", "q:n:20000000000", "o:Cambricon", "q:n:7000", "q:%:12", "q:n:900000000"] }))).toBeNull();
    // the same names but a different figure: another fund of the same city
    expect(linkReason(zh, facts({ anchors: [...fund.slice(0, 2), "q:n:5000000000"] }))).toBeNull();
  });

  it("never links commentary, different headline products or Chinese organisations, or texts whose claims disagree", () => {
    expect(linkReason(en, { ...zh, commentary: true })).toBeNull();
    const chip = (name: string) => ({ type: "chip" as const, line: [name, "Huawei Ascend"] });
    expect(linkReason(facts({ ...en, products: [chip("Huawei Ascend 950DT")] }), facts({ ...zh, products: [chip("Huawei Ascend 910C")] }))).toBeNull();
    expect(linkReason(facts({ ...en, domesticOrgs: ["Alibaba"] }), facts({ ...zh, domesticOrgs: ["Cambricon"] }))).toBeNull();
    const claim = (stage: string) => [`ERNIE 5.0>ERNIE|Kunlunxin Kunlun|${stage}`];
    expect(linkReason(facts({ ...en, textClaims: claim("post") }), facts({ ...zh, textClaims: claim("train") }))).toBeNull();
    expect(linkReason(facts({ ...en, textClaims: claim("post") }), facts({ ...zh, textClaims: claim("post") }))).toBe("content");
  });

  it("ignores facts stored before anchors existed", () => {
    const { anchors: _, ...stored } = zh;
    expect(linkReason(en, stored)).toBeNull();
  });
});

