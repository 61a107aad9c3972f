import { describe, expect, it } from "vitest";
import { indicatorIds, rulesOf, run } from "./helpers.ts";

describe("indicator rules", () => {
  it("pretraining_on_domestic: a domestic pre-training claim, or training on unnamed domestic chips", () => {
    expect(rulesOf(run("Pangu Ultra MoE was pre-trained on Ascend NPUs."), "pretraining_on_domestic")).toContain("pre.claim_domestic_pretraining");
    expect(rulesOf(run("Ant Group trained its models on domestic processors, people said."), "pretraining_on_domestic")).toEqual(["pre.training_on_domestic_compute"]);
    expect(indicatorIds(run("The cluster shows that Chinese chips can pre-train large models."))).not.toContain("pretraining_on_domestic");
  });

  it("training_migration: a failed domestic run, or domestic training with a move off Nvidia", () => {
    const failed = run("DeepSeek failed to complete a training run of R2 on Ascend chips and went back to Nvidia.", "DeepSeek's R2 falters");
    expect(rulesOf(failed, "training_migration")).toContain("mig.failed_domestic_training");
    const moving = run("GLM-5 was trained on Ascend 910B chips. Analysts said the lab is moving training off Nvidia hardware.");
    expect(rulesOf(moving, "training_migration")).toContain("mig.domestic_training_and_shift_away");
    expect(indicatorIds(run("Alibaba uses Ascend chips for inference rather than for training."))).not.toContain("training_migration");
  });

  it("posttraining_on_domestic and inference_on_domestic from claims; foreign chips give none", () => {
    expect(indicatorIds(run("DeepSeek-V4-Pro was post-trained on 1,000 Ascend 910C chips."))).toContain("posttraining_on_domestic");
    expect(indicatorIds(run("Zhipu serves GLM-4.6 on Cambricon chips."))).toContain("inference_on_domestic");
    expect(indicatorIds(run("Moonshot trained Kimi K2 on Nvidia H800 GPUs."))).toEqual([]);
    expect(rulesOf(run("Some domestic chips already handle inference for smaller models."), "inference_on_domestic")).toEqual(["inf.inference_on_domestic_compute"]);
  });

  it("compact_native_models needs domestic hardware or an own on-device framework", () => {
    expect(indicatorIds(run("openPangu-Embedded-1B is a small model designed to run on the Atlas 200I A2 edge module."))).toContain("compact_native_models");
    expect(rulesOf(run("MiniCPM 4.0 targets on-device use. ModelBest open-sourced its own inference engine and deployment framework."), "compact_native_models")).toEqual(["compact.own_on_device_framework"]);
    expect(indicatorIds(run("MiniCPM runs on phones with Qualcomm chips."))).not.toContain("compact_native_models");
  });

  it("chip_policy_investment: chip-maker capital, state funds, procurement steering, fabs; not AI-lab funding", () => {
    expect(rulesOf(run("Moore Threads raised 8 billion yuan in its IPO."), "chip_policy_investment")).toEqual(["invest.chip_maker_capital"]);
    expect(rulesOf(run("国家大基金三期注册成立，注册资本3440亿元。"), "chip_policy_investment")).toContain("invest.state_fund");
    expect(rulesOf(run("State-funded data centres must use only domestically made AI chips."), "chip_policy_investment")).toContain("policy.steer_to_domestic_chips");
    expect(rulesOf(run("Three new fabrication plants will make Huawei's Ascend chips."), "chip_policy_investment")).toEqual(["policy.fab_buildout"]);
    expect(indicatorIds(run("ModelBest raised several hundred million yuan in a funding round."))).toEqual([]);
  });

  it("export_controls: a measure on a named item or party; generic background is not enough", () => {
    expect(rulesOf(run("Washington told Nvidia that the H20 would need an export licence."), "export_controls")).toContain("ec.measure_on_named_item");
    expect(rulesOf(run("The US added Zhipu AI to the Entity List."), "export_controls")).toEqual(["ec.entity_or_sanctions_list"]);
    expect(rulesOf(run("The regulator told firms to stop buying Nvidia's RTX Pro 6000D."), "export_controls")).toEqual(["ec.china_restricts_foreign_chips"]);
    expect(indicatorIds(run("Amid tightening US export curbs, the company raised prices."))).toEqual([]);
    expect(indicatorIds(run("美国对高性能芯片的限制越来越多。"))).toEqual([]);
  });

  it("domestic_chip_capability: milestones of named domestic chips or makers", () => {
    expect(rulesOf(run("Huawei plans to double Ascend 910C output next year."), "domestic_chip_capability")).toEqual(["cap.milestone_named_chip_or_maker"]);
    expect(rulesOf(run("The Zhenwu 810E outperforms Nvidia's A800, people said."), "domestic_chip_capability")).toEqual(["cap.performance_of_named_chip"]);
    expect(rulesOf(run("The FP8 format was designed for next-generation Chinese chips."), "domestic_chip_capability")).toEqual(["cap.upcoming_domestic_chips"]);
    expect(indicatorIds(run("Nvidia plans to double H20 output."))).toEqual([]);
  });

  it("scores in [0,1], higher when more rules agree", () => {
    const x = run("GLM-5 was pre-trained on Ascend 910B chips, and trained on domestic processors end to end.");
    const hit = x.indicators.find((i) => i.id === "pretraining_on_domestic")!;
    expect(hit.rules.length).toBeGreaterThan(1);
    const fewer = run("GLM-5 was pre-trained on Ascend 910B chips.").indicators.find((i) => i.id === "pretraining_on_domestic")!;
    expect(hit.rules.length).toBeGreaterThan(fewer.rules.length);
    expect(hit.score).toBeGreaterThan(fewer.score);
    expect(hit.score).toBeLessThanOrEqual(1);
  });
});
