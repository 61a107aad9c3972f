// Indicator rules: each is named (`<indicator prefix>.<what>`), has a prior weight, and returns the spans
// that support it (or none). Most combine concepts of the vocabulary (data/lexicon) with entity predicates
// through a Spec (spec.ts): in one sentence, near it, in the title or lead, or anywhere in the article;
// the rest read the claims. Rule ids are the learned layer's features (score.ts, data/weights): keep them
// stable. A rule's weight is its prior until a refit gives it a fitted weight.
import type { Claim, IndicatorId, Span } from "../types.ts";
import { FAILURE, test } from "../lexicon.ts";
import type { RuleContext } from "./context.ts";
import { compileSpec, specEvidence, specNearMiss, type CompiledSpec, type Spec } from "./spec.ts";

export type { RuleContext } from "./context.ts";

export interface IndicatorRule {
  id: string;
  indicator: IndicatorId;
  /** The prior weight (the learned layer may replace it). */
  weight: number;
  evidence(ctx: RuleContext): Span[];
  /** For concept rules: the specs (alternatives) behind `evidence`, for near misses. */
  specs?: CompiledSpec[];
}

export interface RuleTrace {
  id: string;
  indicator: IndicatorId;
  prior: number;
  evidence: Span[];
  /** Concept ids / `@predicates` absent at the best anchor when all the others were present (a near miss). */
  missing?: string[];
}

/** A rule that fires where any of its specs holds. */
function conceptRule(id: string, indicator: IndicatorId, weight: number, ...specs: Spec[]): IndicatorRule {
  const compiled = specs.map(compileSpec);
  return { id, indicator, weight, specs: compiled, evidence: (ctx) => anySpecEvidence(ctx, compiled) };
}

/** The evidence of every spec, in spec order, without repeats. Most rules have one spec and most articles give
 * it nothing: no concatenation then (flatMap's arrays were a tenth of extraction's time). */
function anySpecEvidence(ctx: RuleContext, specs: CompiledSpec[]): Span[] {
  let out = specEvidence(ctx, specs[0]!);
  for (let k = 1; k < specs.length; k++) {
    const more = specEvidence(ctx, specs[k]!);
    if (more.length > 0) out = out.length === 0 ? more : dedupe(out.concat(more));
  }
  return out;
}
const claimRule = (id: string, indicator: IndicatorId, weight: number, evidence: (ctx: RuleContext) => Span[]): IndicatorRule => ({ id, indicator, weight, evidence });

function dedupe(spans: Span[]): Span[] {
  if (spans.length < 2) return spans;
  const out: Span[] = [];
  for (const e of spans) if (!out.some((x) => x.start === e.start && x.end === e.end)) out.push(e);
  return out;
}

const claimsWhere = (ctx: RuleContext, f: (c: Claim) => boolean): Span[] => ctx.claims.filter(f).map((c) => c.evidence);
const isTrainingStage = (c: Claim) => c.stage === "pretraining" || c.stage === "training";
const leadEnd = (ctx: RuleContext) => ctx.sentences[Math.min(2, ctx.sentences.length - 1)]?.end ?? 0;
const failedDomesticTraining = (ctx: RuleContext, c: Claim) => c.negated && c.chipDomestic && isTrainingStage(c) && test(FAILURE, ctx.text.slice(c.evidence.start, c.evidence.end));

/** Domestic hardware in any form: a named domestic chip, or the words for it. */
const DOMESTIC = "domestic_compute|@domestic_chip";
/** Foreign hardware: a named foreign chip, or the words for it (Nvidia, imported chips). */
const FOREIGN = "foreign_compute|@foreign_chip";

/** Training on unnamed domestic compute; not where a foreign chip is named (the training is usually its) or
 * the attempt failed (pre.setback_in_domestic_training and the migration rules take those). */
const TRAINING_ON_DOMESTIC: Spec = { in: ["training_word", "domestic_compute"], none: ["@foreign_chip|foreign_compute|training_setback|reverted_to_foreign|course"], notHypothetical: "training_word" };
const trainingOnDomestic = compileSpec(TRAINING_ON_DOMESTIC);
const pretrainingEvidence = (ctx: RuleContext): Span[] => [
  ...claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && isTrainingStage(c)),
  ...specEvidence(ctx, trainingOnDomestic),
];
/** A move off foreign hardware or onto domestic hardware, in that word order ("away from Nvidia", "迁移到昇腾"),
 * said of a company (a government's goal of relying less on imports is background). */
