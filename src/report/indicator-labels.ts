// Human names for indicator ids (shared/eval/SCHEMA.md), for pages and the digest.
import { INDICATOR_IDS, type IndicatorId } from "../extract/types.ts";

const INDICATOR_LABELS: Record<IndicatorId, string> = {
  pretraining_on_domestic: "Pre-training on domestic chips",
  training_migration: "Training migration to domestic hardware",
  posttraining_on_domestic: "Post-training on domestic clusters",
  inference_on_domestic: "Inference on domestic chips",
  compact_native_models: "Compact models for native hardware",
  chip_policy_investment: "Chip policy and investment",
  export_controls: "Export controls",
  domestic_chip_capability: "Domestic chip capability",
};

export function indicatorLabel(id: string): string {
  return (INDICATOR_LABELS as Record<string, string>)[id] ?? id;
}

export { INDICATOR_IDS };
