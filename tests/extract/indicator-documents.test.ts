// Document-level indicator evidence (title, lead, adjacent sentences), field idiom the sentence rules
// missed, and the rule trace behind `chipwatch explain`. Sentences written for these tests in the style of
// wire copy, filings and Chinese / Taiwanese trade press; not taken from the dev sets.
import { describe, expect, it } from "vitest";
import { createExtractor } from "../../src/extract/extract.ts";
import { loadCatalog } from "../../src/extract/catalog/load.ts";
import { AnchorHits, BreakHits, ConceptHits, findMentions } from "../../src/extract/match.ts";
import { LazyDoc } from "../../src/extract/doc.ts";
import { extractClaims } from "../../src/extract/claims.ts";
import { traceRules } from "../../src/extract/indicators/rules.ts";
import { indicatorIds, rulesOf, run } from "./helpers.ts";

const extractor = createExtractor(loadCatalog());
function trace(title: string, body: string) {
  const text = `${title}\n\n${body}`;
  const anchors = new AnchorHits();
  const breaks = new BreakHits();
  const concepts = new ConceptHits(extractor.compiled.conceptCount);
  const mentions = findMentions(extractor.compiled, text, anchors, breaks, concepts);
  const doc = new LazyDoc(text, title.length, mentions, anchors, breaks, concepts);
  return traceRules(Object.assign(doc, { claims: extractClaims(doc) }));
}

describe("document-level export-control evidence", () => {
  it("a title about licences with the foreign chip named only in the body", () => {
    const x = run("The company said sales to Chinese customers would resume once paperwork is approved. The H20 accounts for most of that business.", "Nvidia to seek licences for China sales");
    expect(rulesOf(x, "export_controls")).toContain("ec.title_measure_with_item");
  });
  it("the measure in one sentence and the named chip in the next", () => {
    const x = run("Washington now requires an export licence for the part. The H20 was designed for China.");
    expect(rulesOf(x, "export_controls")).toContain("ec.measure_next_to_item");
  });
  it("background without an item or party stays out, in the title too", () => {
    expect(indicatorIds(run("The start-up raised 500 million yuan to expand its team.", "Amid export curbs, a Beijing start-up hires"))).not.toContain("export_controls");
    expect(indicatorIds(run("美國持續收緊出口管制，市場觀望。"))).not.toContain("export_controls");
  });
  it("traditional-Chinese and regional wording: 輝達, 晶片, 出口許可", () => {
    expect(indicatorIds(run("美國商務部要求輝達H20晶片出口須取得許可證。"))).toContain("export_controls");
    expect(indicatorIds(run("海關加強查驗，禁止採購輝達H20晶片。"))).toContain("export_controls");
  });
  it("smuggling of named chips, and eased rules on a named chip", () => {
    expect(rulesOf(run("Prosecutors said the men smuggled H100 servers to China through Malaysia."), "export_controls")).toContain("ec.enforcement_on_chips");
    expect(indicatorIds(run("The administration eased the rules for H200 sales to approved Chinese buyers."))).toContain("export_controls");
  });
});

describe("training migration in the field's idiom", () => {
  it("a training move onto domestic chips, in word order, EN and traditional ZH", () => {
    expect(rulesOf(run("The lab is shifting model training to Ascend 910C clusters."), "training_migration")).toContain("mig.training_moves_to_domestic");
    expect(indicatorIds(run("消息指該公司正把模型訓練遷移到國產晶片上。"))).toContain("training_migration");
  });
  it("a setback in training on domestic chips, and a return to Nvidia", () => {
    expect(indicatorIds(run("Its training run on Ascend chips stalled after repeated crashes, engineers said."))).toContain("training_migration");
    const back = run("The team tried domestic accelerators for training but reverted to Nvidia H800s.");
    expect(rulesOf(back, "training_migration")).toContain("mig.reverted_to_foreign");
  });
  it("a government goal of relying less on imports is background, not a lab's move", () => {
    const x = run("Zhipu trained GLM-4 on domestic chips. Beijing wants the sector to rely less on imported Nvidia chips.");
    expect(rulesOf(x, "training_migration")).not.toContain("mig.domestic_training_and_shift_away");
    expect(indicatorIds(run("The regulators cut Chinese buyers off from Nvidia's best GPUs."))).not.toContain("training_migration");
  });
});

