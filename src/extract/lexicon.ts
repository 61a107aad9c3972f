// Trigger phrases (English and Chinese) used by the claim and indicator rules. Each regex runs only on one
// sentence or a short window, never on a whole article. Their sources are part of the ruleset hash.
import type { Stage } from "./types.ts";
import { plainTwin } from "./plain-regex.ts";

const re = (source: string) => new RegExp(source, "giu");

/** Stage triggers. "weak" triggers (run, support, host ...) count only when no strong trigger is present.
 * `anchor`: the anchor group (anchors.ts) that covers every alternative of the regex. */
export const STAGE_TRIGGERS: { stage: Stage; weak: boolean; anchor: string; re: RegExp }[] = [
  // vocabulary.md B: pre-train (all inflections), from scratch, continued pre-training; 预训练/從零訓練 (simplified and traditional).
  { stage: "pretraining", weak: false, anchor: "preTrainingStage", re: re(String.raw`\bpre-?train(?:ed|ing|s)?\b|\bfrom[- ]scratch\b|预训练|預訓練|从零(?:开始)?训练|從零(?:開始)?訓練|从头训练|從頭訓練`) },
  // D: post-train, fine-tune, SFT, RL(HF), preference optimisation (DPO/GRPO/PPO), alignment, instruction tuning, LoRA, distillation as a verb (a "distilled model" or 蒸馏版 served somewhere is an inference subject, vocabulary.md D10).
  { stage: "posttraining", weak: false, anchor: "postTrainingStage", re: re(String.raw`\bpost-?train(?:ed|ing|s)?\b|\bfine-?tun(?:e|ed|es|ing)\b|\bSFT\b|\bRL(?:HF)?\b|\b(?:DPO|GRPO|DAPO|PPO)\b|\breinforcement[- ]learning\b|\balign(?:ed|ment)\b|\binstruction[- ]tun(?:ed|ing)\b|\bLoRA\b|\bdistill?(?:s|ing|ation)?\b|\b(?:was|were|been|being|is|are) distill?ed\b|后训练|後訓練|微调|微調|强化学习|強化學習|蒸[馏餾](?!版|后的|後的|模型)`) },
  // E: inference/serving/deployment/adaptation, day-0, in production; 推理 (not the reasoning sense: 推理模型,
  // 推理任务上的表现, 推理基准; vocabulary.md trap 1), 推論 (TW), 部署, 适配/適配 as the strong "完成适配".
  { stage: "inference", weak: false, anchor: "inferenceStage", re: re(String.raw`\binferenc(?:e|ing)\b|\bserv(?:e|es|ed|ing)\b|\bdeploy(?:s|ed|ing|ment)?\b(?!\s+(?:of\s+)?(?:(?:about|some|over|more than|nearly|roughly|around|up to)\s+)?[\d,.]+(?:\s*(?:thousand|million|k))?\s+(?:[\w-]+\s+){0,3}?(?:chips|cards|GPUs|accelerators|servers|processors|NPUs)\b)|\badapt(?:s|ed|ing|ation)?\b|\bday[- ]?(?:0|zero|one)\b|\bvalidated configurations?\b|\bin production\b|(?<!深度)推理(?!大?模型|能力|任务上|任務上|基准|基準|评测|評測|测评|測評|榜|链|鏈|题|題)|推論(?!模型|能力)|部署(?!了?\s*[\d数數几幾上十百千万萬余餘多]+\s*[张張块塊台颗顆套]?[^，。；]{0,6}?(?:卡|芯片|晶片|GPU|服务器|伺服器|加速器))|0\s?day|零等待|上线|上線|完成适配|完成適配`) },
  { stage: "inference", weak: true, anchor: "weakInferenceStage", re: re(String.raw`\bruns?\b|\bran\b|\brunning\b|\bsupport(?:s|ed)?\b|\bhost(?:s|ed|ing)\b|\bpowered by\b|\bthroughput\b|\btok(?:en)?s?\s?/\s?s\b|\btokens? per second\b|\bbenchmark(?:s|ed)?\b|\btests? running\b|\boptimi[sz](?:ed|es|ing)\s+for\b|(?<!\bfine[- ]?)\btun(?:ed|es|ing)\s+for\b|\bcompiled\s+for\b|\bported\s+to\b|运行|運行|适配|適配|搭载|搭載|跑通|跑在|(?<!可|能够|能夠|足以)支持|吞吐|针对(?=[^，。；]{0,12}优化)|針對(?=[^，。；]{0,12}優化)`) },
  // C: "trained on", 训练/訓練 without a stage (not 训练服务器/训练卡: hardware named for its use).
  { stage: "training", weak: false, anchor: "trainingWord", re: re(String.raw`\btrain(?:ed|ing|s)?\b(?!\s+(?:servers?|accelerators?|chips?|GPUs?|cards?|workloads?|tasks?|compute)\b)|训练(?!服务器|卡|芯片|任务)|訓練(?!伺服器|服務器|卡|晶片|芯片|任務)`) },
];

