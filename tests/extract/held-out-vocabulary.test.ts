// Trigger vocabulary and rule scope found missing on independently written text (the demo feeds). The
// sentences here are written for these tests, not copied from the dev set or the demo feeds.
import { describe, expect, it } from "vitest";
import { indicatorIds, rulesOf, run } from "./helpers.ts";

describe("held-out vocabulary", () => {
  it("post-training on domestic hardware is not pre-training evidence", () => {
    const x = run("Kuaishou finished post-training of its Kling model on domestic chips in March.");
    expect(rulesOf(x, "pretraining_on_domestic")).toEqual([]);
    expect(indicatorIds(run("华为表示，该模型的后训练全部在国产芯片上完成。"))).not.toContain("pretraining_on_domestic");
    expect(rulesOf(run("The lab trained its next model on domestic chips."), "pretraining_on_domestic")).toContain("pre.training_on_domestic_compute");
  });
});

describe("chip-maker capital", () => {
  it("'raised' counts only when money is raised, not output or prices", () => {
    expect(indicatorIds(run("SMIC raised wafer output at its Beijing site by a fifth."))).not.toContain("chip_policy_investment");
    expect(rulesOf(run("Cambricon is raising 4 billion yuan in a private placement."), "chip_policy_investment")).toEqual(["invest.chip_maker_capital"]);
  });
});

describe("domestic chip capability", () => {
  it("shipments, compute figures and cluster bring-ups of named domestic chips", () => {
    expect(rulesOf(run("Enflame began volume shipments of its S60 cards to telecom operators."), "domestic_chip_capability")).not.toEqual([]);
    expect(rulesOf(run("MetaX expects to ship 20,000 units of the C600 this year."), "domestic_chip_capability")).not.toEqual([]);
    expect(rulesOf(run("Cambricon says the MLU590 reaches 1.2 petaflop at FP16."), "domestic_chip_capability")).toEqual(["cap.performance_of_named_chip"]);
    expect(rulesOf(run("China Mobile brought up a cluster of 18,000 Ascend 910B chips in Hohhot."), "domestic_chip_capability")).toContain("cap.domestic_cluster_bringup");
  });
  it("a model's token output and a next-generation model are not chip milestones", () => {
    expect(indicatorIds(run("On Cambricon MLU370 cards DeepSeek-R1 reached 900 tokens per second of output."))).not.toContain("domestic_chip_capability");
    expect(indicatorIds(run("百度计划在昆仑芯P800上训练下一代文心大模型。"))).not.toContain("domestic_chip_capability");
    expect(indicatorIds(run("The foundry suspended shipments to Cambricon pending a review."))).not.toContain("domestic_chip_capability");
    expect(indicatorIds(run("Zhipu fine-tuned GLM-4.6 on a cluster of 4,000 Ascend 910B chips."))).not.toContain("domestic_chip_capability");
    expect(indicatorIds(run("The lab will move to Ascend 950DT parts once they are available in volume."))).not.toContain("domestic_chip_capability");
  });
});

describe("training migration", () => {
  it("ending the use of foreign hardware, or moving training to domestic chips (EN and ZH)", () => {
    expect(rulesOf(run("StepFun pre-trained Step 3 on Ascend 910B chips, ending its reliance on Nvidia GPUs."), "training_migration")).toContain("mig.domestic_training_and_shift_away");
    expect(indicatorIds(run("消息人士称，阶跃星辰计划把Step 3的预训练从英伟达集群迁移到昇腾910C上。"))).toContain("training_migration");
    expect(indicatorIds(run("据悉，该实验室正将大模型训练迁往国产算力平台，预训练使用昇腾910B。"))).toContain("training_migration");
  });
  it("a domestic run that was stopped or abandoned is a failed attempt", () => {
    const x = run("A first attempt to pre-train Kimi K3 on Cambricon MLU590 chips was abandoned after months of crashes, and the team returned to H800s.");
    expect(rulesOf(x, "training_migration")).toContain("mig.failed_domestic_training");
    expect(x.claims.filter((c) => !c.negated && c.chipDomestic)).toEqual([]);
  });
});

