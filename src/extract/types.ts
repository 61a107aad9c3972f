// The extractor's contract: what extract() takes and returns. Pure data, no I/O.

export type EntityType = "org" | "model" | "chip";

export const INDICATOR_IDS = [
  "pretraining_on_domestic",
  "training_migration",
  "posttraining_on_domestic",
  "inference_on_domestic",
  "compact_native_models",
  "chip_policy_investment",
  "export_controls",
  "domestic_chip_capability",
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const STAGES = ["pretraining", "posttraining", "inference", "training"] as const;
export type Stage = (typeof STAGES)[number];

export type Modality = "achieved" | "planned" | "reported";

/** Between the title and the text in the string extraction reads: a blank line. */
export const TITLE_SEPARATOR = "\n\n";

/** Offsets are UTF-16 code-unit offsets into `title + TITLE_SEPARATOR + text`. */
export interface Span {
  start: number;
  end: number;
}

export interface Entity extends Span {
  type: EntityType;
  /** Canonical catalog name, or the normalised surface form for a discovered name. */
  name: string;
  /** The text exactly as written in the article. */
  surface: string;
  /** True when found by a version pattern and not (yet) in the catalog. */
  discovered?: boolean;
}

export interface Claim {
  subject: string;
  subjectType: "model" | "org";
  chip: string;
  /** Whether the chip is made by a Chinese vendor (from the catalog). */
  chipDomestic: boolean;
  stage: Stage;
  modality: Modality;
  /** A denied claim is kept for the analyst but is not a claim for scoring or indicators. */
  negated: boolean;
  /** The sentence (or sentence pair) the claim comes from. */
  evidence: Span;
}

export interface IndicatorHit {
  id: IndicatorId;
  /** In [0, 1]: the indicator model's probability (see docs/EXTRACTION.md). */
  score: number;
  /** Names of the rules that fired, so an analyst can see why. */
  rules: string[];
  /** Sentences that support the indicator. */
  evidence: Span[];
  /** Why the score is what it is: one entry per feature that is not zero. */
  contributions?: Contribution[];
}

/** One feature's share of an indicator's score, on the log-odds scale: the score is
 * sigmoid(bias + sum of contributions). */
export interface Contribution {
  /** Feature name: `rule:<rule id>` or a derived feature (`in_title`, `evidence_log`). */
  feature: string;
  /** The feature's value (1 for a fired rule). */
  value: number;
  /** The fitted weight, or the prior from the rule's hand weight when the rule has no fitted weight yet. */
  weight: number;
  /** weight * value. */
  contribution: number;
  /** True when the weight is a prior, not fitted. */
  prior?: boolean;
  /** The sentences behind the feature (a rule's evidence). */
  evidence: Span[];
}

export interface ArticleInput {
  title: string;
  text: string;
  lang?: string;
  published?: string;
}

export interface Extraction {
  rulesetVersion: string;
  entities: Entity[];
  claims: Claim[];
  indicators: IndicatorHit[];
  /** Ids of the vocabulary concepts (data/lexicon) the title or text uses, sorted: the same in every language, so
   * story linking can compare what two reports are about ("smuggled" and "走私" are control_enforcement). */
  concepts?: string[];
}