/** Just before a trigger: the use did not happen or failed. */
export const NEGATION_BEFORE = re(String.raw`(?:\b(?:not|never|no|n't|failed to|fail(?:s|ed)? to|failures? to|unable to|could not|couldn't|rather than(?: for)?|instead of|without)\b|未|没有|沒有|没能|沒能|没法|沒法|并未|並未|无法|無法|不是|并非|並非|而非|不再)[^.;,]{0,40}$`);
/** A negation that says an attempt failed (as opposed to "rather than", "not for"). */
export const FAILURE = re(String.raw`\b(?:failed|fail(?:s|ed)? to|failures? to|unable to|could not|couldn't|falter\w*|unsuccessful|struggl\w*|(?:was|were) (?:stopped|halted|abandoned|scrapped|called off)|fell through)\b|失败|失敗|无法完成|無法完成|未能|没能|沒能|被叫停|中止|放弃|放棄`);
/** Just after a trigger: the attempt failed. */
export const NEGATION_AFTER = re(String.raw`^[^.;]{0,60}\b(?:falter(?:s|ed)?|failed|fails|unsuccessful|fell through|(?:was|were) (?:stopped|halted|abandoned|scrapped|called off))\b|^[^。；]{0,20}(?:失败|失敗|被叫停|中止|(?:尚未|仍未|未能|没能|沒能)完成)`);
/** Hypotheticals, capabilities and compatibility statements: not claims at all (a supernode that "可支持万亿参数模型训练"
 * says what it can do, vocabulary.md C7). */
// "would" reported from a speaker ("said it would open its cluster") is a plan (vocabulary.md S), not a hypothetical.
export const HYPOTHETICAL = re(String.raw`(?:\b(?:could|might|may|if|whether|did not say|has not said|not disclosed?|(?:be|is|are|was|were) able to|capable of)\b|(?<!\b(?:said|says|announced|pledged|promised|confirmed|told [\w ]{1,30}?)(?: that)? (?:it|they|he|she|the (?:company|group|firm|lab|start-?up))\s)(?<!\bthat (?:it|they|he|she|the (?:company|group|firm|lab|start-?up))\s)\bwould\b|兼容|相容|可以用于|可以用於|可用于|可用於|可支[持撑撐]|能够支[持撑]|能夠支[持撐]|足以支[持撑撐]|是否|未披露)[^.;]{0,80}$`);
export const COMPATIBILITY = re(String.raw`兼容|相容|\bcompatible with\b`);

export const MODALITY_REPORTED = re(String.raw`\b(?:reportedly|said to|according to|sources?|people familiar|alleg\w*|rumou?r\w*|tipster|report(?:s|ed)?|accounts? say|claimed|newsletter)\b|据报道|据称|知情人士|消息人士|据悉|通讯称|报道`);
// "would" here is reported future ("said it would open its cluster"): hypotheticals are dropped before.
export const MODALITY_PLANNED = re(String.raw`\b(?:plans?|planned|planning|will|would|aims?|intends?|designed to|expected to|so that|preparing|going to|to be)\b|计划|計劃|将于|將於|将在|將在|拟|擬|准备|準備|旨在`);

/** A product's purpose ("the M100, tuned for large-scale inference", "aimed at edge deployment", 面向大规模推理
 * 场景优化的M100): the stage word says what the thing is for, not that a named party used it (GUIDE: the M100
 * "optimised for inference" describes the chip). "Designed to run on X" and "designed for deployment on Ascend NPUs" name where the
 * thing runs: plans, so claims. */
