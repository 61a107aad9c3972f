// Organisation names found by their shape (discover.ts): suffix and "X of Y" names in English, suffix
// names cut at a 的-style boundary in Chinese; generic phrases rejected; discovered orgs never flagged.
import { describe, expect, it } from "vitest";
import { discoverOrgs, discoverOrgsAt } from "../../src/extract/discover.ts";
import { defaultExtractor } from "../../src/extract/extract.ts";
import { AnchorHits, BreakHits, ConceptHits, DiscoveryCues, findMentions } from "../../src/extract/match.ts";
import { toJsonlRecord } from "../../src/extract/jsonl.ts";
import { run } from "./helpers.ts";

const found = (text: string) => discoverOrgs(text).map((d) => d.name);

describe("org discovery", () => {
  it("finds English suffix names and 'Ministry / University of X' names", () => {
    expect(found("Shares of Zhonghao Xinying Semiconductor rose after Acme Robotics Inc. and the Ministry of Ecology and Environment met the University of Tokyo."))
      .toEqual(["Zhonghao Xinying Semiconductor", "Acme Robotics Inc.", "Ministry of Ecology and Environment", "University of Tokyo"]);
  });

  it("finds Chinese suffix names cut at particles and verbs", () => {
    expect(found("北京某某华章科技有限公司与国家海洋局、深圳市大数据研究院合作，成都华微电子科技有限公司的芯片。"))
      .toEqual(["北京某某华章科技有限公司", "国家海洋局", "深圳市大数据研究院", "成都华微电子科技有限公司"]);
  });

  it("rejects generic phrases", () => {
    expect(found("The company said the Technology Group and Chinese Semiconductor firms and the AI Institute would comment.")).toEqual([]);
    expect(found("该公司、一家科技公司、上市公司、国内科技公司、AI芯片公司和全资子公司都表示，全部内部总部。")).toEqual([]);
  });

  it("adds discovered orgs as entities where no catalog name is, and never flags them", () => {
    const x = run("Zhonghao Xinying Semiconductor trained a model on its own accelerators, the company said.");
    expect(x.entities.filter((e) => e.discovered && e.type === "org").map((e) => e.name)).toEqual(["Zhonghao Xinying Semiconductor"]);
    expect(x.claims).toEqual([]);
    expect(x.indicators).toEqual([]);
    // A catalog name wins over the same span found by shape.
    expect(run("Cambricon Technologies shipped chips.").entities.filter((e) => e.discovered)).toEqual([]);
  });

  it("keeps discovered orgs out of extract --jsonl records (surface forms never equal gold names)", () => {
    const x = run("Zhonghao Xinying Semiconductor met Nvidia.");
    expect(toJsonlRecord("a", x).entities.map((e) => e.name)).toEqual(["Nvidia"]);
  });

  it("finds the same names looking only where the automaton saw a cue word as looking everywhere", () => {
    // Random texts from name parts, cue words (capitalised or not, inside longer words, traditional forms),
    // lower-case words (joiners or not: where the cue-driven scan may start and stop) and every kind of
    // separator: the cue-driven scan (extraction's) must equal the full one.
    const parts = ["Inc", "Inc.", "Co", "co", "Co.", "AG", "Ltd", "Group", "Ministry", "of", "Of", "the", "The", "and", "&", "Alpha", "Beta",
      "U.S.", "China's", "X-Group", "University", "Department", "Tokyo", "Commerce", "Incoming", "since", "42", "Systems", " ", ",", ".", "\n",
      "'", "-", "(", "said", "to", "a", "oF", "ab", "e.g.", "re-Group", "well-known", "ltd", "公司", "有限公司", "科技", "集团", "集團", "国家", "部", "局", "的", "北京", "华为", "研究院", "宣布"];
    const compiled = defaultExtractor().compiled;
    const cues = new DiscoveryCues();
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    let names = 0;
    for (let n = 0; n < 3000; n++) {
      let text = "";
      for (let k = 1 + Math.floor(next() * 40); k > 0; k--) text += parts[Math.floor(next() * parts.length)]! + (next() < 0.6 ? " " : "");
      if (n % 100 === 0) text = text.repeat(60); // long enough for the automaton's four-way split
      findMentions(compiled, text, new AnchorHits(), new BreakHits(), new ConceptHits(compiled.conceptCount), cues);
      const everywhere = discoverOrgs(text);
      names += everywhere.length;
      expect(discoverOrgsAt(text, cues), text).toEqual(everywhere);
    }
    expect(names).toBeGreaterThan(1000);
  });
});
