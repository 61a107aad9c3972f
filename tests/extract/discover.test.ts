// Organisation names found by their shape (discover.ts): suffix and "X of Y" names in English, suffix
// names cut at a 的-style boundary in Chinese; generic phrases rejected; discovered orgs never flagged.
import { describe, expect, it } from "vitest";
import { discoverOrgs } from "../../src/extract/discover.ts";
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
});
