// Claims: within a sentence (or a sentence and the one before it, when the subject is named by anaphora),
// a subject (model, else the org using the chip) + a chip + a lifecycle stage, with modality and negation.
import type { Claim, Modality, Span, Stage } from "./types.ts";
import type { AnchorHits, Mention } from "./match.ts";
import { ANCHOR_BIT } from "./anchors.ts";
import { Layout, rowSaysNo } from "./claim-layout.ts";
import {
  allMatches, CHIP_ANAPHOR, COMPARISON_BEFORE, COMPATIBILITY, HYPOTHETICAL, MODALITY_PLANNED, MODALITY_REPORTED,
  MODEL_ANAPHOR, NEGATION_AFTER, NEGATION_BEFORE, ORG_ANAPHOR, PLURAL_MODEL_ANAPHOR, PURPOSE, STAGE_TRIGGERS, test,
} from "./lexicon.ts";

export interface Doc {
  text: string;
  titleEnd: number;
  mentions: Mention[];
  /** Union of the anchor groups found anywhere in the article: a sentence can only have a subset. */
  anchorUnion: number;
  /** The rest is computed on first use (see LazyDoc): most articles never need sentences. */
  readonly sentences: Span[];
  /** Mentions of each sentence. */
  readonly sentenceMentions: Mention[][];
  /** Per sentence, a bit mask of the anchor groups (anchors.ts) that occur in it (a reused buffer: entries
   * past the last sentence are stale). */
  readonly sentenceAnchors: Int32Array;
}

/** The anchor bits as a local table (an imported binding is a getter call under some loaders). */
const BIT: Readonly<Record<string, number>> = { ...ANCHOR_BIT };
export const hasAnchor = (doc: Doc, si: number, group: string): boolean => (doc.sentenceAnchors[si]! & BIT[group]!) !== 0;

/** Sentences without mentions share this (read-only) array: most have none. */
const NO_MENTIONS: Mention[] = [];

/** Splits mentions and anchor hits by sentence: one linear sweep each (anchor hits come in end order, so
 * their starts are sorted but for overlaps; the sweep steps back for those). An anchor belongs to the last
 * sentence starting at or before it (the first sentence when none does). */
export function indexBySentence(sentences: Span[], mentions: Mention[], anchors: AnchorHits): { sentenceMentions: Mention[][]; sentenceAnchors: Int32Array } {
  const n = sentences.length;
  const sentenceMentions: Mention[][] = new Array<Mention[]>(n).fill(NO_MENTIONS);
  let si = 0;
  for (const m of mentions) {
    while (si < n && sentences[si]!.end <= m.start) si++;
    if (si < n && inSpan(m, sentences[si]!)) {
      if (sentenceMentions[si] === NO_MENTIONS) sentenceMentions[si] = [];
      sentenceMentions[si]!.push(m);
    }
  }
  const sentenceAnchors = anchors.sentenceMasks(n);
  if (n === 0) return { sentenceMentions, sentenceAnchors };
  si = 0;
  for (let h = 0; h < anchors.length; h++) {
    const pos = anchors.starts[h]!;
    while (si + 1 < n && sentences[si + 1]!.start <= pos) si++;
    while (si > 0 && sentences[si]!.start > pos) si--;
    sentenceAnchors[si]! |= anchors.masks[h]!;
  }
  return { sentenceMentions, sentenceAnchors };
}

interface Trigger {
  stage: Stage;
  weak: boolean;
  start: number;
  end: number;
}

const USER_ROLES = new Set(["ai_lab", "cloud"]);

export const chipFamilyOf = (m: Mention): string => m.entity?.family ?? m.family ?? m.name;
const isDomestic = (m: Mention): boolean => m.entity?.domestic ?? m.domestic ?? false;
const isCpu = (m: Mention): boolean => /\bCPU\b/.test(m.entity?.kind ?? "");
const isFamilyLevel = (m: Mention): boolean => m.entity !== undefined && m.entity.canonical === m.entity.family;

export function inSpan(m: Span, s: Span): boolean {
  return m.start >= s.start && m.end <= s.end;
}

/** The chips of a sentence that are not comparisons; a chip coordinated with a compared one is compared too
 * ("compared well with published results for Nvidia H100 and H800 systems"). */
function notCompared(text: string, chips: Mention[], s: Span): Mention[] {
  const out: Mention[] = [];
  let compared = false;
  for (let i = 0; i < chips.length; i++) {
    const c = chips[i]!;
    compared = isComparison(text, c, s) || (compared && COORDINATED.test(text.slice(chips[i - 1]!.end, c.start)));
    if (!compared) out.push(c);
  }
  return out;
}

/** A mention written as a comparison ("comparable to a pair of H100s", "faster than Qwen3-8B"). */
export function isComparison(text: string, m: Span, sentence: Span): boolean {
  return test(COMPARISON_BEFORE, text.slice(Math.max(sentence.start, m.start - 60), m.start));
}

for (const t of STAGE_TRIGGERS) if (!(t.anchor in ANCHOR_BIT)) throw new Error(`stage trigger anchor ${t.anchor} is not an anchor group`);

