// Small helpers for the extraction tests: names found per type, and claim/indicator shorthands.
import { defaultExtractor, type Analysis } from "../../src/extract/extract.ts";
import type { EntityType, Extraction } from "../../src/extract/types.ts";

/** The extraction, and what its indicator models read: which rules fired is a property of the rules, whether
 * the indicator is listed is the learned layer's decision (data/weights). */
export const run = (text: string, title = ""): Extraction & Pick<Analysis, "features"> => {
  const a = defaultExtractor().analyse({ title, text });
  return { ...a.extraction, features: a.features };
};
export const names = (x: Extraction, type: EntityType): string[] => [...new Set(x.entities.filter((e) => e.type === type).map((e) => e.name))].sort();
export const claimKeys = (x: Extraction): string[] => x.claims.filter((c) => !c.negated).map((c) => `${c.subject}|${c.chip}|${c.stage}`).sort();
export const indicatorIds = (x: Extraction): string[] => x.indicators.map((i) => i.id).sort();
/** The rules of one indicator that fired, listed or not. */
export const rulesOf = (x: Pick<Analysis, "features">, id: string): string[] => x.features.find((f) => f.id === id)?.fired.map((r) => r.rule.id) ?? [];
