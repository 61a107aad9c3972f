import { describe, expect, it } from "vitest";
import { claimKeys, run } from "./helpers.ts";

describe("claims", () => {
  it("pairs each stage with the chip it is said of", () => {
    const x = run("The tipster claimed that DeepSeek trained R1 on Nvidia H800 GPUs but is running inference on Huawei's Ascend 910C.");
    expect(claimKeys(x)).toEqual(["DeepSeek-R1|Huawei Ascend 910C|inference", "DeepSeek-R1|Nvidia H800|training"]);
  });

  it("reads pre-training, post-training and Chinese stage words", () => {
    expect(claimKeys(run("GLM-Image was pre-trained and then fine-tuned on Atlas 800T A2 servers."))).toEqual([
      "GLM-Image|Huawei Atlas 800T A2|posttraining",
      "GLM-Image|Huawei Atlas 800T A2|pretraining",
    ]);
    expect(claimKeys(run("TeleChat3在昇腾NPU集群上完成预训练，并在昇腾910B上部署推理。"))).toEqual([
      "TeleChat3|Huawei Ascend 910B|inference",
      "TeleChat3|Huawei Ascend|pretraining",
    ]);
  });

  it("keeps a negated use as a negated claim, not a claim", () => {
    const x = run("Alibaba uses Huawei's Ascend chips for inference rather than for training large models.");
    expect(claimKeys(x)).toEqual(["Alibaba|Huawei Ascend|inference"]);
    expect(x.claims.filter((c) => c.negated).map((c) => c.stage)).toEqual(["training"]);
    const failed = run("DeepSeek could not complete a training run of R2 on Ascend chips.");
    expect(claimKeys(failed)).toEqual([]);
    expect(failed.claims.some((c) => c.negated)).toBe(true);
  });

  it("drops hypotheticals, capability statements and compatibility", () => {
    expect(claimKeys(run("Baidu said the P800 Kunlun cluster could train DeepSeek-like models."))).toEqual([]);
    expect(claimKeys(run("TeleChat2-115B的代码仓库兼容华为昇腾Atlas 800T A2训练服务器。"))).toEqual([]);
    expect(claimKeys(run("GLM-5 is faster than DeepSeek-V3, and results are comparable to a pair of Nvidia H100 GPUs."))).toEqual([]);
  });

  it("records modality: reported, planned, achieved", () => {
    const modality = (t: string) => run(t).claims.map((c) => c.modality);
    expect(modality("ByteDance plans to train a new model on Huawei's Ascend 910B chips.")).toEqual(["planned"]);
    expect(modality("GLM-5 was reportedly trained on Ascend 910B processors.")).toEqual(["reported"]);
    expect(modality("Huawei deployed DeepSeek-R1 on Ascend 910C servers.")).toEqual(["achieved"]);
  });

  it("uses the org when no model is named, but not the chip's own vendor", () => {
    expect(claimKeys(run("Tencent had installed H20s in a facility used to train a large model."))).toEqual(["Tencent|Nvidia H20|training"]);
    expect(claimKeys(run("Huawei said MindSpeed runs RL post-training on Ascend clusters."))).toEqual([]);
  });

  it("carries the subject over to the next sentence by anaphora", () => {
    const x = run("The team ran RL training for Qwen2.5-7B and DeepSeek-R1. Every experiment ran on an Ascend super pod.");
    expect(claimKeys(x)).toEqual(["DeepSeek-R1|Huawei Ascend|posttraining", "Qwen2.5-7B|Huawei Ascend|posttraining"]);
  });

  it("keeps one claim per subject, family and stage, at the most specific chip", () => {
    const x = run("Huawei said its Ascend supernodes support the V4 series, and DeepSeek lists DeepSeek-V4 inference on the Ascend 950PR.");
    expect(claimKeys(x)).toEqual(["DeepSeek-V4|Huawei Ascend 950PR|inference"]);
  });
});