describe("capability and policy idiom", () => {
  it("tape-outs, yields and mass production of a named domestic chip or maker", () => {
    expect(indicatorIds(run("寒武纪思元590已实现量产，良率持续爬坡。"))).toContain("domestic_chip_capability");
    expect(indicatorIds(run("Biren taped out its next accelerator at SMIC, the company said."))).toContain("domestic_chip_capability");
  });
  it("a model launch or a training camp is not a chip milestone", () => {
    expect(indicatorIds(run("华为发布盘古大模型5.5，基于昇腾训练。"))).not.toContain("domestic_chip_capability");
    expect(indicatorIds(run("昇腾CANN训练营是华为面向开发者推出的培训计划，课程围绕昇腾AI处理器展开。"))).toEqual([]);
  });
  it("compute vouchers for domestic chips are a policy instrument; an AI lab's round is not chip investment", () => {
    // The rule is the vocabulary's claim; whether one voucher sentence alone is listed is the fitted model's call.
    expect(rulesOf(run("上海市发放算力券，支持企业使用国产算力。"), "chip_policy_investment")).toContain("policy.compute_subsidy");
    expect(indicatorIds(run("Moonshot AI raised $1 billion in a funding round led by Alibaba."))).not.toContain("chip_policy_investment");
  });
  it("compact models need domestic hardware or a domestic framework", () => {
    expect(indicatorIds(run("The 1.5B on-device model runs on phones through MindSpore Lite."))).toContain("compact_native_models");
    expect(indicatorIds(run("The small model runs on phones with Qualcomm Snapdragon chips."))).not.toContain("compact_native_models");
  });
});

describe("traceRules", () => {
  it("reports evidence for fired rules and the one missing requirement of a near miss", () => {
    const t = trace("", "The ministry told data centres to buy more chips.");
    const steer = t.find((r) => r.id === "policy.steer_to_domestic_chips")!;
    expect(steer.evidence).toEqual([]);
    expect(steer.missing).toEqual(["domestic_compute"]);
    const fired = trace("", "The ministry told data centres to buy domestic chips.").find((r) => r.id === "policy.steer_to_domestic_chips")!;
    expect(fired.evidence.length).toBe(1);
    expect(fired.missing).toBeUndefined();
    expect(fired.prior).toBeGreaterThan(0);
  });
  it("lists every rule once, with stable ids", () => {
    const t = trace("", "");
    expect(new Set(t.map((r) => r.id)).size).toBe(t.length);
    for (const r of t) expect(r.id).toMatch(/^(pre|mig|post|inf|compact|invest|policy|ec|cap)\.[a-z_]+$/);
  });
});

describe("policy and investment beyond one sentence", () => {
  it("compute vouchers are a compute subsidy by themselves; model and corpus vouchers are not", () => {
    expect(rulesOf(run("The district will hand out 200 million yuan in computing power vouchers to start-ups that rent GPU time."), "chip_policy_investment")).toContain("policy.compute_subsidy");
    expect(rulesOf(run("杭州市发布新政，每年发放2亿元算力券，降低企业租用智能算力的成本。"), "chip_policy_investment")).toContain("policy.compute_subsidy");
    expect(rulesOf(run("台中市將發放訓力券，補助企業租用算力。"), "chip_policy_investment")).toContain("policy.compute_subsidy");
    expect(rulesOf(run("该区发放模型券和语料券，支持企业调用大模型。"), "chip_policy_investment")).not.toContain("policy.compute_subsidy");
  });
  it("a regulator in one sentence and the push to domestic chips in the next", () => {
    const x = run("The Cyberspace Administration has told large platforms to pause orders for the RTX Pro 6000D. The aim is to get the companies to prioritise domestic chips for new data centres.");
    expect(rulesOf(x, "chip_policy_investment")).toContain("policy.authority_steers_nearby");
    expect(rulesOf(run("據報導，網信辦已約談多家雲端業者。此舉意在推動企業改用國產AI晶片。"), "chip_policy_investment")).toContain("policy.authority_steers_nearby");
  });
  it("an authority steering a lab to a named domestic chip, in traditional Chinese", () => {
    expect(rulesOf(run("中國主管機關鼓勵該實驗室改用昇騰910C訓練下一代模型。"), "chip_policy_investment")).toContain("policy.authority_steers_nearby");
  });
  it("a vendor's own launch in a Beijing dateline is not steering", () => {
    expect(rulesOf(run("Beijing-based Moore Threads will offer the MTT S5000 to cloud customers next quarter, the company said."), "chip_policy_investment")).not.toContain("policy.authority_steers_nearby");
  });
  it("capital raised by a chip maker named in the adjacent sentence, not by an AI lab", () => {
    const x = run("The listing raised a net 6.2 billion yuan on the STAR Market. Enflame said the proceeds would go to its next training chip.");
    expect(rulesOf(x, "chip_policy_investment")).toContain("invest.chip_maker_capital_adjacent");
    const lab = run("Zhipu's Hong Kong IPO priced at the top of the range. Zhipu said Cambricon is among its hardware partners.");
    expect(rulesOf(lab, "chip_policy_investment")).not.toContain("invest.chip_maker_capital_adjacent");
  });
  it("'the big fund' in lower case is not the Big Fund", () => {
    expect(rulesOf(run("Norway's big fund added to its Nvidia stake.", "The big fund's bets"), "chip_policy_investment")).not.toContain("invest.state_fund");
    expect(rulesOf(run("The Big Fund led the round in the memory maker."), "chip_policy_investment")).toContain("invest.state_fund");
  });
});

