// Claims and the words around the stage verb (issue 10): failures in traditional Chinese, capability and
// product-purpose phrases (what hardware is for, not a use), reported plans with "that it would", comparisons
//, and "training" beside a post-training use told elsewhere.
import { describe, expect, it } from "vitest";
import { claimKeys, run } from "./helpers.ts";

describe("claims and the words around the stage verb", () => {
  it("reads failures written in traditional Chinese or with 没能 as negated", () => {
    const hant = run("消息人士稱，智譜以華為昇騰910B訓練GLM-5屢屢失敗，最終改用輝達H20。");
    expect(claimKeys(hant)).not.toContain("GLM-5|Huawei Ascend 910B|training");
    expect(hant.claims.some((c) => c.subject === "GLM-5" && c.chip === "Huawei Ascend 910B" && c.negated)).toBe(true);
    expect(claimKeys(run("据报道，智谱在昇腾910B上没能跑通GLM-5的训练。"))).toEqual([]);
    expect(claimKeys(run("结论：GLM-4.7在昇腾910B上的端到端推理验证尚未完成。"))).toEqual([]);
  });

  it("does not read what hardware is able to do or is built for as a use", () => {
    expect(claimKeys(run("Baidu says the Kunlun P800 cluster will be able to train trillion-parameter models."))).toEqual([]);
    expect(claimKeys(run("Baidu said the Kunlun M100, tuned for large-scale inference, would ship next year."))).toEqual([]);
    expect(claimKeys(run("百度表示，面向大规模推理场景优化的昆仑芯P800将于明年上市。"))).toEqual([]);
    // A modal governs the alternatives it introduces; "meant for" is a purpose like "built for".
    expect(claimKeys(run("Li said the Kunlun P800 cluster could support training of frontier models with hundreds of billions of parameters for the group's cloud customers, or a thousand customers fine-tuning smaller models at once."))).toEqual([]);
    expect(claimKeys(run("Huawei's Ascend 950DT, the part on its roadmap meant for training, is due in the fourth quarter."))).toEqual([]);
    // Where the thing is meant to run is a plan, so a claim.
    expect(claimKeys(run("GLM-4.7 is a model designed for efficient deployment on Ascend 910B servers."))).toEqual(["GLM-4.7|Huawei Ascend 910B|inference"]);
  });

  it("reads 可支持 / 能够支撑 / 可用于 + a stage word as what hardware can do, not a use", () => {
    expect(claimKeys(run("华为表示，新一代Atlas 950超节点可支持十万亿参数模型的训练。"))).toEqual([]);
    expect(claimKeys(run("寒武纪称，思元590集群能够支撑千亿参数大模型训练和推理。"))).toEqual([]);
    expect(claimKeys(run("摩尔线程表示，MTT S4000可用于DeepSeek-V3的推理部署。"))).toEqual([]);
    // A reported use beside it still stands.
    expect(claimKeys(run("据悉，智谱已在昇腾910B集群上完成GLM-5的预训练。"))).toEqual(["GLM-5|Huawei Ascend 910B|pretraining"]);
  });

  it("does not read 推理 in its reasoning sense (推理任务上的表现, 推理基准) as serving", () => {
    expect(claimKeys(run("该模型在昇腾910B集群上训练完成，在数学和代码等推理任务上的表现明显提升。", "GLM-5发布"))).toEqual(["GLM-5|Huawei Ascend 910B|training"]);
    expect(claimKeys(run("Qwen3在多项推理基准上超过前代，阿里称其训练使用了英伟达H800。"))).not.toContain("Qwen3|Nvidia H800|inference");
    expect(claimKeys(run("百度宣布文心4.5已在昆仑芯P800上完成推理部署。"))).toEqual(["ERNIE 4.5|Kunlunxin P800|inference"]);
  });

  it("keeps a pledge reported with 'said ... that it would' as a planned claim", () => {
    const x = run("Hygon said in a statement posted on its website that it would support distributed deployment of DeepSeek-V3 on its DCU accelerators.");
    expect(claimKeys(x)).toEqual(["DeepSeek-V3|Hygon DCU|inference"]);
    expect(x.claims[0]!.modality).toBe("planned");
    expect(claimKeys(run("Analysts asked whether Hygon would deploy DeepSeek-V3 on its DCU accelerators."))).toEqual([]);
  });

  it("reads loosely worded comparisons as comparisons", () => {
    expect(claimKeys(run("Running DeepSeek-R1, the cluster's per-chip efficiency compared well with published results for Nvidia H800 systems serving the same model."))).toEqual([]);
    expect(claimKeys(run("Serving DeepSeek-R1 on Ascend 910C, the team's per-chip efficiency compared favourably with published figures for Nvidia H800 systems."))).toEqual(["DeepSeek-R1|Huawei Ascend 910C|inference"]);
    // A chip coordinated with a compared one is compared too.
    expect(claimKeys(run("Per-chip efficiency compared well with published results for Nvidia H100 and H800 systems serving DeepSeek-R1."))).toEqual([]);
  });

  it("keeps a chip vendor out of the subjects when a lab beside it is the user", () => {
    expect(claimKeys(run("科大讯飞联合华为发布算力平台，基于昇腾910B训练下一代大模型。"))).toEqual(["iFlytek|Huawei Ascend 910B|training"]);
  });

  it("keeps a pre-training told in one sentence beside a post-training in the title", () => {
    const x = run("Huawei has published a report on Pangu Ultra MoE, which the company says was trained throughout on its Ascend platform.", "Huawei details how it trained Pangu Ultra MoE - and moves RL post-training onto CloudMatrix 384 supernodes");
    expect(claimKeys(x)).toEqual(["Pangu Ultra MoE|Huawei Ascend|training", "Pangu Ultra MoE|Huawei CloudMatrix 384|posttraining"]);
  });

  it("keeps a training claim beside a post-training use told in another sentence", () => {
    const x = run("Zhipu says GLM-4.7 was trained throughout on Ascend 910B clusters. In a second step, the company ran reinforcement-learning post-training of GLM-4.7 on Ascend 910C supernodes.");
    expect(claimKeys(x)).toEqual(["GLM-4.7|Huawei Ascend 910B|training", "GLM-4.7|Huawei Ascend 910C|posttraining"]);
    // In one sentence, "RL training" is the post-training use only.
    expect(claimKeys(run("Zhipu ran the RL training of GLM-4.7 on Ascend 910C supernodes."))).toEqual(["GLM-4.7|Huawei Ascend 910C|posttraining"]);
  });
});
