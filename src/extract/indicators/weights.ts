// The learned indicator weights as versioned data (data/weights/indicators.json, written by `chipwatch eval
// --write`): per indicator a bias, a weight per named feature and a decision threshold. Imported as a JSON
// module like the catalog, so extraction does no file I/O.
import { z } from "zod";
import weightsFile from "../../../data/weights/indicators.json" with { type: "json" };
import { INDICATOR_IDS, type IndicatorId } from "../types.ts";

export const WEIGHTS_FORMAT = 1;

const finite = z.number().finite();

export const indicatorModelSchema = z.object({
  bias: finite,
  /** Feature name -> weight on the log-odds scale. */
  weights: z.record(z.string(), finite),
  /** The indicator is listed when its probability is at least this. */
  threshold: z.number().min(0).max(1),
  /** Articles and positives it was fitted on (for the report; not used in scoring). */
  articles: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
});
export type IndicatorModel = z.infer<typeof indicatorModelSchema>;

export const weightsFileSchema = z.object({
  format: z.literal(WEIGHTS_FORMAT),
  /** When the file was written (ISO date). Metadata only: not part of the ruleset version. */
  fittedAt: z.string(),
  trainedOn: z.array(z.object({ name: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/), articles: z.number().int().nonnegative() })),
  /** The catalog and rules version (without weights) the features came from: when the running one differs,
   * the rules changed since the fit and `chipwatch eval` says so. */
  featuresVersion: z.string(),
  options: z.object({ l2: z.number().nonnegative(), features: z.array(z.string()) }),
  indicators: z.partialRecord(z.enum(INDICATOR_IDS), indicatorModelSchema),
});
export type WeightsFile = z.infer<typeof weightsFileSchema>;

export function parseWeights(raw: unknown): WeightsFile {
  return weightsFileSchema.parse(raw);
}

export function loadWeights(): WeightsFile {
  return parseWeights(weightsFile);
}

/** What scoring depends on (the models), not when or from which files they were fitted: a refit on the same
 * data gives the same ruleset version. */
export const weightsSignature = (w: WeightsFile): string =>
  JSON.stringify(INDICATOR_IDS.map((id) => [id, w.indicators[id] ? [w.indicators[id].bias, Object.entries(w.indicators[id].weights).sort(), w.indicators[id].threshold] : null]));

export const modelFor = (w: WeightsFile, id: IndicatorId): IndicatorModel | undefined => w.indicators[id];
