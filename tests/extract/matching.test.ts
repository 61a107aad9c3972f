import { describe, expect, it } from "vitest";
import { names, run } from "./helpers.ts";

describe("entity matching", () => {
  it("matches English aliases on word boundaries only", () => {
    const x = run("MetaX shipped GPUs while Meta trained Llama models; the Metaverse is not Meta.");
    expect(names(x, "org")).toEqual(["Meta", "MetaX"]);
  });

  it("gives offsets into title + blank line + text, with the surface as written", () => {
    const x = run("Sales of the H20 resumed.", "Nvidia news");
    for (const e of x.entities) expect("Nvidia news\n\nSales of the H20 resumed.".slice(e.start, e.end)).toBe(e.surface);
    expect(names(x, "chip")).toEqual(["Nvidia H20"]);
  });

  it("finds Chinese names inside running Han text, with the org inside a product name", () => {
    const x = run("据悉，该模型在华为昇腾910B集群上完成训练。");
    expect(names(x, "org")).toEqual(["Huawei"]);
    expect(names(x, "chip")).toEqual(["Huawei Ascend 910B"]);
  });

  it("folds traditional characters and full-width forms", () => {
    const x = run("華為昇騰晶片與輝達的Ｈ２０相比，寒武紀也在追趕。");
    expect(names(x, "org")).toEqual(["Cambricon", "Huawei", "Nvidia"]);
    expect(names(x, "chip")).toEqual(["Huawei Ascend", "Nvidia H20"]);
  });

  it("folds traditional characters that a traditional alias elsewhere in the catalog spells (訊 of 浪潮資訊, 電 of 台積電)", () => {
    const x = run("騰訊與科大訊飛、中國電信宣布，將在昇騰叢集上部署模型。");
    expect(names(x, "org")).toEqual(["China Telecom", "Tencent", "iFlytek"]);
    expect(names(run("據報導，升騰的股價大漲。"), "chip")).toEqual([]);
  });

  it("prefers the longest match and unifies spaces and hyphens", () => {
    expect(names(run("The Ascend 910C and the GLM 4.5V model, and Qwen3 235B."), "chip")).toEqual(["Huawei Ascend 910C"]);
    expect(names(run("The Ascend 910C and the GLM 4.5V model, and Qwen3 235B."), "model")).toEqual(["GLM-4.5V", "Qwen3-235B-A22B"]);
    expect(names(run("Plural product codes: thousands of H20s."), "chip")).toEqual(["Nvidia H20"]);
  });

  it("recognises new versions of a known family and marks them discovered", () => {
    const x = run("Zhipu released GLM-6 and Huawei showed the Ascend 990, while MiniCPM-V 4.5 shipped.");
    const discovered = x.entities.filter((e) => e.discovered).map((e) => e.name).sort();
    expect(discovered).toEqual(["GLM-6", "Huawei Ascend 990"]);
    expect(names(x, "model")).toContain("MiniCPM-V 4.5");
    expect(x.entities.find((e) => e.name === "MiniCPM-V 4.5")?.discovered).toBeUndefined();
  });

  it("resolves a version-pattern find to the catalog entry when it exists", () => {
    const x = run("DeepSeek V3.2 runs on 昇腾950PR.");
    expect(names(x, "model")).toEqual(["DeepSeek-V3.2"]);
    expect(names(x, "chip")).toEqual(["Huawei Ascend 950PR"]);
    expect(x.entities.some((e) => e.discovered)).toBe(false);
  });
});

describe("ambiguous aliases", () => {
  it("needs a cue and a capital for Ascend and K2", () => {
    const climbing = run("Climbers ascend K2 by the Abruzzi Spur; the summit was crowded.");
    expect(climbing.entities).toEqual([]);
    const chips = run("Huawei said Ascend chips will power the new cluster, and Moonshot's K2 model runs on them.");
    expect(names(chips, "chip")).toEqual(["Huawei Ascend"]);
    expect(names(chips, "model")).toEqual(["Kimi K2"]);
  });

  it("rejects other senses: Apache Spark, Kimi the driver, Pangu the myth, the Kunlun mountains", () => {
    expect(run("Apache Spark 4.0 adds SQL pipe syntax to PySpark DataFrames.").entities).toEqual([]);
    expect(run("Kimi Antonelli took the podium at the Grand Prix with Mercedes.").entities).toEqual([]);
    expect(run("展览以盘古开天辟地的神话开篇，女娲补天紧随其后。").entities).toEqual([]);
    expect(run("科考队翻越昆仑山口，前往长江源区的冰川。").entities).toEqual([]);
  });

  it("accepts the same words with their cues", () => {
    expect(names(run("iFlytek said its Spark model now runs faster."), "model")).toEqual(["iFlytek Spark"]);
    expect(names(run("华为发布盘古大模型新版本。"), "model")).toEqual(["Pangu"]);
    expect(names(run("百度的昆仑芯P800集群已经点亮。"), "chip")).toEqual(["Kunlunxin P800"]);
  });

  it("keeps Kunlun Tech (an AI lab) apart from Baidu's Kunlun chips", () => {
    const x = run("Kunlun Tech, the company behind the Skywork models, released UniPic 2.0.");
    expect(names(x, "org")).toEqual(["Kunlun Tech"]);
    expect(names(x, "chip")).toEqual([]);
  });
});