const ROLLOUT_AFTER = /^\s*[（(]?\s*rollouts?\b/iu;
const ROLLOUT_BEFORE = /\brollouts?\s*[)）]?\s*$/iu;

/** Stage triggers in a sentence; `anchorMask` (the sentence's anchor groups) skips regexes that cannot match. */
export function findTriggers(text: string, s: Span, anchorMask = -1): Trigger[] {
  const body = text.slice(s.start, s.end);
  const found: Trigger[] = [];
  for (const t of STAGE_TRIGGERS) {
    if ((anchorMask & BIT[t.anchor]!) === 0) continue;
    for (const m of allMatches(t.re, body)) found.push({ stage: t.stage, weak: t.weak, start: s.start + m.start, end: s.start + m.end });
  }
  // Inference glossed as rollout ("推理（rollout）", "rollout inference") is the generation step of RL:
  // post-training (vocabulary.md C6).
  for (const t of found) {
    if (t.stage === "inference" && !t.weak && (ROLLOUT_AFTER.test(text.slice(t.end, Math.min(s.end, t.end + 12))) || ROLLOUT_BEFORE.test(text.slice(Math.max(s.start, t.start - 12), t.start)))) t.stage = "posttraining";
  }
  // A generic "training" inside a specific one ("pre-training", "预训练") is that one.
  return found.filter((t) => t.stage !== "training" || !found.some((o) => o !== t && o.stage !== "training" && o.start <= t.start && o.end >= t.end && !(o.start === t.start && o.end === t.end)) && !found.some((o) => o.stage !== "training" && !o.weak && o.start < t.end && o.end > t.start));
}

function modalityOf(sentence: string): Modality {
  if (test(MODALITY_REPORTED, sentence)) return "reported";
  if (test(MODALITY_PLANNED, sentence)) return "planned";
  return "achieved";
}

const CLAUSE_BREAK = /,?\s+(?:but|while|whereas|although|though)\s+|;|，但|，而|但是/giu;

/** Clause breaks of a sentence, as absolute spans (found once per sentence, not once per trigger). */
function clauseBreaks(text: string, s: Span): Span[] {
  return allMatches(CLAUSE_BREAK, text.slice(s.start, s.end)).map((m) => ({ start: s.start + m.start, end: s.start + m.end }));
}

const hasCompatibility = (body: string) => test(COMPATIBILITY, body);

/** The clauses of a sentence that state compatibility (not a use: GUIDE "兼容 Atlas 800T A2"). */
function compatibleClauses(text: string, s: Span, breaks: Span[]): Span[] {
  const out: Span[] = [];
  let start = s.start;
  for (const b of [...breaks, { start: s.end, end: s.end }]) {
    if (b.start > start && hasCompatibility(text.slice(start, b.start))) out.push({ start, end: b.start });
    start = Math.max(start, b.end);
  }
  return out;
}

/** The clause of the sentence that holds a position (clauses split at "but", "while", semicolons ...). */
function clauseAround(s: Span, breaks: Span[], pos: number): Span {
  let start = s.start;
  let end = s.end;
  for (const b of breaks) {
    if (b.end <= pos) start = Math.max(start, b.end);
    else if (b.start >= pos) end = Math.min(end, b.start);
  }
  return { start, end };
}

/** Mentions and triggers a sentence pairs at most: real sentences have a handful; a run-on text (a table,
 * a headline list, hostile input) that the splitter could only cut at its length limit would otherwise
 * pair every trigger with every chip. */
const MAX_PAIRED = 32;

/** Between a verb and a chip after it: the chip belongs to the next clause ("完成预训练，并在昇腾910B上部署"). */
const SAME_CLAUSE_BREAK = /[,，;；、]|\b(?:and|then|while|but)\b|并|並|而|然后|然後/u;
const USE_BEFORE_CHIP = /\b(?:on|using|with|via|atop|across)\b|在|基于|使用|用|采用/i;
/** Between two chips: nothing but a coordinator ("Cambricon chips and Biren GPUs", "910B, 910C or 910D"). */
const COORDINATED = /^[\s,、，]*(?:and|or|as well as|和|及|与|以及)?[\s,、，]*$/i;

/** The chip(s) a trigger is said of (`chips` sorted by start): the first after it behind "on/using/在/用 ..."
 * when close, else the one just before it, else that one after it, else the nearest before, else one right after; plus the chips coordinated
 * with it. One pass over the chips, no allocation but the result. */