describe("export controls", () => {
  it("licences for lithography tools are a measure on a controlled item", () => {
    expect(rulesOf(run("Japan will require an export licence for Nikon's immersion lithography scanners shipped to China."), "export_controls")).toEqual(["ec.measure_on_named_item"]);
    expect(indicatorIds(run("日本要求对华出口的光刻机须申请出口许可。"))).toContain("export_controls");
  });
  it("Chinese rules that remove or bar foreign accelerators, or admit only domestic ones", () => {
    expect(rulesOf(run("Operators were told to remove existing foreign GPUs from state-run clusters by June."), "export_controls")).toEqual(["ec.china_restricts_foreign_chips"]);
    expect(rulesOf(run("The new rule bars the Nvidia H200 from government data centres."), "export_controls")).toEqual(["ec.china_restricts_foreign_chips"]);
    expect(rulesOf(run("Provincial regulators said new computing hubs may buy only domestic AI chips."), "export_controls")).toEqual(["ec.china_restricts_foreign_chips"]);
    expect(indicatorIds(run("The startup uses only domestic chips in its own lab."))).not.toContain("export_controls");
  });
});

describe("chip policy", () => {
  it("local vouchers and payments for domestic chips, and quotas set by a named ministry", () => {
    expect(rulesOf(run("The Shenzhen municipal government will pay half the rent of servers built on domestic accelerators."), "chip_policy_investment")).toEqual(["policy.steer_to_domestic_chips"]);
    expect(rulesOf(run("Hangzhou offers compute vouchers to start-ups that train on home-grown chips, the city government said."), "chip_policy_investment")).toContain("policy.steer_to_domestic_chips");
    expect(rulesOf(run("工信部提出，新建数据中心采购国产AI芯片的比例应达到七成。"), "chip_policy_investment")).toEqual(["policy.steer_to_domestic_chips"]);
    expect(indicatorIds(run("The start-up pays for rented Nvidia servers by the hour."))).toEqual([]);
  });
});

describe("on-device models tuned for domestic chips", () => {
  it("'optimised for' / 'tuned for' / 针对…优化 a domestic chip is a planned inference use", () => {
    const x = run("Alibaba shipped Qwen3-1.7B as a lightweight phone model optimized for the NPU inside the Kirin 9000S.");
    expect(indicatorIds(x)).toEqual(expect.arrayContaining(["compact_native_models", "inference_on_domestic"]));
    expect(run("面壁智能发布MiniCPM 4.1端侧模型，针对麒麟9010芯片做了深度优化。").claims.map((c) => `${c.subject}|${c.chip}|${c.stage}`)).toEqual(["MiniCPM4.1-8B|Huawei Kirin 9010|inference"]);
    expect(run("Qwen3-8B was fine-tuned for the task on Ascend 910B chips.").claims.map((c) => c.stage)).toEqual(["posttraining"]);
  });
});

describe("a chip vendor running a model on its own chip", () => {
  it("is the subject of the claim when no model is named; its name inside the chip's is not", () => {
    const x = run("Cambricon showed a lightweight speech model running on its MLU220 edge module at a trade fair.");
    expect(x.claims.map((c) => `${c.subject}|${c.chip}|${c.stage}`)).toEqual(["Cambricon|Cambricon MLU220|inference"]);
    expect(indicatorIds(x)).toEqual(expect.arrayContaining(["compact_native_models", "inference_on_domestic"]));
    expect(run("Analysts expect Huawei Ascend 910C supply to run short this year.").claims).toEqual([]);
  });
});

describe("deploying hardware", () => {
  it("putting N chips in place is not serving a model; deploying a model is", () => {
    expect(run("Doubao's team deployed 20,000 Ascend 910C chips in Ulanqab for evaluation.").claims.filter((c) => c.stage === "inference")).toEqual([]);
    expect(run("据悉，通义千问团队已部署数千张寒武纪加速卡用于测试。").claims.filter((c) => c.stage === "inference")).toEqual([]);
    expect(run("Baidu deployed ERNIE 4.5 on Kunlunxin P800 clusters.").claims.map((c) => c.stage)).toEqual(["inference"]);
    expect(run("百度已在昆仑芯P800上部署文心4.5。").claims.map((c) => c.stage)).toEqual(["inference"]);
  });
});