const MOVE_OFF: Spec = { in: [], seq: { concept: "migration_away", then: FOREIGN, chars: 40 }, none: ["authority|cn_regulator|@government_body"] };
const MOVE_ONTO: Spec = { in: [], seq: { concept: "migration_toward", then: `${DOMESTIC}|@cn_chip_maker`, chars: 60 }, none: ["authority|cn_regulator|@government_body"] };
const shiftOff = [compileSpec(MOVE_OFF), compileSpec(MOVE_ONTO)];
/** A sentence about a model (launching, training or serving it), not about the chip. */
const ABOUT_MODELS = "model_word|@model|training_word|inference_word|course";
const EXPORT_MEASURES = "export_measure|licence|listing|control_enforcement|control_easing|import_restriction";

export const RULES: IndicatorRule[] = [
  claimRule("pre.claim_domestic_pretraining", "pretraining_on_domestic", 0.9, (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "pretraining")),
  claimRule("pre.claim_domestic_training", "pretraining_on_domestic", 0.7, (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "training")),
  conceptRule("pre.training_on_domestic_compute", "pretraining_on_domestic", 0.6, TRAINING_ON_DOMESTIC),
  // Training with a named domestic chip in the sentence, where the claim reader found no claim (a report, a list, a
  // title: "全流程在昇腾平台训练"); not a chip's purpose ("M300, aimed at training"), nor beside a foreign chip.
  conceptRule("pre.training_beside_domestic_chip", "pretraining_on_domestic", 0.5, { in: ["training_word", "@domestic_chip"], none: [`${FOREIGN}|training_setback|reverted_to_foreign|course|purpose|posttraining_word`], notHypothetical: "training_word" }),
  claimRule("pre.failed_attempt_in_lead", "pretraining_on_domestic", 0.6, (ctx) => claimsWhere(ctx, (c) => failedDomesticTraining(ctx, c) && c.evidence.start < leadEnd(ctx))),
  // A training setback on domestic hardware is an attempt (the schema counts attempts).
  conceptRule("pre.setback_in_domestic_training", "pretraining_on_domestic", 0.5, { in: ["training_word", "training_setback"], near: [DOMESTIC], window: 0, at: "lead" }),

  claimRule("mig.failed_domestic_training", "training_migration", 0.8, (ctx) => claimsWhere(ctx, (c) => failedDomesticTraining(ctx, c))),
  claimRule("mig.domestic_training_and_shift_away", "training_migration", 0.7, (ctx) => (pretrainingEvidence(ctx).length > 0 ? dedupe(shiftOff.flatMap((s) => specEvidence(ctx, s))) : [])),
  conceptRule("mig.training_moves_off_foreign", "training_migration", 0.7, { ...MOVE_OFF, in: ["training_word"] }),
  conceptRule("mig.training_moves_to_domestic", "training_migration", 0.7, { ...MOVE_ONTO, in: ["training_word"] }),
  conceptRule("mig.setback_on_domestic_training", "training_migration", 0.7, { in: ["training_word", "training_setback", DOMESTIC] }, { in: ["training_setback", DOMESTIC], near: ["training_word"], window: 1, at: "lead" }),
  conceptRule("mig.reverted_to_foreign", "training_migration", 0.7, { in: ["reverted_to_foreign", FOREIGN], doc: [DOMESTIC, "training_word"] }),
  // Struggling to move: a setback or extra cost set against foreign hardware, with domestic compute in the sentence or
  // the next ("adds three months ... compared with Nvidia chips", "仍高度依赖英伟达生态，在国产算力上适配难度不小").
  conceptRule("mig.struggle_against_foreign", "training_migration", 0.6, { in: ["training_setback", FOREIGN], near: [DOMESTIC], window: 1, doc: ["training_word|model_word"] }),
  // Training on domestic hardware while still relying on foreign hardware for the rest: a move under way.
  conceptRule("mig.domestic_training_still_reliant", "training_migration", 0.6, { in: ["training_word", DOMESTIC], seq: { concept: "reliance", then: FOREIGN, chars: 40 } }),
  // Training done or planned mainly on domestic hardware, in that word order ("a model trained primarily on Ascend
  // 910B", GUIDE: ByteDance; not "训练主要在英伟达GPU上 ... 国产芯片推理").
  conceptRule("mig.training_mainly_on_domestic", "training_migration", 0.6, { in: ["training_word"], seq: { concept: "mainly", then: DOMESTIC, chars: 16 }, none: ["purpose"], notHypothetical: "training_word" }),

  // Post-training words with domestic compute in the sentence or within two ("三道坎：· 攻克长思维链强化学习训练").
  conceptRule("post.posttraining_near_domestic", "posttraining_on_domestic", 0.5, { in: ["posttraining_word"], near: [DOMESTIC], window: 2, notHypothetical: "posttraining_word" }),
  claimRule("post.claim_domestic_posttraining", "posttraining_on_domestic", 0.9, (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "posttraining" && c.subjectType === "model")),

  claimRule("inf.claim_domestic_inference", "inference_on_domestic", 0.9, (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && c.stage === "inference")),
  conceptRule("inf.inference_on_domestic_compute", "inference_on_domestic", 0.6, { in: ["inference_word", "domestic_compute"], notHypothetical: "inference_word" }),
  // Serving or deployment with a named domestic chip where the claim reader found no claim (tables, briefs, model
  // cards); not a chip's purpose ("面向大规模推理场景优化的M100"). A deployment needs a model in the sentence (a cluster
  // deployed is capability).
  conceptRule("inf.serving_beside_domestic_chip", "inference_on_domestic", 0.5,
    { in: ["inference_word", "@domestic_chip"], none: ["purpose|training_word"], notHypothetical: "inference_word" },
    { in: ["deploy_word", "@domestic_chip", "@model|model_word"], none: ["purpose|training_word|posttraining_word"], notHypothetical: "deploy_word" }),
  // Document level: a title that names a model and a domestic chip ("MiniCPM-V 2.0 on the AX650N"), in an article that
  // speaks of serving or deployment.
  conceptRule("inf.title_model_on_domestic_chip", "inference_on_domestic", 0.5, { in: ["@model", "@domestic_chip"], at: "title", none: ["training_word|posttraining_word"], doc: ["inference_word|deploy_word"] }),

  claimRule("compact.domestic_claim_near_device_cue", "compact_native_models", 0.8, (ctx) => claimsWhere(ctx, (c) => !c.negated && c.chipDomestic && nearConcept(ctx, c.evidence, compactSpec))),
  conceptRule("compact.own_on_device_framework", "compact_native_models", 0.6, { in: ["own_framework"], doc: ["compact", "@cn_ai_lab"] }),
  conceptRule("compact.device_model_on_domestic_hardware", "compact_native_models", 0.6, { in: ["compact", "model_word|@model", DOMESTIC] }),
  // A model on a domestic edge, phone, PC or car SoC (Kirin, RK3588, AX650N): the hardware is the device.
  conceptRule("compact.model_on_domestic_edge_chip", "compact_native_models", 0.6, { in: ["@domestic_edge_chip", "@model|model_word"] }),
  conceptRule("compact.device_model_on_domestic_framework", "compact_native_models", 0.6, { in: ["compact", "domestic_framework"], near: ["model_word|@model"], window: 0 }),

  conceptRule("invest.chip_maker_capital", "chip_policy_investment", 0.8, { in: ["capital_raise", "@cn_chip_maker"] }, { in: ["raise_verb", "money", "@cn_chip_maker"] }),
  conceptRule("invest.state_fund", "chip_policy_investment", 0.8, { in: ["state_fund"] }, { in: ["@big_fund"] }),
  conceptRule("policy.steer_to_domestic_chips", "chip_policy_investment", 0.8, { in: ["authority", "steer", "domestic_compute"] }, { in: ["steer", "domestic_compute", "@government_body"] }, { in: ["domestic_only|domestic_share", "authority|cn_regulator|@government_body"] }),
  conceptRule("policy.fab_buildout", "chip_policy_investment", 0.7, { in: ["fab", "fab_build", "@domestic_chip_or_maker"] }),
  conceptRule("policy.instrument_for_domestic_chips", "chip_policy_investment", 0.6, { in: ["policy_instrument"], near: [`${DOMESTIC}|@cn_chip_maker`], window: 1 }),
  // Compute vouchers and rental subsidies are a subsidy in compute by themselves (SCHEMA: "subsidy ... in compute").
  conceptRule("policy.compute_subsidy", "chip_policy_investment", 0.7, { in: ["compute_subsidy"] }),
  // Steering to domestic chips with a named regulator only in the sentence before or after ("The CAC told firms to stop
  // buying the H20. The aim is to push them onto domestic chips."), or an authority steering a lab to a named
  // domestic chip (GUIDE example 2); not a vendor's own launch, results or serving news. The same sentence with
  // domestic-chip words is policy.steer_to_domestic_chips.
  conceptRule("policy.authority_steers_nearby", "chip_policy_investment", 0.6,
    { in: ["steer", "domestic_compute"], none: ["authority|cn_regulator|@government_body"], near: ["cn_regulator|@government_body"], window: 1 },
    { in: ["steer", "authority|cn_regulator|@government_body", "@domestic_chip"], none: ["domestic_compute|financial_result|capability_launch|capability_milestone|inference_word"] }),
  // Capital raised by a chip maker named in the next or previous sentence ("Net proceeds from the listing came to
  // 7.6 billion yuan. Moore Threads said ..."); invest.chip_maker_capital takes the same sentence; not where an AI lab
  // is the issuer.
  conceptRule("invest.chip_maker_capital_adjacent", "chip_policy_investment", 0.6, { in: ["capital_raise"], near: ["@cn_chip_specialist"], window: 1, none: ["@cn_ai_lab|@cn_chip_maker"] }),

  // A Chinese regulator restricting purchases of foreign chips (SCHEMA: such rules steer buyers to domestic chips):
  // "the CAC told companies to halt testing and cancel orders", "procurement guidelines ... replace foreign technology".
  conceptRule("policy.cn_authority_restricts_foreign", "chip_policy_investment", 0.6, { in: ["import_restriction", "cn_regulator|@government_body", "steer"], none: ["security_summons"] }),
  // A government plan or programme (policy_instrument, issued by a named body) whose provisions steer towards domestic
  // chips in another sentence (a municipal plan's numbered points: "推动大模型与自主可控芯片开展适配").
  conceptRule("policy.plan_steers_to_domestic", "chip_policy_investment", 0.5, { in: ["steer", DOMESTIC], none: ["@cn_ai_lab"], doc: ["policy_instrument", "cn_regulator|@government_body"] }),

  conceptRule("ec.entity_or_sanctions_list", "export_controls", 0.9, { in: ["listing", "@org"] }),
  conceptRule("ec.measure_on_named_item", "export_controls", 0.9, { in: ["export_measure|licence|control_easing", "@foreign_chip"] }, { in: ["export_measure|licence", "controlled_item"] }),
  conceptRule("ec.china_restricts_foreign_chips", "export_controls", 0.8, { in: ["import_restriction", FOREIGN] }, { in: ["domestic_only", "authority|cn_regulator|@government_body"] }),
  // Document level: a title about a control measure, with a named chip or controlled item anywhere.
  conceptRule("ec.title_measure_with_item", "export_controls", 0.8, { in: [EXPORT_MEASURES], at: "title", doc: ["@chip|controlled_item|foreign_compute"] }),
  // The measure in one sentence, the named foreign chip in the next or the one before ("... needs a licence. The
  // rule covers the H20.").
  conceptRule("ec.measure_next_to_item", "export_controls", 0.6, { in: ["export_measure|licence|control_easing"], none: ["@foreign_chip"], near: ["@foreign_chip"], window: 1 }),
  // An export-control actor acting on a named foreign chip ("Washington told Nvidia the H20 must ...").
  conceptRule("ec.actor_acts_on_foreign_chip", "export_controls", 0.6, { in: ["export_actor", "@foreign_chip", "steer|import_restriction|export_measure|licence"] }),
  conceptRule("ec.enforcement_on_chips", "export_controls", 0.8, { in: ["control_enforcement", "@chip|controlled_item|foreign_compute|chip_noun"] }),

  conceptRule("cap.milestone_named_chip_or_maker", "domestic_chip_capability", 0.8, { in: ["capability_milestone", "@domestic_chip_or_maker"], none: ["control_enforcement"] }),
  conceptRule("cap.launch_of_domestic_chip", "domestic_chip_capability", 0.6, { in: ["capability_launch", "@domestic_chip"], none: [`${ABOUT_MODELS}|capital_raise`] }, { in: ["@cn_chip_maker"], seq: { concept: "capability_launch", then: "chip_noun|@domestic_chip", chars: 30 }, none: [`${ABOUT_MODELS}|capital_raise`] }),
  conceptRule("cap.performance_of_named_chip", "domestic_chip_capability", 0.7, { in: ["capability_benchmark", "@domestic_chip"], none: ["@model|training_word"] }),
  // Reported results of a chip maker (chip revenue milestones, GUIDE); the title may carry them for the article.
  conceptRule("cap.chip_maker_results", "domestic_chip_capability", 0.6, { in: ["financial_result", "@cn_chip_specialist"] }, { in: ["financial_result"], at: "title", doc: ["@cn_chip_specialist"] }),
  // A domestic system measured against foreign hardware ("decode efficiency exceeds published figures for Nvidia H100"),
  // with a domestic chip named in the article; not a model's or a training run's figures.
  conceptRule("cap.benchmark_against_foreign", "domestic_chip_capability", 0.5, { in: ["capability_benchmark", FOREIGN], none: ["@model|training_word|@domestic_chip|domestic_framework"], doc: ["@domestic_chip"] }),
  conceptRule("cap.upcoming_domestic_chips", "domestic_chip_capability", 0.6, { in: ["upcoming_domestic"] }),
  // A cluster brought up is a milestone whatever it is then used for ("brought up a cluster of 30,000 P800 chips and is
  // using it to pre-train ..."); launches and other milestones only in a sentence that is not about a model.
  conceptRule("cap.domestic_cluster_bringup", "domestic_chip_capability", 0.6, { in: ["compute_cluster", "cluster_bringup|capability_milestone|capability_launch", DOMESTIC], none: [ABOUT_MODELS] }, { in: ["compute_cluster", "cluster_bringup", DOMESTIC] }),
];

