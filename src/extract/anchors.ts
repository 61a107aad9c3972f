// Literal anchors for the claim trigger regexes (lexicon.ts). They are compiled into the same automaton as
// the catalog, so one pass over the text tells which sentences can possibly match a trigger; the (slower)
// regex then runs only on those. An anchor list must cover every alternative of its regex (over-matching is
// harmless; tests/extract/anchors.test.ts checks it). The indicator vocabulary needs no anchors: its terms
// are matched by the automaton itself (data/lexicon, concepts/).
export const ANCHOR_GROUPS: Record<string, string[]> = {
  stage: ["adapt", "distil", "dpo", "grpo", "dapo", "ppo", "lora", "powered by", "推论", "蒸馏", "从零", "从头", "跑在", "train", "训练", "scratch", "fine-tun", "finetun", "sft", "rl", "reinforcement", "alignment", "instruction", "inferenc", "serv", "deploy", "day", "validated", "production", "推理", "部署", "0day", "0 day", "零等待", "上线", "run", "ran", "support", "host", "throughput", "tok", "benchmark", "test", "optimi", "tuned for", "tunes for", "tuning for", "compiled for", "ported to", "优化", "运行", "适配", "搭载", "跑通", "支持", "吞吐", "微调", "强化学习"],
  // One group per stage-trigger regex (lexicon.ts), so that each runs only where its own words occur.
  preTrainingStage: ["从零", "从头", "train", "scratch", "预训练"],
  postTrainingStage: ["distil", "dpo", "grpo", "dapo", "ppo", "lora", "align", "蒸馏", "train", "fine-tun", "finetun", "sft", "rl", "reinforcement", "alignment", "instruction", "训练", "微调", "强化学习"],
  inferenceStage: ["adapt", "推论", "适配", "inferenc", "serv", "deploy", "day", "validated", "production", "推理", "部署", "0day", "0 day", "零等待", "上线"],
  weakInferenceStage: ["powered by", "跑在", "run", "ran", "support", "host", "throughput", "tok", "benchmark", "test", "optimi", "tuned for", "tunes for", "tuning for", "compiled for", "ported to", "优化", "运行", "适配", "搭载", "跑通", "支持", "吞吐"],
  trainingWord: ["train", "训练"],
  chipAnaphor: ["the chip", "the accelerator", "the processor", "the card", "the part", "该芯片", "这款芯片", "这批加速器", "该加速器"],
  modelAnaphor: ["模型", "checkpoint", "them", "model", "series", "weights", "project", "experiment", "system", "该", "其模型", "模型的"],
};

export const ANCHOR_NAMES = Object.keys(ANCHOR_GROUPS);
if (ANCHOR_NAMES.length > 31) throw new Error("anchor groups are kept in an int32 bit mask: at most 31");

/** Group name -> its bit in an anchor mask. */
export const ANCHOR_BIT: Readonly<Record<string, number>> = Object.fromEntries(ANCHOR_NAMES.map((g, i) => [g, 1 << i]));
