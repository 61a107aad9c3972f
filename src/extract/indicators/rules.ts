// Indicator rules: each is named, has a hand-set weight, and returns the sentences that support it (or none).
// The learned layer (score.ts, data/weights/indicators.json) turns firings into scores; a rule's hand weight is
// its prior until a refit gives it a fitted weight.
import type { Claim, IndicatorId, Span } from "../types.ts";
import { hasAnchor, type Doc } from "../claims.ts";
import { ANCHOR_BIT } from "../anchors.ts";
import type { Mention } from "../match.ts";
import { CUES } from "./cues.ts";
import { FAILURE, search, test } from "../lexicon.ts";

export interface RuleContext extends Doc {
  claims: Claim[];
  /** The text of sentence i. */
  body(i: number): string;
}

export interface IndicatorRule {
  id: string;
  indicator: IndicatorId;
  weight: number;
  evidence(ctx: RuleContext): Span[];
}

const CHIP_MAKER_ROLES = new Set(["chip_vendor", "foundry", "equipment_maker"]);
const isCnChipMaker = (m: Mention) => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.some((r) => CHIP_MAKER_ROLES.has(r));
/** A named ministry, commission or regulator acts as the authority ("工信部要求..."). */
const isGovernmentBody = (m: Mention) => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.includes("government");
const isDomesticChip = (m: Mention) => m.type === "chip" && (m.entity?.domestic ?? m.domestic ?? false);
const isForeignChip = (m: Mention) => m.type === "chip" && !(m.entity?.domestic ?? m.domestic ?? false);

type Cue = keyof typeof CUES;

/** Sentences whose text matches every cue and (optionally) that contain a mention passing `has`. The
 * article first (anchor union, mentions), then anchor masks, mentions, and regexes last: most articles and
 * sentences are ruled out without splitting or running a regex. */
function sentencesWhere(ctx: RuleContext, cues: Cue[], has?: (m: Mention) => boolean): Span[] {
  let mask = 0;
  for (const c of cues) mask |= BIT[c]!;
  if ((ctx.anchorUnion & mask) !== mask || (has && !ctx.mentions.some(has))) return [];
  const out: Span[] = [];
  const anchors = ctx.sentenceAnchors;
  const sentences = ctx.sentences;
  for (let i = 0; i < sentences.length; i++) {
    if ((anchors[i]! & mask) !== mask || (has && !ctx.sentenceMentions[i]!.some(has))) continue;
    let all = true;
    for (const c of cues) if (!test(CUES[c], ctx.body(i))) {
      all = false;
      break;
    }
    if (all) out.push(sentences[i]!);
  }
  return out;
}
/** Local copy, as in claims.ts (hot loops). */
const BIT: Readonly<Record<string, number>> = { ...ANCHOR_BIT };
const claimsWhere = (ctx: RuleContext, f: (c: Claim) => boolean): Span[] => ctx.claims.filter(f).map((c) => c.evidence);
const isTrainingStage = (c: Claim) => c.stage === "pretraining" || c.stage === "training";
const leadEnd = (ctx: RuleContext) => ctx.sentences[Math.min(2, ctx.sentences.length - 1)]?.end ?? 0;
/** Drops sentences where the stage word is governed by a modal or a negation ("can pre-train", "does not show"). */
const notHypothetical = (ctx: RuleContext, spans: Span[], word: RegExp) =>
  spans.filter((s) => {
    const body = ctx.text.slice(s.start, s.end);
    const at = search(word, body);
    return at < 0 || !test(CUES.hypothetical, body.slice(Math.max(0, at - 50), at));
  });
const near = (ctx: RuleContext, a: Span, cue: Cue, radius: number) => {
  const i = ctx.sentences.findIndex((s) => s.start <= a.start && a.start < s.end);
  for (let k = Math.max(0, i - radius); k <= Math.min(ctx.sentences.length - 1, i + radius); k++) if (hasAnchor(ctx, k, cue) && test(CUES[cue], ctx.body(k))) return true;
  return false;
};

const pretrainingEvidence = (ctx: RuleContext): Span[] => [
  ...claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && isTrainingStage(c)),
  ...notHypothetical(ctx, sentencesWhere(ctx, ["trainingWord", "domesticCompute"]), CUES.trainingWord),
];