function pairChips(text: string, trig: Trigger, chips: Mention[]): Mention[] {
  let adjacent = -1;
  let after = -1;
  let before = -1;
  let afterAny = -1;
  for (let i = 0; i < chips.length; i++) {
    const c = chips[i]!;
    if (c.end <= trig.start) {
      const gap = trig.start - c.end;
      if (gap <= 30) adjacent = i;
      if (gap <= 160) before = i;
    } else if (c.start >= trig.end) {
      const gap = c.start - trig.end;
      if (gap > 150) break;
      if (afterAny < 0 && gap <= 60) afterAny = i;
      if (after < 0 && USE_BEFORE_CHIP.test(text.slice(trig.end, c.start))) after = i;
      if (after >= 0 && afterAny >= 0) break;
    }
  }
  // The verb's own object right after it ("deployed it on Hygon DCU", "部署在昇腾上") beats a chip just
  // before it that belongs to an earlier verb ("fine-tuned on Ascend 910B clusters and deployed it on ...").
  const closeAfter = after >= 0 && chips[after]!.start - trig.end <= 25 && !SAME_CLAUSE_BREAK.test(text.slice(trig.end, chips[after]!.start));
  const i = closeAfter ? after : adjacent >= 0 ? adjacent : after >= 0 ? after : before >= 0 ? before : afterAny;
  if (i < 0) return [];
  const out = [chips[i]!];
  const joined = (a: Mention, b: Mention) => COORDINATED.test(text.slice(a.end, b.start));
  for (let j = i + 1; j < chips.length && joined(chips[j - 1]!, chips[j]!); j++) out.push(chips[j]!);
  for (let j = i - 1; j >= 0 && joined(chips[j]!, chips[j + 1]!); j--) out.push(chips[j]!);
  return out;
}

/** Model subjects of a trigger: in its clause, before it or just after it ("trained R1 on ..."). */
function modelSubjectsFor(text: string, s: Span, breaks: Span[], trig: Trigger, models: Mention[]): Mention[] {
  const clause = clauseAround(s, breaks, trig.start);
  const near = (m: Mention) => (m.end <= trig.start ? trig.start - m.end <= 160 : m.start - trig.end <= 40);
  const inClause = models.filter((m) => inSpan(m, clause) && near(m));
  // "supports Llama, Qwen, Qwen2 and DeepSeek-R1": the models coordinated with the first one after the
  // trigger are subjects too.
  const lastAfter = inClause.findLast((m) => m.start >= trig.end);
  if (lastAfter) {
    for (let j = models.indexOf(lastAfter) + 1; j < models.length && inSpan(models[j]!, clause) && COORDINATED.test(text.slice(models[j - 1]!.end, models[j]!.start)); j++) inClause.push(models[j]!);
  }
  // "X trained R1 on A but is running inference on B": the later clause shares the earlier subject.
  return inClause.length > 0 ? inClause : models.filter((m) => m.end <= clause.start && near(m));
}

/** Between a listed maker and the model after it: a coordinator, maybe the next model's own maker ("DeepSeek,
 * Alibaba's Qwen and Tencent's Hunyuan models"). */
