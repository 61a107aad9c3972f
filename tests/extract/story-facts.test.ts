// Story facts from real extractions: names a headline gives at one depth and the text at another, names the catalog
// does not list yet, and the organisations a headline names without writing them.
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { storyFacts } from "../../src/extract/story-facts.ts";

const factsOf = (title: string, text: string, lang = "en") => storyFacts(extract({ title, text, lang }), title.length);

describe("storyFacts", () => {
  it("reads a family in the headline as the member of it the text names", () => {
    const f = factsOf("T-Head's Zhenwu takes over Qwen inference at Alibaba", "Zhenwu 810E accelerators now handle most of the inference load for Qwen3.5, the company said.");
    expect(f.products).toContainEqual({ type: "model", line: ["Qwen3.5", "Qwen"] });
    expect(f.products).toContainEqual({ type: "chip", line: ["T-Head Zhenwu 810E", "T-Head Zhenwu"] });
  });

  it("keeps a headline's model the catalog does not list yet, under its family and maker", () => {
    const f = factsOf("Baidu pre-trains ERNIE 5.1 on its own Kunlunxin chips", "Baidu said ERNIE 5.1 was pre-trained on a cluster of 30,000 Kunlunxin P800 chips.");
    expect(f.specific).toContain("ERNIE 5.1");
    expect(f.products).toContainEqual({ type: "model", line: ["ERNIE 5.1", "ERNIE"] });
    expect(f.claims).toContain("ERNIE 5.1|Kunlunxin Kunlun|train");
  });

  it("counts the maker of a named model and the parent of a named unit among the headline's organisations", () => {
    expect(factsOf("昆仑芯登陆科创板 募资90亿元", "百度旗下AI芯片企业昆仑芯22日在上交所科创板挂牌上市。", "zh").domesticOrgs).toEqual(["Baidu", "Kunlunxin"]);
    expect(factsOf("GLM-5.1 goes live on a domestic cloud", "GLM-5.1 is now served on MLU590 clusters.").orgs).toContain("Zhipu AI");
  });

  it("records every affirmed claim of the text with its subject's families", () => {
    const f = factsOf("Hefei's iFlytek claims a first", "The company says Spark X2 was pre-trained on Huawei Ascend 910C chips.");
    expect(f.textClaims?.some((c) => c.endsWith("|Huawei Ascend|train") && c.includes("iFlytek Spark"))).toBe(true);
  });
});