describe("chip capability: results and roadmaps", () => {
  it("a chip maker's reported results, in the title or a sentence", () => {
    expect(rulesOf(run("Sales of its cloud accelerators made up almost all of the total.", "Hygon's first-half revenue doubles on data-centre demand"), "domestic_chip_capability")).toContain("cap.chip_maker_results");
    expect(rulesOf(run("寒武纪发布业绩预告，预计全年营业收入同比增长逾三倍。"), "domestic_chip_capability")).toContain("cap.chip_maker_results");
  });
  it("results of an AI lab or a conglomerate are not chip results", () => {
    expect(rulesOf(run("Baidu reported quarterly revenue of 32 billion yuan, with its cloud unit growing fastest."), "domestic_chip_capability")).not.toContain("cap.chip_maker_results");
    expect(rulesOf(run("Huawei's revenue rose 22% last year on smartphone sales."), "domestic_chip_capability")).not.toContain("cap.chip_maker_results");
  });
  it("a named domestic chip set to ship, with its workload in the same sentence", () => {
    const x = run("The company said the Kunlun M100, built for large-scale inference, is expected to ship in early 2026.");
    expect(rulesOf(x, "domestic_chip_capability")).toContain("cap.milestone_named_chip_or_maker");
  });
  it("a training framework is software, not training", () => {
    expect(rulesOf(run("项目将建设基于国产AI芯片和自主训练框架的智算中心。"), "pretraining_on_domestic")).not.toContain("pre.training_on_domestic_compute");
  });
});

describe("training migration: leaving Nvidia, delays, domestic suppliers", () => {
  const mig = (text: string, title = "") => rulesOf(run(text, title), "training_migration");
  it("a lab's training 'leaving' Nvidia, simplified and traditional", () => {
    expect(mig("分析人士称，该实验室的大模型训练正逐步离开英伟达。")).toContain("mig.training_moves_off_foreign");
    expect(mig("業界認為，國產前沿模型訓練開始脫離輝達。")).toContain("mig.training_moves_off_foreign");
  });
  it("a training delay on domestic chips is a struggle to move", () => {
    expect(mig("The lab blamed a delay in training its next model on Ascend 910B clusters that needed more tuning.")).toContain("mig.setback_on_domestic_training");
  });
  it("a lab looking for a domestic supplier of its training chips", () => {
    const x = run("The group said it would move model training to a domestic supplier once its Nvidia inventory runs out.");
    expect(rulesOf(x, "training_migration")).toContain("mig.training_moves_to_domestic");
  });
  it("a news source is not domestic compute", () => {
    expect(mig("A Chinese source said the lab moved its training to new servers.")).not.toContain("mig.training_moves_to_domestic");
  });
});

