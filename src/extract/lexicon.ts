// Trigger phrases (English and Chinese) used by the claim and indicator rules. Each regex runs only on one
// sentence or a short window, never on a whole article. Their sources are part of the ruleset hash.
import type { Stage } from "./types.ts";
import { plainTwin } from "./plain-regex.ts";

const re = (source: string) => new RegExp(source, "giu");

/** Stage triggers. "weak" triggers (run, support, host ...) count only when no strong trigger is present.
 * `anchor`: the anchor group (anchors.ts) that covers every alternative of the regex. */
export const STAGE_TRIGGERS: { stage: Stage; weak: boolean; anchor: string; re: RegExp }[] = [
  { stage: "pretraining", weak: false, anchor: "preTrainingStage", re: re(String.raw`\bpre-?train(?:ed|ing|s)?\b|\bfrom scratch\b|预训练`) },
  { stage: "posttraining", weak: false, anchor: "postTrainingStage", re: re(String.raw`\bpost-?train(?:ed|ing|s)?\b|\bfine-?tun(?:e|ed|es|ing)\b|\bSFT\b|\bRL\b|\breinforcement[- ]learning\b|\balignment\b|\binstruction[- ]tuning\b|后训练|微调|强化学习`) },
  { stage: "inference", weak: false, anchor: "inferenceStage", re: re(String.raw`\binferenc(?:e|ing)\b|\bserv(?:e|es|ed|ing)\b|\bdeploy(?:s|ed|ing|ment)?\b(?!\s+(?:of\s+)?(?:(?:about|some|over|more than|nearly|roughly|around|up to)\s+)?[\d,.]+(?:\s*(?:thousand|million|k))?\s+(?:[\w-]+\s+){0,3}?(?:chips|cards|GPUs|accelerators|servers|processors|NPUs)\b)|\bday[- ]?(?:0|zero|one)\b|\bvalidated configurations?\b|\bin production\b|(?<!深度)推理(?!大?模型|能力)|部署(?!了?\s*[\d数几上十百千万余多]+\s*[张块台颗套]?[^，。；]{0,6}?(?:卡|芯片|GPU|服务器|加速器))|0\s?day|零等待|上线`) },
  { stage: "inference", weak: true, anchor: "weakInferenceStage", re: re(String.raw`\bruns?\b|\bran\b|\brunning\b|\bsupport(?:s|ed)?\b|\bhost(?:s|ed|ing)\b|\bthroughput\b|\bbenchmark(?:s|ed)?\b|\btests? running\b|\boptimi[sz](?:ed|es|ing)\s+for\b|(?<!\bfine[- ]?)\btun(?:ed|es|ing)\s+for\b|\bcompiled\s+for\b|\bported\s+to\b|运行|适配|搭载|跑通|支持|吞吐|针对(?=[^，。；]{0,12}优化)`) },
  { stage: "training", weak: false, anchor: "trainingWord", re: re(String.raw`\btrain(?:ed|ing|s)?\b(?!\s+(?:servers?|accelerators?|chips?|GPUs?|cards?|workloads?|tasks?|compute)\b)|训练(?!服务器|卡|芯片|任务)`) },
];

/** Just before a trigger: the use did not happen or failed. */
export const NEGATION_BEFORE = re(String.raw`(?:\b(?:not|never|no|n't|failed to|fail(?:s|ed)? to|failures? to|unable to|could not|couldn't|rather than(?: for)?|instead of|without)\b|未|没有|并未|无法|不是|并非|而非|不再)[^.;,]{0,40}$`);
/** A negation that says an attempt failed (as opposed to "rather than", "not for"). */
export const FAILURE = re(String.raw`\b(?:failed|fail(?:s|ed)? to|failures? to|unable to|could not|couldn't|falter\w*|unsuccessful|struggl\w*|(?:was|were) (?:stopped|halted|abandoned|scrapped|called off)|fell through)\b|失败|无法完成|未能|被叫停|中止|放弃`);
/** Just after a trigger: the attempt failed. */
export const NEGATION_AFTER = re(String.raw`^[^.;]{0,60}\b(?:falter(?:s|ed)?|failed|fails|unsuccessful|fell through|(?:was|were) (?:stopped|halted|abandoned|scrapped|called off))\b|^[^。；]{0,20}(?:失败|被叫停|中止)`);
/** Hypotheticals, capabilities and compatibility statements: not claims at all. */
export const HYPOTHETICAL = re(String.raw`(?:\b(?:could|might|may|would|if|whether|did not say|has not said|not disclosed?)\b|兼容|可以用于|是否|未披露)[^.;]{0,80}$`);
export const COMPATIBILITY = re(String.raw`兼容|\bcompatible with\b`);

export const MODALITY_REPORTED = re(String.raw`\b(?:reportedly|said to|according to|sources?|people familiar|alleg\w*|rumou?r\w*|tipster|report(?:s|ed)?|accounts? say|claimed|newsletter)\b|据报道|据称|知情人士|消息人士|据悉|通讯称|报道`);
export const MODALITY_PLANNED = re(String.raw`\b(?:plans?|planned|planning|will|aims?|intends?|designed to|expected to|so that|preparing|going to|to be)\b|计划|将于|将在|拟|准备|旨在`);

/** Just before a mention: it is named as a comparison, not as the thing used. */
export const COMPARISON_BEFORE = re(String.raw`(?:\b(?:than|comparable to|similar to|compared (?:with|to)|versus|vs\.?|rival(?:s|ling)?|match(?:es|ing)?|beat(?:s|ing)?|outperform(?:s|ed|ing)?|such as|like|overtake|surpass(?:es)?|behind|predecessor)\b|对标|相比|超过|比肩|可达|高出|不如|如|比)[^.;,]{0,25}$`);

/** The chip named by anaphora ("deployed the chip to train ..."). */
export const CHIP_ANAPHOR = re(String.raw`\bthe (?:chip|chips|accelerator|accelerators|processor|card|cards|part)\b|该芯片|这款芯片|这批加速器|该加速器`);
/** The model named by anaphora (resolved to the article's main model or the previous sentence's). */
export const MODEL_ANAPHOR = re(String.raw`\b(?:the|this|that|these|its|new|every|each) (?:[a-z-]+ )?(?:model|models|series|weights|project|experiment|experiments|system)\b|该模型|该系列|其模型|模型的|该项目`);

export const rulesSignature = (): string =>
  JSON.stringify([
    STAGE_TRIGGERS.map((t) => [t.stage, t.weak, t.re.source]),
    [NEGATION_BEFORE, NEGATION_AFTER, FAILURE, HYPOTHETICAL, COMPATIBILITY, MODALITY_REPORTED, MODALITY_PLANNED, COMPARISON_BEFORE, CHIP_ANAPHOR, MODEL_ANAPHOR].map((r) => r.source),
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
