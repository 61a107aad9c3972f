// What "report a miss" accepts, from the API and the forms alike: about a stored article (articleId) or a pasted
// one (its title and text), one of "should have been flagged as X" (missing), "should not be X" (wrong) or
// "claim missing: subject, chip, stage".
import { z } from "zod";
import { INDICATOR_IDS, STAGES } from "../extract/types.ts";
import { languageCode } from "../feeds/feed-input.ts";

const noNul = (max: number) => z.string().max(max).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const name = z.string().trim().min(1).max(200).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

export const labelInputSchema = z
  .object({
    articleId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    title: noNul(2_000).default(""),
    text: noNul(200_000).default(""),
    lang: languageCode.optional(),
    url: z.string().trim().max(2_000).regex(/^https?:\/\/\S+$/i, "must be an http(s) URL").optional(),
    kind: z.enum(["missing", "wrong", "claim_missing"]),
    indicator: z.enum(INDICATOR_IDS).optional(),
    claim: z.object({ subject: name, chip: name, stage: z.enum(STAGES) }).optional(),
    note: noNul(4_000).trim().optional(),
  })
  .refine((v) => v.articleId !== undefined || v.title.trim() !== "" || v.text.trim() !== "", {
    message: "say which article: articleId, or its title and text",
    path: ["articleId"],
  })
  .refine((v) => v.kind === "claim_missing" || v.indicator !== undefined, { message: "an indicator label needs an indicator", path: ["indicator"] })
  .refine((v) => v.kind !== "claim_missing" || v.claim !== undefined, { message: "a claim label needs subject, chip and stage", path: ["claim"] });
export type LabelInput = z.output<typeof labelInputSchema>;

/** The row to store: a stored article's text is not copied (it is read back from the article). */
export function labelRow(input: LabelInput, actor: string) {
  const stored = input.articleId !== undefined;
  return {
    articleId: input.articleId ?? null,
    kind: input.kind,
    indicator: input.kind === "claim_missing" ? null : (input.indicator ?? null),
    claim: input.kind === "claim_missing" ? (input.claim ?? null) : null,
    title: stored ? "" : input.title,
    text: stored ? "" : input.text,
    lang: stored ? null : (input.lang ?? null),
    url: stored ? null : (input.url ?? null),
    note: input.note || null,
    actor,
  };
}