describe("compact models: running locally on domestic boards and PCs", () => {
  const compact = (text: string) => rulesOf(run(text), "compact_native_models");
  it("a local assistant on a domestic edge board", () => {
    expect(compact("I built a local assistant on a Rockchip RK3588 board and run the model on its NPU.")).toContain("compact.device_model_on_domestic_hardware");
  });
  it("a model that runs offline on a domestic PC chip, simplified and traditional", () => {
    expect(compact("搭载麒麟X90的笔记本上，这款大模型不联网也能本地运行。")).toContain("compact.device_model_on_domestic_hardware");
    expect(compact("這款模型在麒麟X90上無需聯網即可回答問題。")).toContain("compact.device_model_on_domestic_hardware");
  });
});

describe("a chip's class is not model training", () => {
  // "training GPU", 训练卡: the kind of chip, not a model being trained, so it neither vetoes a launch nor reads as training.
  it("a launch of a named 'training GPU' is a capability event, in English and Chinese", () => {
    expect(indicatorIds(run("Moore Threads unveils its Huashan training GPU, built on a new architecture"))).toContain("domestic_chip_capability");
    expect(rulesOf(run("寒武纪发布新一代思元训练卡，FP8算力翻倍"), "domestic_chip_capability")).toContain("cap.launch_of_domestic_chip");
  });
  it("training a model still counts", () => {
    expect(indicatorIds(run("Zhipu trained GLM-5 on Huawei Ascend 910C training chips"))).toContain("pretraining_on_domestic");
  });
});

describe("phase-3 vocabulary: quotas, summons, word order, milestones in context", () => {
  it("a domestic-equipment quota is chip policy, not a ban on foreign chips", () => {
    const x = run("Regulators told chipmakers that at least half of the tools in new fabs must come from domestic suppliers.");
    expect(rulesOf(x, "chip_policy_investment")).toContain("policy.steer_to_domestic_chips");
    expect(rulesOf(x, "export_controls")).not.toContain("ec.china_restricts_foreign_chips");
  });
  it("a regulator halting purchases steers buyers; a security summons alone does not", () => {
    expect(rulesOf(run("The Cyberspace Administration told companies to cancel orders for the RTX Pro 6000D."), "chip_policy_investment")).toContain("policy.cn_authority_restricts_foreign");
    expect(rulesOf(run("网信办约谈英伟达，要求说明H20芯片的后门安全风险。"), "chip_policy_investment")).not.toContain("policy.cn_authority_restricts_foreign");
  });
  it("training mainly on domestic chips, in that word order", () => {
    expect(rulesOf(run("ByteDance plans a model trained mainly on Ascend 910C chips, people said."), "training_migration")).toContain("mig.training_mainly_on_domestic");
    expect(rulesOf(run("该公司的训练主要基于英伟达GPU和CUDA生态，国产芯片目前只用于推理。"), "training_migration")).not.toContain("mig.training_mainly_on_domestic");
  });
  it("struggling with domestic chips against foreign ones is a migration signal", () => {
    const x = run("Training each model on Chinese-made chips took months longer. The delay came from the extra work compared with Nvidia GPUs.");
    expect(rulesOf(x, "training_migration")).toContain("mig.struggle_against_foreign");
  });
  it("a cluster brought online is a milestone even when it then trains a model; a capital sentence's launch word is not", () => {
    expect(rulesOf(run("Huawei has brought online a cluster of 8,000 Ascend 910C chips and is pre-training its next model on it."), "domestic_chip_capability")).toContain("cap.domestic_cluster_bringup");
    const ipo = run("The prospectus says the proceeds will fund a successor to the MTT S4000.", "Moore Threads files for a STAR Market listing");
    expect(rulesOf(ipo, "domestic_chip_capability")).not.toContain("cap.launch_of_domestic_chip");
  });
  it("a domestic system measured against foreign hardware, and a model on a domestic edge SoC", () => {
    expect(rulesOf(run("Huawei described the Atlas 950 SuperPoD. Per card, its throughput exceeds published figures for Nvidia's H100."), "domestic_chip_capability")).toContain("cap.benchmark_against_foreign");
    expect(rulesOf(run("A 1.5B-parameter language model now runs on the Rockchip RK3588."), "compact_native_models")).toContain("compact.model_on_domestic_edge_chip");
  });
});