export const RULES: IndicatorRule[] = [
  { id: "pre.claim_domestic_pretraining", indicator: "pretraining_on_domestic", weight: 0.9, evidence: (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "pretraining") },
  { id: "pre.claim_domestic_training", indicator: "pretraining_on_domestic", weight: 0.7, evidence: (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "training") },
  { id: "pre.training_on_domestic_compute", indicator: "pretraining_on_domestic", weight: 0.6, evidence: (ctx) => notHypothetical(ctx, sentencesWhere(ctx, ["trainingWord", "domesticCompute"]), CUES.trainingWord) },
  { id: "pre.failed_attempt_in_lead", indicator: "pretraining_on_domestic", weight: 0.6, evidence: (ctx) => claimsWhere(ctx, (c) => c.negated && c.chipDomestic && isTrainingStage(c) && c.evidence.start < leadEnd(ctx) && test(FAILURE, ctx.text.slice(c.evidence.start, c.evidence.end))) },

  { id: "mig.failed_domestic_training", indicator: "training_migration", weight: 0.8, evidence: (ctx) => claimsWhere(ctx, (c) => c.negated && c.chipDomestic && isTrainingStage(c) && test(FAILURE, ctx.text.slice(c.evidence.start, c.evidence.end))) },
  { id: "mig.domestic_training_and_shift_away", indicator: "training_migration", weight: 0.7, evidence: (ctx) => (pretrainingEvidence(ctx).length > 0 ? sentencesWhere(ctx, ["shiftAway"]) : []) },

  { id: "post.claim_domestic_posttraining", indicator: "posttraining_on_domestic", weight: 0.9, evidence: (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "posttraining" && c.subjectType === "model") },

  { id: "inf.claim_domestic_inference", indicator: "inference_on_domestic", weight: 0.9, evidence: (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "inference") },
  { id: "inf.inference_on_domestic_compute", indicator: "inference_on_domestic", weight: 0.6, evidence: (ctx) => notHypothetical(ctx, sentencesWhere(ctx, ["inferenceWord", "domesticCompute"]), CUES.inferenceWord) },

  { id: "compact.domestic_claim_near_device_cue", indicator: "compact_native_models", weight: 0.8, evidence: (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && near(ctx, c.evidence, "compact", 2)) },
  { id: "compact.own_on_device_framework", indicator: "compact_native_models", weight: 0.6, evidence: (ctx) => (sentencesWhere(ctx, ["compact"]).length > 0 && ctx.mentions.some((m) => m.type === "org" && m.entity?.country === "CN" && m.entity.roles.includes("ai_lab")) ? sentencesWhere(ctx, ["ownFramework"]) : []) },

  { id: "invest.chip_maker_capital", indicator: "chip_policy_investment", weight: 0.8, evidence: (ctx) => sentencesWhere(ctx, ["capitalRaise"], isCnChipMaker) },
  { id: "invest.state_fund", indicator: "chip_policy_investment", weight: 0.8, evidence: (ctx) => [...sentencesWhere(ctx, ["stateFund"]), ...sentencesWhere(ctx, [], (m) => m.name === "Big Fund")] },
  { id: "policy.steer_to_domestic_chips", indicator: "chip_policy_investment", weight: 0.8, evidence: (ctx) => [...sentencesWhere(ctx, ["authority", "steer", "domesticObject"]), ...sentencesWhere(ctx, ["steer", "domesticObject"], isGovernmentBody)] },
  { id: "policy.fab_buildout", indicator: "chip_policy_investment", weight: 0.7, evidence: (ctx) => sentencesWhere(ctx, ["fab", "fabBuild"], (m) => isCnChipMaker(m) || isDomesticChip(m)) },

  { id: "ec.entity_or_sanctions_list", indicator: "export_controls", weight: 0.9, evidence: (ctx) => sentencesWhere(ctx, ["listing"], (m) => m.type === "org") },
  { id: "ec.measure_on_named_item", indicator: "export_controls", weight: 0.9, evidence: (ctx) => [...sentencesWhere(ctx, ["exportMeasure"], (m) => m.type === "chip"), ...sentencesWhere(ctx, ["exportMeasure", "controlledItem"])] },
  { id: "ec.china_restricts_foreign_chips", indicator: "export_controls", weight: 0.8, evidence: (ctx) => [...sentencesWhere(ctx, ["importRestriction"], isForeignChip), ...sentencesWhere(ctx, ["importRestriction", "foreignChipWord"]), ...sentencesWhere(ctx, ["domesticOnly", "authority"])] },

  { id: "cap.milestone_named_chip_or_maker", indicator: "domestic_chip_capability", weight: 0.8, evidence: (ctx) => sentencesWhere(ctx, ["capabilityStrong"], (m) => isDomesticChip(m) || isCnChipMaker(m)) },
  { id: "cap.performance_of_named_chip", indicator: "domestic_chip_capability", weight: 0.7, evidence: (ctx) => sentencesWhere(ctx, ["capabilityWeak"], isDomesticChip) },
  { id: "cap.upcoming_domestic_chips", indicator: "domestic_chip_capability", weight: 0.6, evidence: (ctx) => sentencesWhere(ctx, ["upcomingDomestic"]) },
];

export const rulesTableSignature = (): string => JSON.stringify(RULES.map((r) => [r.id, r.indicator, r.weight, r.evidence.toString()]));
