// Claims that follow the text's structure (issue 10): lists, bullets, anaphora, clause attachment, the
// governing verb, traditional Chinese, foreign vs domestic chips, and the model preferred over its org.
import { describe, expect, it } from "vitest";
import { claimKeys, run } from "./helpers.ts";

describe("claims follow the text's structure", () => {
  it("takes every model of a coordinated list as a subject, before or after the verb", () => {
    expect(claimKeys(run("Qwen2.5-7B, Qwen2.5-32B and DeepSeek-R1 were post-trained on Ascend 910B clusters."))).toEqual([
      "DeepSeek-R1|Huawei Ascend 910B|posttraining", "Qwen2.5-32B|Huawei Ascend 910B|posttraining", "Qwen2.5-7B|Huawei Ascend 910B|posttraining",
    ]);
    expect(claimKeys(run("Ascend 910B servers now serve DeepSeek-V3, DeepSeek-R1, Qwen2.5-7B, Qwen2.5-32B and GLM-4.7 for enterprise customers."))).toEqual([
      "DeepSeek-R1|Huawei Ascend 910B|inference", "DeepSeek-V3|Huawei Ascend 910B|inference", "GLM-4.7|Huawei Ascend 910B|inference",
      "Qwen2.5-32B|Huawei Ascend 910B|inference", "Qwen2.5-7B|Huawei Ascend 910B|inference",
    ]);
  });

  it("reads bullet lists under a header: models in the items, or the model in the header", () => {
    expect(claimKeys(run("Day-zero support on Ascend 910C:\n- DeepSeek-V3\n- Qwen2.5-7B\n- GLM-4.7\n\nOther news follows."))).toEqual([
      "DeepSeek-V3|Huawei Ascend 910C|inference", "GLM-4.7|Huawei Ascend 910C|inference", "Qwen2.5-7B|Huawei Ascend 910C|inference",
    ]);
    expect(claimKeys(run("Launch-day support for DeepSeek-V4:\n- Huawei: runs on Ascend 950 supernodes.\n- Hygon: adapted on its DCU accelerators."))).toEqual([
      "DeepSeek-V4|Huawei Ascend 950|inference", "DeepSeek-V4|Hygon DCU|inference",
    ]);
  });

  it("reads list items that name a model and a use but no chip as said of the list's chip", () => {
    const bench = "Benchmark notes from a Hygon DCU Z100 server.\n\nDecode speed, INT8 weights\n- Qwen2.5-7B: 41 tokens/s per card.\n- GLM-4.7: 12.5 tok/s at batch 1.\n\nAll runs used the same prompt.";
    expect(claimKeys(run(bench))).toEqual(["GLM-4.7|Hygon DCU|inference", "Qwen2.5-7B|Hygon DCU|inference"]);
    // Outside a list, a model with a use and no chip takes none from earlier sentences.
    expect(claimKeys(run("Hygon showed a DCU Z100 server at the fair. Separately, Qwen2.5-7B reached 41 tokens/s on a laptop."))).toEqual([]);
  });

  it("reads rows under a header that holds the stage word: tables, markdown sections, key: value lines", () => {
    // A support table under a line that says what the rows are; a row that only says "no" is not a use.
    const table = "Status of the MindIE port\n\nInference support (BF16 / W8A8)\nGLM-4.7        yes / yes\nQwen2.5-7B     yes / no\nDeepSeek-V3    no  / no\n\nReport problems on the tracker.";
    expect(claimKeys(run(table, "What MindIE serves on Ascend 910B so far"))).toEqual(["GLM-4.7|Huawei Ascend 910B|inference", "Qwen2.5-7B|Huawei Ascend 910B|inference"]);
    // A markdown section: the header's words are one line even when the splitter cuts it after "2.".
    expect(claimKeys(run("# Qwen2.5-7B\n\n## 2. Supported models\n- GLM-4.7 (Zhipu)\n- DeepSeek-V3\n\n## 3. Licence\n- Apache 2.0", "Toolkit README: Qwen2.5-7B on the Hygon DCU Z100"))).toEqual([
      "DeepSeek-V3|Hygon DCU|inference", "GLM-4.7|Hygon DCU|inference",
    ]);
    // A model card's deployment section: "Hardware: X" is said of the card's model.
    expect(claimKeys(run("## 4. Deployment\n### 4.1 Environment\nHardware: Atlas 800T A2, at least 16 NPUs.\nSoftware: CANN 8.0", "Qwen2.5-7B - model card"))).toEqual(["Qwen2.5-7B|Huawei Atlas 800T A2|inference"]);
    // A table that pairs models with chips under a header without a stage word takes the title's use.
    const minimum = "Minimum hardware\n\nModel       | Card\nGLM-4.7     | 2 x Atlas 800I A2\nQwen2.5-7B  | 1 x Atlas 800I A2\n\nMore notes follow.";
    expect(claimKeys(run(minimum, "MindIE docs: supported models and minimum hardware"))).toEqual(["GLM-4.7|Huawei Atlas 800I A2|inference", "Qwen2.5-7B|Huawei Atlas 800I A2|inference"]);
    // A header without a stage word governs nothing.
    expect(claimKeys(run("## 3. Results\n| Model | Score |\n|---|---|\n| GLM-4.7 | 81.2 |", "Qwen2.5-7B on Ascend 910B - model card"))).toEqual([]);
  });

  it("reads a changelog's list items as said of its one vendor's platform, and keeps listed families", () => {
    const log = "v1.1\n- New model support: GLM-4.7, Qwen2.5-7B.\n- Faster prefill.\n\nv1.0\n- Deployment of language models on the RK3588 and RK3576 platforms.\n- Compatible with Hugging Face formats; supports Llama, Qwen and Qwen2.";
    expect(claimKeys(run(log, "Changelog of an edge LLM runtime"))).toEqual([
      "GLM-4.7|Rockchip RK3588|inference", "Llama|Rockchip RK3588|inference", "Qwen2.5-7B|Rockchip RK3588|inference", "Qwen2|Rockchip RK3588|inference", "Qwen|Rockchip RK3588|inference",
    ]);
  });

  it("takes an org listed among the models as a subject, and a model named earlier in a long sentence for 'every model'", () => {
    expect(claimKeys(run("Hygon said its DCU accelerators now support DeepSeek, Alibaba's Qwen and Tencent's Hunyuan models for faster inference."))).toEqual([
      "DeepSeek|Hygon DCU|inference", "Hunyuan|Hygon DCU|inference", "Qwen|Hygon DCU|inference",
    ]);
    const long = "When Zhipu published GLM-4.7 last spring - a model aimed at coding, agents, long documents and school maths, released in several sizes - the accompanying report stated that every model in the series had been trained entirely on Ascend 910B chips.";
    expect(claimKeys(run(long))).toEqual(["GLM-4.7|Huawei Ascend 910B|training"]);
  });

  it("does not read a stage word inside a model's name as a use", () => {
    expect(claimKeys(run("Results on the Ascend 910B:\n- DeepSeek-R1-Distill-Qwen-7B: 35 tokens/s."))).toEqual(["DeepSeek-R1-Distill-Qwen-7B|Huawei Ascend 910B|inference"]);
  });

  it("resolves model anaphora to the nearest sentence that names models (EN and ZH)", () => {
    expect(claimKeys(run("Zhipu released GLM-4.7 and GLM-4.5 last week. Both are open-weight. Hygon said its DCU accelerators had been adapted to run the two models."))).toEqual([
      "GLM-4.5|Hygon DCU|inference", "GLM-4.7|Hygon DCU|inference",
    ]);
    expect(claimKeys(run("深度求索发布了DeepSeek-V3和DeepSeek-R1。两款模型均已开源。华为表示，这两款模型已在昇腾910B上完成适配。"))).toEqual([
      "DeepSeek-R1|Huawei Ascend 910B|inference", "DeepSeek-V3|Huawei Ascend 910B|inference",
    ]);
    expect(claimKeys(run("智谱发布了GLM-4.7。该模型在昇腾910B上完成推理部署。"))).toEqual(["GLM-4.7|Huawei Ascend 910B|inference"]);
  });

  it("resolves 'the Hangzhou lab' to the lab, and the lab to its model when the article names one", () => {
    expect(claimKeys(run("DeepSeek published a paper on Monday. The Hangzhou lab said it had trained the system on Nvidia H800 GPUs."))).toEqual(["DeepSeek|Nvidia H800|training"]);
    expect(claimKeys(run("DeepSeek released DeepSeek-R1 on Monday. The Hangzhou lab said the RL stage ran on Huawei Ascend 910C chips."))).toEqual(["DeepSeek-R1|Huawei Ascend 910C|posttraining"]);
    expect(claimKeys(run("MiniMax has released MiniMax-M1. MiniMax says the full RL stage ran on 512 Nvidia H800 GPUs."))).toEqual(["MiniMax-M1|Nvidia H800|posttraining"]);
    // An unnamed model of the maker keeps the maker as subject.
    expect(claimKeys(run("DeepSeek released DeepSeek-V3 in December. Iluvatar ran a distilled 32-billion-parameter DeepSeek model on its Tianshu architecture."))).toContain("DeepSeek|Iluvatar Tianshu architecture|inference");
  });

  it("reads a title's org or family as the one model of it that the article names, when the title speaks of a model", () => {
    expect(claimKeys(run("Shanghai-based MiniMax has released MiniMax-M1, a reasoning model.", "MiniMax says RL training of its new reasoning model took three weeks on 512 H800s"))).toEqual(["MiniMax-M1|Nvidia H800|posttraining"]);
    expect(claimKeys(run("华为宣布开源盘古Pro MoE。", "华为开源盘古大模型：由4000颗昇腾预训练"))).toEqual(["Pangu Pro MoE|Huawei Ascend|pretraining"]);
    // A title about the org's plan, not a model, keeps the org.
    expect(claimKeys(run("ByteDance's Doubao leads its app charts.", "ByteDance plans to train on Huawei Ascend chips"))).toEqual(["ByteDance|Huawei Ascend|training"]);
    // "DeepSeek models" in a title sums up the models the body names with the same use.
    expect(claimKeys(run("Cambricon said DeepSeek-R1 and DeepSeek-V3 are now served on its MLU590 accelerators.", "DeepSeek models now run on Cambricon chips"))).toEqual([
      "DeepSeek-R1|Cambricon MLU590|inference",
      "DeepSeek-V3|Cambricon MLU590|inference",
    ]);
  });

  it("prefers a member over its family told in another sentence", () => {
    expect(claimKeys(run("Huawei open-sourced its Pangu models. Pangu Pro MoE was pre-trained on 4,000 Ascend NPUs. Pangu was pre-trained on Ascend chips, the company said."))).toEqual(["Pangu Pro MoE|Huawei Ascend|pretraining"]);
  });

  it("attaches each chip to the clause and verb that use it; foreign and domestic claims stay apart", () => {
    const x = run("DeepSeek trained DeepSeek-V3 on Nvidia H800 GPUs, while its R1 model is served on Huawei Ascend 910C chips.");
    expect(claimKeys(x)).toEqual(["DeepSeek-R1|Huawei Ascend 910C|inference", "DeepSeek-V3|Nvidia H800|training"]);
    expect(x.claims.map((c) => [c.chip, c.chipDomestic])).toContainEqual(["Nvidia H800", false]);
    expect(x.claims.map((c) => [c.chip, c.chipDomestic])).toContainEqual(["Huawei Ascend 910C", true]);
    expect(claimKeys(run("DeepSeek用英伟达H800训练了DeepSeek-V3，而DeepSeek-R1则部署在华为昇腾910C上。"))).toEqual([
      "DeepSeek-R1|Huawei Ascend 910C|inference", "DeepSeek-V3|Nvidia H800|training",
    ]);
    expect(claimKeys(run("Zhipu fine-tuned GLM-4.7 on Ascend 910B clusters and deployed it on Hygon DCU servers."))).toEqual([
      "GLM-4.7|Huawei Ascend 910B|posttraining", "GLM-4.7|Hygon DCU|inference",
    ]);
  });

  it("reads inference glossed as rollout as RL post-training", () => {
    expect(claimKeys(run("GLM-4.7的强化学习流程中，推理（rollout）环节运行在昇腾910C上。"))).toEqual(["GLM-4.7|Huawei Ascend 910C|posttraining"]);
  });

  it("drops a chip vendor's own claim that repeats a named model's use told in another sentence", () => {
    const x = run("A Huawei research team has described how it serves large mixture-of-experts models on CloudMatrix 384. In the tests, DeepSeek-R1 was served on the CloudMatrix 384 at 1,943 tokens/s per chip.");
    expect(claimKeys(x)).toEqual(["DeepSeek-R1|Huawei CloudMatrix 384|inference"]);
  });

  it("takes the stage from the governing verb: distil, adapt, LoRA", () => {
    expect(claimKeys(run("DeepSeek-R1 was distilled on Ascend 910B servers."))).toEqual(["DeepSeek-R1|Huawei Ascend 910B|posttraining"]);
    expect(claimKeys(run("DeepSeek-V3 has been adapted to Ascend 910B."))).toEqual(["DeepSeek-V3|Huawei Ascend 910B|inference"]);
    // A distilled model served somewhere is an inference subject, not a distillation run.
    expect(claimKeys(run("Huawei hosts distilled versions of DeepSeek-R1 on Ascend 910B servers."))).toEqual(["DeepSeek-R1|Huawei Ascend 910B|inference"]);
  });

  it("reads traditional Chinese stage words (訓練, 預訓練, 推論, 微調, 晶片)", () => {
    expect(claimKeys(run("DeepSeek-R1在昇騰910B上訓練。"))).toEqual(["DeepSeek-R1|Huawei Ascend 910B|training"]);
    expect(claimKeys(run("智譜表示，GLM-4.7在昇騰910B叢集上完成預訓練，並在寒武紀MLU晶片上推論部署。"))).toEqual([
      "GLM-4.7|Cambricon MLU|inference", "GLM-4.7|Huawei Ascend 910B|pretraining",
    ]);
    expect(claimKeys(run("該模型在昇騰910B上微調。", "GLM-4.7發布"))).toEqual(["GLM-4.7|Huawei Ascend 910B|posttraining"]);
  });

  it("counts a plan in reported speech, not a hypothetical or a capability", () => {
    const planned = run("Moore Threads said it would open its KUAE cluster to support deployment of DeepSeek-V3.");
    expect(claimKeys(planned)).toEqual(["DeepSeek-V3|Moore Threads KUAE|inference"]);
    expect(planned.claims[0]!.modality).toBe("planned");
    expect(claimKeys(run("Baidu said the P800 Kunlun cluster could train DeepSeek-like models."))).toEqual([]);
    expect(claimKeys(run("If DeepSeek-V3 were trained on Ascend 910B chips, it would be a first."))).toEqual([]);
  });
});
