// What an article says, reduced to the language-independent facts story linking compares (review/story-link.ts):
// its affirmed claims as (subject, chip family, stage group), its indicators, and the names its title puts first.
// Catalog names are canonical in every language and script, so the English and the Chinese report of one event
// reduce to the same facts whatever their wording. Reports name one product at different depths ("Qwen" in one
// headline, "Qwen3.5" in another; "文心大模型5.1" read as ERNIE), so each product carries its line of families.
import { chipFamilyOf, modelMaker, orgCountry, orgParents, productLine } from "./catalog/lineage.ts";
import type { Extraction, IndicatorId } from "./types.ts";

export interface StoryFacts {
  /** Affirmed claims whose subject or specific chip the title names: `subject|chip family|stage group`. */
  claims: string[];
  indicators: IndicatorId[];
  /** Of those, the ones with evidence in the title: what the headline says happened. Absent in facts stored before
   * it existed (story_keys rows): they count all their indicators as the headline's. */
  titleIndicators?: IndicatorId[];
  /** Models and specific chips (not a whole family) named in the title, including names found by a version pattern
   * that the catalog does not list yet. */
  specific: string[];
  /** Organisations named in the title, the makers of the models it names ("GLM-5.1" names Zhipu AI), and the parents
   * of those ("Kunlunxin" names Baidu: a report may say "Baidu's chip unit Kunlunxin", another only "昆仑芯"). */
  orgs: string[];
  /** Of those, the Chinese ones (catalog country CN): the key players of a domestic story. */
  domesticOrgs: string[];
  /** Every model and chip the title names, with its families, most specific first: ["Qwen3.5-397B-A17B", "Qwen3.5",
   * "Qwen"], ["Huawei Ascend 910C", "Huawei Ascend"]. A family the title names ("Qwen", "昇腾") stands for the members
   * of it that the article names ("Qwen3.5" in the text), when it names any. Absent in facts stored before it existed. */
  products?: { type: "model" | "chip"; line: string[] }[];
  /** Every affirmed claim of the article, its subject with its families: `subject>family|chip family|stage group`.
   * Absent in facts stored before it existed. */
  textClaims?: string[];
}

/** Pre-training and unspecified training are one stage to a reader ("trained on" in one report is "pre-trained" in another). */
const STAGE_GROUP: Record<string, StageGroup> = { pretraining: "train", training: "train", posttraining: "post", inference: "infer" };
export type StageGroup = "train" | "post" | "infer";
/** A claim's stage as a reader groups it: train (pre-training or unspecified training), post (post-training), infer. */
export const stageGroup = (stage: string): StageGroup | string => STAGE_GROUP[stage] ?? stage;

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The story facts of one extraction; `titleEnd` is the title's length (offsets below it are in the title). */
export function storyFacts(extraction: Pick<Extraction, "entities" | "claims" | "indicators">, titleEnd: number): StoryFacts {
  // Discovered organisations are guesses from capitalised words; discovered models and chips follow a catalog
  // family's version pattern, and a new model's name in a headline is what that headline is about.
  const inTitle = extraction.entities.filter((e) => e.start < titleEnd && !(e.discovered && e.type === "org"));
  const lines = (type: "model" | "chip", names: Iterable<string>) => [...new Set(names)].map((name) => ({ type, line: productLine(type, name) }));
  const named = (type: "model" | "chip") => lines(type, extraction.entities.filter((e) => e.type === type).map((e) => e.name));
  const articleProducts = [...named("model"), ...named("chip")];
  const products = lines("model", inTitle.filter((e) => e.type === "model").map((e) => e.name))
    .concat(lines("chip", inTitle.filter((e) => e.type === "chip").map((e) => e.name)))
    .flatMap((p) => {
      // The headline's "Qwen" is the text's "Qwen3.5": a family resolves to the members of it the article names.
      const members = articleProducts.filter((m) => m.type === p.type && m.line.indexOf(p.line[0]!) > 0);
      return members.length > 0 ? members : [p];
    });
  const titleNames = new Set(inTitle.map((e) => e.name));
  const specificChip = (chip: string) => titleNames.has(chip) && chipFamilyOf(chip) !== chip;
  const affirmed = extraction.claims.filter((c) => !c.negated);
  const claim = (subject: string, c: (typeof affirmed)[number]) => `${subject}|${chipFamilyOf(c.chip)}|${stageGroup(c.stage)}`;
  const claims = affirmed.filter((c) => titleNames.has(c.subject) || specificChip(c.chip)).map((c) => claim(c.subject, c));
  const textClaims = affirmed.map((c) => claim(c.subjectType === "model" ? productLine("model", c.subject).join(">") : c.subject, c));
  const titleOrgs = new Set([
    ...inTitle.filter((e) => e.type === "org").map((e) => e.name),
    ...inTitle.flatMap((e) => (e.type === "model" ? (modelMaker(e.name) ?? []) : [])),
  ]);
  const orgs = new Set([...titleOrgs].flatMap((o) => [o, ...orgParents(o)]));
  return {
    claims: sorted(claims),
    indicators: sorted(extraction.indicators.map((i) => i.id)) as IndicatorId[],
    titleIndicators: sorted(extraction.indicators.filter((i) => i.evidence.some((e) => e.start < titleEnd)).map((i) => i.id)) as IndicatorId[],
    specific: sorted(inTitle.filter((e) => e.type === "model" || (e.type === "chip" && chipFamilyOf(e.name) !== e.name)).map((e) => e.name)),
    orgs: sorted(orgs),
    domesticOrgs: sorted(orgs).filter((o) => orgCountry(o) === "CN"),
    products: [...new Map(products.map((p) => [`${p.type}:${p.line[0]}`, p])).values()],
    textClaims: sorted(textClaims),
  };
}