export const PURPOSE = re(String.raw`\b(?:aimed at|tuned for|optimi[sz]ed for|designed for|built for|intended for|meant for|targeted at|targeting|geared (?:to|towards?))\s+(?:[\w-]+\s+){0,3}?(?:inference|training|deployment|serving)\b(?:\s+(?:and|or)\s+(?:inference|training|deployment|serving)\b)?(?!\s+(?:on|onto|across|with)\b)|(?:面向|专为|專為)[^，。；,的]{0,16}(?:推理|训练|訓練|部署)`);

/** Just before a mention: it is named as a comparison, not as the thing used. */
export const COMPARISON_BEFORE = re(String.raw`(?:\b(?:than|comparable (?:to|with)|similar to|compar(?:ed|es|ing) (?:\w+ )?(?:with|to)|versus|vs\.?|rival(?:s|ling)?|match(?:es|ing)?|beat(?:s|ing)?|outperform(?:s|ed|ing)?|such as|like|overtake|surpass(?:es)?|behind|predecessor)\b|对标|相比|超过|比肩|可达|高出|不如|如|比)[^.;,]{0,25}$`);

/** The chip named by anaphora ("deployed the chip to train ..."). */
export const CHIP_ANAPHOR = re(String.raw`\bthe (?:chip|chips|accelerator|accelerators|processor|card|cards|part)\b|该芯片|這款芯片|这款芯片|該芯片|该晶片|該晶片|这批加速器|該加速器|该加速器`);
/** The model named by anaphora, resolved to the article's main model or the models of the nearest sentence
 * before that names some ("the two models", "both models", 该模型, 这款模型, 其模型, 上述模型). */
export const MODEL_ANAPHOR = re(String.raw`\b(?:the|this|that|these|those|its|their|new|every|each|both|all) (?:(?:two|three|four|[a-z-]+) )?(?:model|models|series|weights|project|experiment|experiments|system|checkpoints?)\b|\b(?:both|all) (?:of )?(?:them|the models)\b|[该該这這此][款个個]?(?:大)?模型|该系列|該系列|其(?:大)?模型|模型的|该项目|該項目|上述(?:大)?模型|[两兩]款(?:大)?模型|这些模型|這些模型`);
/** A plural model anaphor: every model of the antecedent, not just one. */
export const PLURAL_MODEL_ANAPHOR = re(String.raw`\b(?:these|those|their|both|all|the (?:two|three|four)) (?:[a-z-]+ )?models\b|\b(?:both|all) (?:of )?(?:them|the models)\b|\bthe models\b|[两兩]款(?:大)?模型|这些模型|這些模型|上述(?:大)?模型`);
/** An org named by a description ("the Hangzhou lab", "the start-up", 该公司): the nearest AI lab or cloud
 * named before. */
export const ORG_ANAPHOR = re(String.raw`\bthe (?:[A-Z][a-z]+(?:-based)? )?(?:lab|start-?up|company|firm|developer|group)\b|该公司|該公司|这家公司|這家公司|该初创(?:公司|企业)|該初創(?:公司|企業)|该实验室|該實驗室`);

export const rulesSignature = (): string =>
  JSON.stringify([
    STAGE_TRIGGERS.map((t) => [t.stage, t.weak, t.re.source]),
    [NEGATION_BEFORE, NEGATION_AFTER, FAILURE, HYPOTHETICAL, COMPATIBILITY, PURPOSE, MODALITY_REPORTED, MODALITY_PLANNED, COMPARISON_BEFORE, CHIP_ANAPHOR, MODEL_ANAPHOR, PLURAL_MODEL_ANAPHOR, ORG_ANAPHOR].map((r) => r.source),
  ]);

/** Runs a global regex over a string and returns the match spans (offsets relative to the string). */
export function allMatches(regex: RegExp, s: string): { start: number; end: number; text: string }[] {
  const r = plainTwin(regex, s);
  const out: { start: number; end: number; text: string }[] = [];
  r.lastIndex = 0;
  for (let m = r.exec(s); m; m = r.exec(s)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
    if (m[0].length === 0) r.lastIndex++;
  }
  return out;
}

export function test(regex: RegExp, s: string): boolean {
  const r = plainTwin(regex, s);
  r.lastIndex = 0;
  return r.test(s);
}

/** Offset of the first match, or -1 (as String.prototype.search). */
export function search(regex: RegExp, s: string): number {
  const r = plainTwin(regex, s);
  r.lastIndex = 0;
  const m = r.exec(s);
  return m ? m.index : -1;
}
