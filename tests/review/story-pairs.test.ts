// Story linking measured: data/eval/story-pairs.jsonl holds every pair of articles from the two dev sets and the
// demo feeds published within seven days of each other, labelled same story or not by reading them (pairs a reader
// could argue either way are left out; data/eval/README.md lists them). Each article goes through the real
// extractor; review/story-link.ts decides from the extracted facts alone.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { storyFacts } from "../../src/extract/story-facts.ts";
import { decodeFeedBytes } from "../../src/ingest/decode.ts";
import { parseFeed } from "../../src/ingest/parse.ts";
import { linkReason, sameStory, storyKeys, type StoryFacts } from "../../src/review/story-link.ts";
import { SHARED } from "../extract/labelled-set.ts";

const ROOT = resolve(import.meta.dirname, "../..");
/** Target of issue 12 for both figures. */
const TARGET = 0.95;

interface Pair { a: string; b: string; same: boolean; langs: string }
interface Dated { facts: StoryFacts; at: Date; title: string }

async function articles(): Promise<Map<string, Dated>> {
  const out = new Map<string, Dated>();
  const add = (id: string, title: string, text: string, lang: string, published: string) => {
    const x = extract({ title, text, lang });
    out.set(id, { facts: storyFacts(x, title.length), at: new Date(published), title });
  };
  for (const set of ["dev.jsonl", "dev2.jsonl"]) {
    for (const line of readFileSync(join(SHARED, "eval", set), "utf8").split("\n").filter(Boolean)) {
      const r = JSON.parse(line) as { id: string; title: string; text: string; lang: string; published: string };
      add(r.id, r.title, r.text, r.lang, r.published);
    }
  }
  const index = JSON.parse(readFileSync(join(ROOT, "demo/feeds/index.json"), "utf8")) as { file: string; lang: string }[];
  for (const feed of index) {
    const parsed = await parseFeed(decodeFeedBytes(readFileSync(join(ROOT, "demo/feeds", feed.file)), null).text);
    for (const item of parsed.items) if (item.guid && item.published) add(item.guid, item.title, item.summary, feed.lang, item.published.toISOString());
  }
  return out;
}

describe("story linking on the labelled story pairs", () => {
  it("links the same story across languages with precision and recall >= 0.95", async () => {
    const byId = await articles();
    const pairs = readFileSync(join(ROOT, "data/eval/story-pairs.jsonl"), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Pair);
    expect(pairs.length).toBeGreaterThanOrEqual(100);
    const tally = new Map<string, { tp: number; fp: number; fn: number; n: number }>();
    const errors: string[] = [];
    for (const p of pairs) {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      expect(a, p.a).toBeDefined();
      expect(b, p.b).toBeDefined();
      const linked = sameStory(a!, b!) !== null;
      for (const key of [p.langs, "all"]) {
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
      const precision = t.tp / Math.max(1, t.tp + t.fp);
      const recall = t.tp / Math.max(1, t.tp + t.fn);
      return `${k}: pairs ${t.n} same ${t.tp + t.fn} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${t.tp} fp ${t.fp} fn ${t.fn})`;
    });
    console.log(`story pairs\n${lines.join("\n")}\n${errors.join("\n")}`);
    const all = tally.get("all")!;
    expect(all.tp / (all.tp + all.fp)).toBeGreaterThanOrEqual(TARGET);
    expect(all.tp / (all.tp + all.fn)).toBeGreaterThanOrEqual(TARGET);
    for (const langs of ["en-en", "en-zh", "zh-zh"]) expect(tally.get(langs)?.n ?? 0, langs).toBeGreaterThan(0);
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

  it("keeps linked articles sharing a lookup key, and stories apart beyond the window", () => {
    const a = facts({ indicators: ["chip_policy_investment"], orgs: ["Cambricon"], domesticOrgs: ["Cambricon"], specific: ["Cambricon MLU690"] });
    const b = facts({ indicators: ["chip_policy_investment", "domestic_chip_capability"], orgs: ["Cambricon"], domesticOrgs: ["Cambricon"] });
    expect(linkReason(a, b)).not.toBeNull();
    expect(storyKeys(a).some((k) => storyKeys(b).includes(k))).toBe(true);
    expect(sameStory({ facts: a, at: new Date("2026-11-01") }, { facts: b, at: new Date("2026-11-09") })).toBeNull();
  });
});
