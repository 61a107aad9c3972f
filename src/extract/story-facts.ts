// What an article says, reduced to the language-independent facts story linking compares (review/story-link.ts):
// its affirmed claims as (subject, chip family, stage group), its indicators, and the names its title puts first.
// Catalog names are canonical in every language and script, so the English and the Chinese report of one event
// reduce to the same facts whatever their wording.
import { loadCatalog } from "./catalog/load.ts";
import type { Extraction, IndicatorId } from "./types.ts";

export interface StoryFacts {
  /** Affirmed claims whose subject or specific chip the title names: `subject|chip family|stage group`. */
  claims: string[];
  indicators: IndicatorId[];
  /** Of those, the ones with evidence in the title: what the headline says happened. Absent in facts stored before
   * it existed (story_keys rows): they count all their indicators as the headline's. */
  titleIndicators?: IndicatorId[];
  /** Models and specific chips (not a whole family) named in the title. */
  specific: string[];
  /** Organisations named in the title. */
  orgs: string[];
  /** Of those, the Chinese ones (catalog country CN): the key players of a domestic story. */
  domesticOrgs: string[];
}

interface Lookups {
  chipFamily: Map<string, string>;
  orgCountry: Map<string, string>;
}

let lookups: Lookups | undefined;
function catalogLookups(): Lookups {
  if (lookups) return lookups;
  const catalog = loadCatalog();
  lookups = {
    chipFamily: new Map(catalog.chips.map((c) => [c.canonical, c.family])),
    orgCountry: new Map(catalog.orgs.flatMap((o) => (o.country ? [[o.canonical, o.country] as const] : []))),
  };
  return lookups;
}

/** Pre-training and unspecified training are one stage to a reader ("trained on" in one report is "pre-trained" in another). */
const STAGE_GROUP: Record<string, string> = { pretraining: "train", training: "train", posttraining: "post", inference: "infer" };

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The story facts of one extraction; `titleEnd` is the title's length (offsets below it are in the title). */
export function storyFacts(extraction: Pick<Extraction, "entities" | "claims" | "indicators">, titleEnd: number): StoryFacts {
  const { chipFamily, orgCountry } = catalogLookups();
  const family = (chip: string) => chipFamily.get(chip) ?? chip;
  const inTitle = extraction.entities.filter((e) => e.start < titleEnd && !e.discovered);
  const titleNames = new Set(inTitle.map((e) => e.name));
  const specificChip = (chip: string) => titleNames.has(chip) && family(chip) !== chip;
  const claims = extraction.claims
    .filter((c) => !c.negated && (titleNames.has(c.subject) || specificChip(c.chip)))
    .map((c) => `${c.subject}|${family(c.chip)}|${STAGE_GROUP[c.stage] ?? c.stage}`);
  const orgs = sorted(inTitle.filter((e) => e.type === "org").map((e) => e.name));
  return {
    claims: sorted(claims),
    indicators: sorted(extraction.indicators.map((i) => i.id)) as IndicatorId[],
    titleIndicators: sorted(extraction.indicators.filter((i) => i.evidence.some((e) => e.start < titleEnd)).map((i) => i.id)) as IndicatorId[],
    specific: sorted(inTitle.filter((e) => e.type === "model" || (e.type === "chip" && family(e.name) !== e.name)).map((e) => e.name)),
    orgs,
    domesticOrgs: orgs.filter((o) => orgCountry.get(o) === "CN"),
  };
}
