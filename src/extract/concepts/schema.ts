// The indicator vocabulary's data files (data/lexicon/*.json): one concept per entry, its surface forms in
// English and Chinese, and the look-alikes that must not count. Validated at load, so that a bad edit fails
// at start-up instead of silently dropping matches.
import { z } from "zod";
import { INDICATOR_IDS } from "../types.ts";

/** A surface form. `(a|b|)` groups expand to every combination ("(domestic|indigenous) (|AI )chip"); a
 * trailing `*` makes a Latin form a prefix (no word boundary after it: "licen*"). */
const term = z
  .string()
  .min(1)
  .refine((t) => t.trim() === t, "no leading or trailing spaces")
  .refine((t) => !/[()|]/.test(t.replace(/\([^()]*\)/g, "")), "unbalanced or nested ( | ) group")
  .refine((t) => !t.slice(0, -1).includes("*"), "'*' only at the end");
const terms = z.array(term).default([]);

export const conceptSchema = z
  .object({
    /** Stable id, used by the rules (src/extract/indicators/rules.ts). */
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    description: z.string().min(1),
    /** The indicators whose rules use this concept (documentation; checked against the rules in tests). */
    serves: z.array(z.enum(INDICATOR_IDS)).default([]),
    /** Rows of ../shared/research/vocabulary.md this concept was gathered from ("G1-G5, G10"). */
    sources: z.string().default(""),
    en: terms,
    zh_hans: terms,
    /** Traditional forms and Taiwan/Hong Kong regional words (晶片, 輝達, 推論). Folded to simplified like the
     * text, so only regional words add matches; the converted forms document that the concept was checked. */
    zh_hant: terms,
    /** Longer look-alikes: a hit of this concept that overlaps one of these does not count (训练营, post-training). */
    not: terms,
    /** Where the words fire without the concept (for reviewers; not used by matching). */
    traps: z.array(z.string()).default([]),
  })
  .strict()
  .refine((c) => c.en.length + c.zh_hans.length + c.zh_hant.length > 0, "a concept needs at least one form");

export const lexiconFileSchema = z
  .object({
    file: z.literal("lexicon"),
    /** What the file's concepts are about (one area of the field per file). */
    area: z.string().min(1),
    concepts: z.array(conceptSchema).min(1),
  })
  .strict();

export type ConceptEntry = z.infer<typeof conceptSchema>;
export type LexiconFile = z.infer<typeof lexiconFileSchema>;

/** Expands a form's `(a|b)` groups, left to right. Capped: a form is written for readers, not as a grammar. */
export function expandTerm(t: string, cap = 1024): string[] {
  const out = expandGroups(t, cap).map((x) => x.replace(/ {2,}/g, " ").trim());
  return [...new Set(out)];
}

function expandGroups(t: string, cap: number): string[] {
  const open = t.indexOf("(");
  if (open < 0) return [t];
  const close = t.indexOf(")", open);
  const head = t.slice(0, open);
  const rests = expandGroups(t.slice(close + 1), cap);
  const out: string[] = [];
  for (const alt of t.slice(open + 1, close).split("|")) {
    for (const rest of rests) {
      out.push(head + alt + rest);
      if (out.length > cap) throw new Error(`form "${t}" expands to more than ${cap} strings`);
    }
  }
  return out;
}