const MAKER_LISTED = /^\s*(?:,|、|，|\band\b|\bor\b|和|及|与)\s*(?:and\s+)?(?:[A-Z][\w-]*['’]s\s+)?$/u;

/** Orgs listed among model subjects as the name of their models ("support DeepSeek, Alibaba's Qwen and
 * Tencent's Hunyuan models", GUIDE: a model named only by its maker gives the maker): an AI lab or cloud,
 * not a vendor of the chips, not the possessor of the next model ("Alibaba's Qwen"). */
const POSSESSIVE = /^['’]s\s+$/u;

function listedMakers(text: string, here: Mention[], subjects: Mention[], vendors: Set<string | undefined>): Mention[] {
  const out: Mention[] = [];
  for (const subj of subjects) {
    let org = here.findLast((m) => m.type === "org" && m.end <= subj.start && subj.start - m.end <= 40);
    if (org && POSSESSIVE.test(text.slice(org.end, subj.start))) {
      const owner = org;
      org = here.findLast((m) => m.type === "org" && m.end <= owner.start && subj.start - m.end <= 40);
    }
    if (!org || vendors.has(org.name) || !org.entity?.roles.some((r) => USER_ROLES.has(r))) continue;
    if (MAKER_LISTED.test(text.slice(org.end, subj.start)) && !subjects.some((o) => o.start < org.start && o.end > org.start)) out.push(org);
  }
  return out;
}

/** Between a hypothetical use and another: "or" makes the second an alternative of the first. */
const ALTERNATIVE = /\bor\b|或者|或是|还是|還是/u;
const ALTERNATIVE_REACH = 200;
/** How far a header's list or an anaphor's antecedent is looked for (sentences). */
const LIST_REACH = 20;
const ANTECEDENT_REACH = 3;
/** How far before a list item its list's chip may be named (characters). */
const LIST_CHIP_REACH = 600;

/** An org named as the maker of an unnamed model ("a distilled DeepSeek model"). */
const MAKER_OF_MODEL = /^(?!-like\b)(?:'s)?\s*(?:[\w-]+\s+){0,2}?models?\b|^的?(?:大)?模型/iu;
const MODEL_NOUN = /\bmodels?\b|模型/iu;
const MODEL_WORD = /\bmodels?\b|模型|\binferenc|推理|\btrain|训练/iu;

export function extractClaims(doc: Doc): Claim[] {
  const { text, sentences, mentions } = doc;
  const title: Span = { start: 0, end: doc.titleEnd };
  const usable = (m: Mention, s: Span) => !isComparison(text, m, s);
  const mainModel = mentions.find((m) => m.type === "model" && inSpan(m, title) && usable(m, title));
  const titleChip = mentions.find((m) => m.type === "chip" && inSpan(m, title) && !isCpu(m) && usable(m, title));
  const layout = new Layout(text, sentences);
  const allChips = mentions.filter((m) => m.type === "chip" && !isCpu(m));
  // The article's platform when all its chips are one vendor's (a README or changelog of "RKLLM" naming
  // RK3588 and RK3576): the first named.
  const vendorOf = (m: Mention) => m.entity?.org ?? m.org;
  const articleChip = allChips.length > 0 && vendorOf(allChips[0]!) !== undefined && allChips.every((m) => vendorOf(m) === vendorOf(allChips[0]!)) ? allChips[0] : undefined;
  const raw: Claim[] = [];
  // The last usable chip before a position; positions only grow (sentences in order), so one pointer walks
  // the mentions once for the whole article.
  let chipCursor = 0;
  let lastChip: Mention | undefined;
  const lastChipBefore = (pos: number): Mention | undefined => {
    for (; chipCursor < mentions.length && mentions[chipCursor]!.end <= pos; chipCursor++) {
      const m = mentions[chipCursor]!;
      if (m.type === "chip" && !isCpu(m)) lastChip = m;
    }
    return lastChip;
  };

  // The last AI lab or cloud named before a position, a few sentences back at most.
  const lastUserOrgBefore = (pos: number, si: number): Mention | undefined => {
    for (let k = si; k >= 0 && k >= si - ANTECEDENT_REACH; k--) {
      const found = doc.sentenceMentions[k]!.findLast((m) => m.type === "org" && m.end <= pos && m.entity !== undefined && m.entity.roles.some((r) => USER_ROLES.has(r)));
      if (found) return found;
    }
    return undefined;
  };

  sentences.forEach((s, si) => {
    if (!hasAnchor(doc, si, "stage")) return;
    const here = doc.sentenceMentions[si]!;
    if (!here.some((m) => m.type === "chip" || m.type === "model")) return;
    let chips = notCompared(text, here.filter((m) => m.type === "chip" && !isCpu(m)), s).slice(0, MAX_PAIRED);
    // Without a usable chip, only "the chip" (anaphora) can name one: no need to look for triggers.
    if (chips.length === 0 && !hasAnchor(doc, si, "chipAnaphor") && !layout.listItem(si)) return;
    const body = text.slice(s.start, s.end);
    // A stage word inside a model's name ("DeepSeek-R1-Distill-Qwen-1.5B") is part of the name.
    const inName = (t: Trigger) => here.some((m) => m.type === "model" && m.start < t.end && m.end > t.start);
    let triggers = withoutPurpose(body, s.start, findTriggers(text, s, doc.sentenceAnchors[si])).filter((t) => !inName(t)).slice(0, MAX_PAIRED);
    if (triggers.length === 0) return;
    const breaks = clauseBreaks(text, s);
    const models = here.filter((m) => m.type === "model" && usable(m, s));
    if (chips.length === 0) {
      const anaphor = hasAnchor(doc, si, "chipAnaphor") ? allMatches(CHIP_ANAPHOR, body)[0] : undefined;
      if (models.length === 0) return;
      const before = lastChipBefore(s.start);
      // A list item that names a model and a use but no chip ("- Qwen3-4B: about 5.5 tokens/s", "- New model
      // support: Llama3, Gemma2") is said of the article's chip, or of the chip its list was introduced with
      // (a few lines up).
      const ref = anaphor ? titleChip ?? before : layout.listItem(si) ? titleChip ?? articleChip ?? (before && s.start - before.end <= LIST_CHIP_REACH ? before : undefined) : undefined;
      if (!ref) return;
      chips = anaphor ? [{ ...ref, start: s.start + anaphor.start, end: s.start + anaphor.end }] : [{ ...ref, start: s.start, end: s.start }];
    }
    // Subjects that do not depend on the trigger: carried over by anaphora, from a list, or the article's main model.
    let carried: Mention[] = [];
    if (models.length === 0) {
      const ownModels = (k: number) => doc.sentenceMentions[k]!.filter((m) => m.type === "model" && usable(m, sentences[k]!));
      if (layout.colonHeader(si)) {
        // A header ("Ascend 910B now serves:") over list items that name the models.
        for (let k = si + 1; k < sentences.length && k <= si + LIST_REACH && layout.listItem(k); k++) carried.push(...ownModels(k));
      } else if (layout.listItem(si)) {
        // A list item under a header that names the models ("Day-0 support for DeepSeek-V4:").
        for (let k = si - 1; k >= 0 && k >= si - LIST_REACH; k--) {
          if (layout.listItem(k)) continue;
          if (layout.colonHeader(k)) carried = ownModels(k);
          break;
        }
      }
    }
    const modelAnaphor = carried.length === 0 && hasAnchor(doc, si, "modelAnaphor") ? allMatches(MODEL_ANAPHOR, body)[0] : undefined;
    if (modelAnaphor) {
      const plural = test(PLURAL_MODEL_ANAPHOR, body);
      // A long sentence that names its models first and refers back to them ("... published its Qianfan-VL
      // models - 3B, 8B and 70B versions ... - the paper stated that every model in the series had been trained
      // on ..."): the antecedent is in the sentence.
      const sameSentence = models.filter((m) => m.end <= s.start + modelAnaphor.start);
      if (sameSentence.length > 0) carried = sameSentence;
      else if (mainModel && mainModel.end <= s.start && !plural) carried = [mainModel];
      else if (models.length === 0) {
        // The nearest sentence before that names models (a few back at most), all of its models.
        for (let k = si - 1; k >= 0 && k >= si - ANTECEDENT_REACH && carried.length === 0; k--) {
          carried = doc.sentenceMentions[k]!.filter((m) => m.type === "model" && usable(m, sentences[k]!));
          // "Every experiment ran on ...": the previous sentence's stage words apply too.
          if (carried.length > 0 && k === si - 1) triggers = [...findTriggers(text, sentences[k]!, doc.sentenceAnchors[k]).map((t) => ({ ...t, start: s.start, end: s.start })), ...triggers];
        }
        if (carried.length === 0 && mainModel && mainModel.end <= s.start) carried = [mainModel];
      }
    }
    const vendors = new Set(chips.map((c) => c.entity?.org ?? c.org));
    // A chip vendor is the user when it runs a model itself ("Horizon ran a small model on its Journey 5"),
    // not when its name is just part of the chip's ("Huawei's Ascend 910C").
    // A lab named beside the vendor is the user ("讯飞联合华为发布…平台"): the vendor is its partner.
    const isUser = (m: Mention) => m.type === "org" && m.entity !== undefined && !vendors.has(m.name) && m.entity.roles.some((r) => USER_ROLES.has(r));
    const otherUser = here.some(isUser);
    const vendorRunsModel = (m: Mention) => !otherUser && test(MODEL_NOUN, body) && !chips.some((c) => c.start >= m.end && c.start - m.end <= 3);
    const orgUsers = here.filter((m) => isUser(m) || (m.type === "org" && m.entity !== undefined && vendors.has(m.name) && vendorRunsModel(m)));
    // "the Hangzhou lab", "the start-up", 该公司: the nearest AI lab or cloud named before, as a user.
    if (models.length === 0 && carried.length === 0) {
      const anaphor = allMatches(ORG_ANAPHOR, body)[0];
      const ref = anaphor ? lastUserOrgBefore(s.start + anaphor.start, si) : undefined;
      if (anaphor && ref && !vendors.has(ref.name)) orgUsers.push({ ...ref, start: s.start + anaphor.start, end: s.start + anaphor.end });
    }
    const makers = here.filter((m) => m.type === "org" && test(MAKER_OF_MODEL, text.slice(m.end, m.end + 40)));
    const modality = modalityOf(body);
    // Compatibility ("compatible with Hugging Face architectures", 兼容) rules out the uses of its own clause
    // only: "...; supports Llama, Qwen and Phi-2" after a semicolon is a use.
    const compatible = hasCompatibility(body) ? compatibleClauses(text, s, breaks) : [];
    const compatibleAt = (pos: number) => compatible.some((c) => pos >= c.start && pos < c.end);

    const pairs: { trig: Trigger; chip: Mention; negated: boolean }[] = [];
    const hypothetical: Trigger[] = [];
    for (const trig of [...triggers].sort((a, b) => a.start - b.start)) {
      const before = text.slice(Math.max(s.start, trig.start - 90), trig.start);
      const negated = test(NEGATION_BEFORE, before.slice(-60)) || test(NEGATION_AFTER, text.slice(trig.end, Math.min(s.end, trig.end + 80)));
      // A modal governs the alternatives it introduces ("could support training ... models, or a thousand
      // customers fine-tuning smaller ones").
      const alternative = hypothetical.some((h) => trig.start - h.end <= ALTERNATIVE_REACH && test(ALTERNATIVE, text.slice(h.end, trig.start)));
      if (!negated && (test(HYPOTHETICAL, before) || alternative)) {
        hypothetical.push(trig);
        continue;
      }
      if (!negated && compatibleAt(trig.start)) continue;
      const clause = clauseAround(s, breaks, trig.start);
      const inClause = chips.filter((c) => inSpan(c, clause));
      for (const chip of pairChips(text, trig, inClause.length > 0 ? inClause : chips)) pairs.push({ trig, chip, negated });
    }
    // A weak trigger ("runs", "supports") yields nothing for a chip that a strong trigger already covers.
    const kept = pairs.filter((p) => !p.trig.weak || !pairs.some((q) => !q.trig.weak && q.chip === p.chip));
    for (const { trig, chip, negated } of kept) {
      let subjects = modelSubjectsFor(text, s, breaks, trig, models);
      if (subjects.length > 0) subjects = [...subjects, ...listedMakers(text, here, subjects, vendors)];
      if (subjects.length === 0) subjects = carried;
      if (subjects.length === 0) subjects = makers.filter((m) => Math.abs(m.start - trig.start) <= 120);
      // "Deployed a cluster" is not serving a model: an org subject needs a model or stage word besides it.
      const trigText = text.slice(trig.start, trig.end);
      if (subjects.length === 0 && (!/deploy|部署/i.test(trigText) || test(MODEL_WORD, body.replace(trigText, "")))) subjects = orgUsers.filter((m) => m.start < trig.start);
      if (subjects.length === 0 && mainModel && mainModel.end <= s.start && !trig.weak) subjects = [mainModel];
      for (const subj of subjects) {
        raw.push({
          subject: subj.name,
          subjectType: subj.type === "model" ? "model" : "org",
          chip: chip.name,
          chipDomestic: isDomestic(chip),
          stage: trig.stage,
          modality,
          negated,
          evidence: { start: s.start, end: s.end },
        });
      }
    }
  });
  raw.push(...rowClaims(doc, layout, { mainModel, titleChip, articleChip, allChips, usable }));
  // Most articles that name a chip make no claim: nothing to settle (both steps below map nothing to nothing).
  if (raw.length === 0) return raw;
  // Subjects are settled over all raw claims (a title's org claim meets the body's model claim), then deduped.
  return dedupeClaims(preferModels(raw, doc), mentions);
}

interface ArticleRefs {
  mainModel: Mention | undefined;
  titleChip: Mention | undefined;
  articleChip: Mention | undefined;
  allChips: Mention[];
  usable: (m: Mention, s: Span) => boolean;
}

/** Claims told by layout: the stage word in a header, the subjects (and maybe the chip) in the rows under it
 * ("Model support snapshot" over "Yi-6B (chat)   yes / yes / yes", "## Supported models" over "- MiniCPM-V
 * 2.0", "## 4. Deployment" over "Hardware: Atlas 800T A2" in the model's own card). A row without a chip is
 * said of the header's chip, the title's, the article's single vendor's, or the chip named just before the
 * header; a table row that only says "no" is negated. */
function rowClaims(doc: Doc, layout: Layout, refs: ArticleRefs): Claim[] {
  const { text, sentences } = doc;
  const out: Claim[] = [];
  // The title's use ("vLLM-Ascend docs: Qwen3 models, supported versions and minimum hardware"), for tables
  // whose rows pair a model with a chip under a header without a stage word ("Minimum hardware").
  let titleTriggers: Trigger[] | undefined;
  const titleUse = (): Trigger[] => (titleTriggers ??= sentences.flatMap((t, k) => t.start < doc.titleEnd && hasAnchor(doc, k, "stage") ? withoutPurpose(text.slice(t.start, t.end), t.start, findTriggers(text, t, doc.sentenceAnchors[k])) : []));
  for (let hi = 0; hi < sentences.length; hi++) {
    if (!layout.isRowHeader(hi)) continue;
    // The header's line, whole: the splitter cuts "## 4. Deployment" after "4.".
    let last = hi;
    while (last + 1 < sentences.length && !layout.lineStart(last + 1)) last++;
    const h: Span = { start: sentences[hi]!.start, end: sentences[last]!.end };
    const found: Trigger[] = [];
    for (let k = hi; k <= last; k++) if (hasAnchor(doc, k, "stage")) found.push(...findTriggers(text, sentences[k]!, doc.sentenceAnchors[k]));
    const hBody = text.slice(h.start, h.end);
    const pairedOnly = found.length === 0;
    const usable = pairedOnly ? titleUse() : withoutPurpose(hBody, h.start, found).filter((t) => !test(HYPOTHETICAL, text.slice(h.start, t.start)));
    const strong = usable.filter((t) => !t.weak);
    const triggers = strong.length > 0 ? strong : usable;
    if (triggers.length === 0) continue;
    const rows = layout.rowsUnder(hi);
    if (rows.length === 0) continue;
    const stages = [...new Set(triggers.map((t) => t.stage))];
    const headerNegated = triggers.every((t) => test(NEGATION_BEFORE, text.slice(Math.max(h.start, t.start - 60), t.start)));
    const chipsOf = (k: number) => doc.sentenceMentions[k]!.filter((m) => m.type === "chip" && !isCpu(m) && refs.usable(m, sentences[k]!));
    const headerChips: Mention[] = [];
    for (let k = hi; k <= last; k++) headerChips.push(...chipsOf(k));
    const before = lastBefore(refs.allChips, h.start);
    const fallback = headerChips.length > 0 ? headerChips : [refs.titleChip ?? refs.articleChip ?? (before && h.start - before.end <= LIST_CHIP_REACH ? before : undefined)].filter((m) => m !== undefined);
    const modality = modalityOf(hBody);
    for (const k of rows) {
      const row = sentences[k]!;
      const models = doc.sentenceMentions[k]!.filter((m) => m.type === "model" && refs.usable(m, row));
      // "Hardware: Atlas 800T A2" in a model card's deployment section is said of the card's model.
      const subjects = models.length > 0 ? models : layout.keyValue(k) && layout.mdLevel(hi) > 0 && refs.mainModel ? [refs.mainModel] : [];
      if (subjects.length === 0) continue;
      const rowChips = chipsOf(k);
      if (pairedOnly && (rowChips.length === 0 || models.length === 0 || !layout.tableRow(k))) continue;
      const chips = rowChips.length > 0 ? rowChips : fallback;
      const lastModel = models.at(-1);
      const negated = headerNegated || (layout.tableRow(k) && rowSaysNo(text.slice(lastModel ? lastModel.end : row.start, row.end)));
      for (const subj of subjects) for (const chip of chips.slice(0, MAX_PAIRED)) for (const stage of stages) {
        out.push({
          subject: subj.name,
          subjectType: "model",
          chip: chip.name,
          chipDomestic: isDomestic(chip),
          stage,
          modality,
          negated,
          evidence: { start: row.start, end: row.end },
        });
      }
    }
  }
  return out;
}

/** The last mention (sorted by start) that ends at or before a position: a binary search. */
function lastBefore(sorted: Mention[], pos: number): Mention | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}

/** Whether a set of sentence starts holds one other than `start` (O(1): no pass over the set per claim). */
const toldElsewhere = (starts: Set<number> | undefined, start: number): boolean => starts !== undefined && (starts.size > 1 || !starts.has(start));

/** The model named rather than its org or its family (GUIDE: the subject is the model where one is named):
 * - an org claim becomes a claim of the org's model when the article names exactly one model of that org
 *   up to the claim ("MiniMax says the RL stage ran on H800s" after "MiniMax has released MiniMax-M1"),
 *   unless the sentence speaks of an unnamed model ("a new model");
 * - an org claim is dropped when a claim of one of its own models says the same use (chip family and
 *   stage) and the sentence names no other model ("a distilled DeepSeek model" stays with DeepSeek, unless
 *   the sentence is the title, which sums up the body);
 * - a claim of a model family (Pangu, Qwen3.5) is dropped when a member of it (Pangu Pro MoE) has the same
 *   use in another sentence: one use told twice. In one sentence ("supports Qwen and Qwen2") both stand. */
function preferModels(claims: Claim[], doc: Doc): Claim[] {
  const { text, mentions } = doc;
  const famOfChip = new Map<string, string>();
  const modelsByOrg = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (m.type === "chip") famOfChip.set(m.name, chipFamilyOf(m));
    const maker = m.entity?.org;
    if (m.type === "model" && maker !== undefined) {
      const list = modelsByOrg.get(maker) ?? [];
      list.push(m);
      modelsByOrg.set(maker, list);
    }
  }
  const use = (c: Claim) => `${famOfChip.get(c.chip) ?? c.chip}|${c.stage}|${c.negated}`;
  const unnamed = (c: Claim) => test(UNNAMED_MODEL, text.slice(c.evidence.start, c.evidence.end));
  // A family's members named in the article ("盘古Pro MoE" of Pangu).
  const membersOf = new Map<string, Set<string>>();
  for (const m of mentions) {
    const f = m.type === "model" ? m.entity?.family : undefined;
    if (f !== undefined && f !== m.name) membersOf.set(f, (membersOf.get(f) ?? new Set<string>()).add(m.name));
  }
  const rewritten = claims.map((c) => {
    // A title sums up the body: "MiniMax says full RL training of its M1 model ..." and "华为开源盘古大模型：
    // Pro MoE 72B由昇腾预训练" speak of the one model of that org, or member of that family, the article names.
    // Only a title that speaks of a model ("its M1 reasoning model", 盘古大模型): "a denied plan to train on
    // Huawei" is the org's, whatever model the body names.
    const inTitle = c.evidence.start < doc.titleEnd && test(MODEL_NOUN, text.slice(c.evidence.start, c.evidence.end));
    if (c.subjectType === "model") {
      const members = inTitle ? membersOf.get(c.subject) : undefined;
      return members?.size === 1 ? { ...c, subject: [...members][0]! } : c;
    }
    // Named before the claim's sentence: a model in the sentence itself would be its subject already, unless
    // it belongs to another clause ("DeepSeek trained ... on H800s, while R1 is served on ...").
    const named = new Set((modelsByOrg.get(c.subject) ?? []).filter((m) => inTitle || m.end <= c.evidence.start).map((m) => m.name));
    if (named.size !== 1 || unnamed(c)) return c;
    return { ...c, subject: [...named][0]!, subjectType: "model" as const };
  });
  const makerOf = new Map<string, string>();
  for (const m of mentions) if (m.type === "model" && m.entity?.org !== undefined) makerOf.set(m.name, m.entity.org);
  // Uses by a model, keyed by its maker: an org claim that repeats one is the same use.
  const makerUses = new Set(rewritten.filter((c) => c.subjectType === "model" && makerOf.has(c.subject)).map((c) => `${makerOf.get(c.subject)!}|${use(c)}`));
  const familyOf = new Map<string, string>();
  for (const m of mentions) if (m.type === "model" && m.entity?.family !== undefined && m.entity.family !== m.name) familyOf.set(m.name, m.entity.family);
  // family|use -> the sentences where a member of the family has that use (keyed: no pass over all claims per claim).
  const memberUses = new Map<string, Set<number>>();
  for (const o of rewritten) {
    if (o.subjectType !== "model") continue;
    const families = new Set<string>();
    const fam = familyOf.get(o.subject);
    if (fam !== undefined) families.add(fam);
    for (let i = o.subject.indexOf("-"); i > 0; i = o.subject.indexOf("-", i + 1)) families.add(o.subject.slice(0, i));
    for (const f of families) {
      const key = `${f}|${use(o)}`;
      const starts = memberUses.get(key) ?? new Set<number>();
      starts.add(o.evidence.start);
      memberUses.set(key, starts);
    }
  }
  // A family listed with other models ("New model support: ChatGLM3 and MiniCPM"; "supports Llama, Qwen,
  // Qwen2 and Phi-2") is an entry of its own list, not a second telling of a member's use.
  const subjectsAt = new Map<string, Set<string>>();
  for (const o of rewritten) if (o.subjectType === "model") {
    const k = `${o.evidence.start}|${use(o)}`;
    subjectsAt.set(k, (subjectsAt.get(k) ?? new Set<string>()).add(o.subject));
  }
  const listed = (c: Claim) => (subjectsAt.get(`${c.evidence.start}|${use(c)}`)?.size ?? 0) >= 2;
  const memberElsewhere = (c: Claim) => !listed(c) && toldElsewhere(memberUses.get(`${c.subject}|${use(c)}`), c.evidence.start);
  // A chip vendor's own claim ("a Huawei research team ... serves large MoE models on CloudMatrix384") is the
  // same use as a named model's on its chip (DeepSeek-R1 served on CloudMatrix 384): the vendor ran the model.
  const vendorOf = new Map<string, string | undefined>();
  for (const m of mentions) if (m.type === "chip") vendorOf.set(m.name, m.entity?.org ?? m.org);
  // Told in another sentence: in its own ("Huawei pitched Kirin for running models locally ... to Pangu") the
  // vendor stands beside the model.
  const modelUses = new Map<string, Set<number>>();
  for (const c of rewritten) if (c.subjectType === "model") modelUses.set(use(c), (modelUses.get(use(c)) ?? new Set<number>()).add(c.evidence.start));
  const vendorRepeats = (c: Claim) => vendorOf.get(c.chip) === c.subject && toldElsewhere(modelUses.get(use(c)), c.evidence.start);
  // A title's "DeepSeek models go live on Ascend" sums up the body's named models (R1 and V3 served there): an
  // unnamed model in the title is one of them, not a use of its own.
  const ownUse = (c: Claim) => unnamed(c) && c.evidence.start >= doc.titleEnd;
  return rewritten.filter((c) =>
    c.subjectType === "org" ? !(makerUses.has(`${c.subject}|${use(c)}`) && !ownUse(c)) && !vendorRepeats(c) : !memberElsewhere(c));
}

/** A sentence about a model it does not name, with an indefinite or generic noun ("a distilled 32B DeepSeek
 * model", "running models locally", 一款新模型): its org stays the subject. A definite one ("the model",
 * "its models") refers to a named model. */
const UNNAMED_MODEL = /\ban? (?:[\w-]+ ){0,4}(?:model|LLM)\b|(?<!\b(?:the|its|their|these|those|both|two|all) (?:[\w-]+ )?)\bmodels\b|一款|一个新|一個新/iu;

/** Triggers outside the product-purpose phrases of a sentence ("tuned for large-scale inference"). */
function withoutPurpose(body: string, offset: number, triggers: Trigger[]): Trigger[] {
  if (triggers.length === 0) return triggers;
  const spans = allMatches(PURPOSE, body);
  if (spans.length === 0) return triggers;
  return triggers.filter((t) => !spans.some((p) => offset + p.start < t.end && offset + p.end > t.start));
}

/** One claim per (subject, chip family, stage, negated), with the most specific chip the text gives; a
 * generic "training" claim is dropped when the same subject and family has a pre-training one, or a
 * post-training one told in the same sentence ("the RL training ran on ..."): a post-training claim
 * elsewhere is a second use ("trained throughout on Ascend ... RL post-training on CloudMatrix 384"). */
function dedupeClaims(raw: Claim[], mentions: Mention[]): Claim[] {
  const familyOf = new Map<string, string>();
  const familyLevel = new Set<string>();
  for (const m of mentions) if (m.type === "chip") {
    familyOf.set(m.name, chipFamilyOf(m));
    if (isFamilyLevel(m)) familyLevel.add(m.name);
  }
  const fam = (c: Claim) => familyOf.get(c.chip) ?? c.chip;
  // Each training claim is judged on its own sentence: a post-training word beside it in one sentence
  // ("RL training") says which stage it is; the same subject trained in another sentence is another use.
  const pre = new Set(raw.filter((o) => o.stage === "pretraining").map((o) => `${o.subject}|${fam(o)}|${o.negated}`));
  const postHere = new Set(raw.filter((o) => o.stage === "posttraining").map((o) => `${o.subject}|${fam(o)}|${o.negated}|${o.evidence.start}`));
  const covered = (c: Claim) => pre.has(`${c.subject}|${fam(c)}|${c.negated}`) || postHere.has(`${c.subject}|${fam(c)}|${c.negated}|${c.evidence.start}`);
  const best = new Map<string, Claim>();
  for (const c of raw) {
    if (c.stage === "training" && covered(c)) continue;
    const key = `${c.subject}|${fam(c)}|${c.stage}|${c.negated}`;
    const prev = best.get(key);
    if (!prev || (familyLevel.has(prev.chip) && !familyLevel.has(c.chip))) best.set(key, c);
  }
  return [...best.values()];
}