const compactSpec = compileSpec({ in: ["compact"] });
/** Whether the spec holds in a sentence within two of the one holding the span. */
function nearConcept(ctx: RuleContext, a: Span, s: CompiledSpec): boolean {
  const i = ctx.sentences.findIndex((x) => x.start <= a.start && a.start < x.end);
  return specEvidence(ctx, s).some((e) => {
    const k = ctx.sentences.findIndex((x) => x.start === e.start);
    return Math.abs(k - i) <= 2;
  });
}

/** Every rule with its evidence, and for concept rules that did not fire, the one requirement that was
 * missing when all the others held (for `chipwatch explain`). */
export function traceRules(ctx: RuleContext, rules: IndicatorRule[] = RULES): RuleTrace[] {
  return rules.map((r) => {
    const evidence = r.evidence(ctx);
    const trace: RuleTrace = { id: r.id, indicator: r.indicator, prior: r.weight, evidence };
    if (evidence.length === 0 && r.specs) {
      for (const s of r.specs) {
        const missing = specNearMiss(ctx, s);
        if (missing) {
          trace.missing = missing;
          break;
        }
      }
    }
    return trace;
  });
}

/** Part of the ruleset version. A claim rule's source text stands for its logic (so keep it as it is unless the
 * logic changes), a concept rule's compiled specs for theirs; `predMask` is derived from the predicates and left
 * out, so that the signature says what the rules ask, not how it is computed. */
export const rulesTableSignature = (): string =>
  JSON.stringify(RULES.map((r) => [r.id, r.indicator, r.weight, r.specs ?? r.evidence.toString()]), (key, value: unknown) => (key === "predMask" ? undefined : value));
