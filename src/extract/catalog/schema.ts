// The catalog's data files (data/catalog/*.json), validated when loaded so that a bad edit fails loudly at
// start-up rather than silently dropping matches.
import { z } from "zod";

const names = z.array(z.string().min(1)).default([]);

const common = {
  canonical: z.string().min(1),
  aliases: names,
  /** Names that are also common words, places or people: they count only with a cue nearby. */
  context_aliases: names,
  /** The canonical name itself is ambiguous and is treated like a context alias. */
  ambiguous_canonical: z.boolean().optional(),
  unverified_aliases: names,
  /** Extra positive cue words (lower case) for context aliases, besides the entry's own related names. */
  cues: names,
  /** Words that veto a context alias when they appear nearby. */
  anti_cues: names,
  uncertain: z.boolean().optional(),
  /** Latin names count only when written with a capital ("Big Fund", not "the big fund" of any investor). */
  capitalised: z.boolean().optional(),
};

export const orgEntrySchema = z.object({
  ...common,
  country: z.string().optional(),
  roles: z.array(z.string()).default([]),
  parent: z.string().optional(),
});

export const modelEntrySchema = z.object({
  ...common,
  org: z.string().optional(),
  family: z.string().optional(),
  kind: z.string().optional(),
  params: z.string().optional(),
});

export const chipEntrySchema = z.object({
  ...common,
  vendor: z.string(),
  family: z.string(),
  domestic: z.boolean(),
  kind: z.string().optional(),
});

export const familySchema = z.object({
  type: z.enum(["model", "chip"]),
  stems: z.array(z.string().min(1)).min(1),
  version: z.string().min(1),
  name: z.string().includes("{v}"),
  sep: z.string(),
  org: z.string().optional(),
  vendor: z.string().optional(),
  family: z.string().optional(),
  domestic: z.boolean().optional(),
  needs_cue: z.boolean().optional(),
});

export const catalogFileSchema = <T extends z.ZodType>(type: string, entry: T) =>
  z.object({ type: z.literal(type), entries: z.array(entry) });

export const familiesFileSchema = z.object({ comment: z.string().optional(), families: z.array(familySchema) });

export type OrgEntry = z.infer<typeof orgEntrySchema>;
export type ModelEntry = z.infer<typeof modelEntrySchema>;
export type ChipEntry = z.infer<typeof chipEntrySchema>;
export type FamilyRule = z.infer<typeof familySchema>;

export interface CatalogData {
  orgs: OrgEntry[];
  models: ModelEntry[];
  chips: ChipEntry[];
  families: FamilyRule[];
  /** Traditional -> simplified, one character each. */
  t2s: Record<string, string>;
}
