// Story facts from real extractions: names a headline gives at one depth and the text at another, names the catalog
// does not list yet, and the organisations a headline names without writing them.
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { storyFacts } from "../../src/extract/story-facts.ts";
import { TITLE_SEPARATOR } from "../../src/extract/types.ts";

const factsOf = (title: string, text: string, lang = "en") => storyFacts(extract({ title, text, lang }), title.length, title + TITLE_SEPARATOR + text);

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

  it("anchors what the whole text names and states, the same in both languages", () => {
    const en = factsOf("Shenzhen sets up 20 billion yuan fund for AI chip design", "The Shenzhen municipal government set up the fund, managed by Shenzhen Capital Group, to draw 40 billion yuan more.");
    const zh = factsOf("深圳设立200亿元人工智能芯片产业基金", "深圳市政府宣布设立规模200亿元的基金，由深创投管理，力争撬动社会资本400亿元。", "zh");
    for (const anchor of ["g:Shenzhen municipal government", "o:Shenzhen Capital Group", "q:n:20000000000", "q:n:40000000000"]) {
      expect(en.anchors).toContain(anchor);
      expect(zh.anchors).toContain(anchor);
    }
    // figures in the order stated: the headline's first
    expect(en.anchors?.filter((a) => a.startsWith("q:"))).toEqual(["q:n:20000000000", "q:n:40000000000"]);
  });

  it("tells specific products from families and foreign organisations from Chinese ones, and reads no figure inside a name", () => {
    const f = factsOf("Huawei details Ascend 960", "Nvidia's H20 and the Ascend family: the Ascend 960 doubles the 950's throughput, Huawei said, and smuggled parts are a concern.");
    expect(f.anchors).toEqual(expect.arrayContaining(["o:Huawei", "p:Huawei Ascend 960", "f:Nvidia", "p:Nvidia H20", "y:Huawei Ascend", "q:x:2", "k:control_enforcement"]));
    expect(f.anchors?.some((a) => a === "q:n:960" || a === "q:n:20")).toBe(false);
  });

  it("marks commentary headlines", () => {
    expect(factsOf("Explainer: what a 40% yield means for Huawei", "Text.").commentary).toBe(true);
    expect(factsOf("Can Huawei out-build a chip gap it cannot out-shrink?", "Text.").commentary).toBe(true);
    expect(factsOf("【讨论】国产卡推理到底行不行", "正文。", "zh").commentary).toBe(true);
    expect(factsOf("对标H100？摩尔线程S6000参数揭晓", "正文。", "zh").commentary).toBe(false);
  });
});

