// What an article says, reduced to the language-independent facts story linking compares (review/story-link.ts):
// its affirmed claims as (subject, chip family, stage group), its indicators, and the names its title puts first.
// Catalog names are canonical in every language and script, so the English and the Chinese report of one event
// reduce to the same facts whatever their wording. Reports name one product at different depths ("Qwen" in one
// headline, "Qwen3.5" in another; "文心大模型5.1" read as ERNIE), so each product carries its line of families.
import { loadCatalog } from "./catalog/load.ts";
import type { Entity, Extraction, IndicatorId } from "./types.ts";

export interface StoryFacts {
  /** Affirmed claims whose subject (or a family of it) or specific chip the title names: `subject|chip family|stage group`. */
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

interface Lookups {
  chipFamily: Map<string, string>;
  /** A model's own family, when it is not its own (Qwen3.5 -> Qwen, Qwen3-8B -> Qwen3). */
  modelParent: Map<string, string>;
  modelOrg: Map<string, string>;
  orgCountry: Map<string, string>;
  orgParent: Map<string, string>;
  models: Set<string>;
  /** Catalog models that are families (ERNIE, iFlytek Spark, Qwen3.5): the parents of names found by a version pattern. */
  modelFamilies: string[];
  /** Version-pattern rules: the name before the version, and what the rule says a name it finds belongs to. */
  rules: { type: "model" | "chip"; prefix: string; family?: string | undefined; org?: string | undefined }[];
}

let lookups: Lookups | undefined;
function catalogLookups(): Lookups {
  if (lookups) return lookups;
  const catalog = loadCatalog();
  lookups = {
    chipFamily: new Map(catalog.chips.map((c) => [c.canonical, c.family])),
    modelParent: new Map(catalog.models.flatMap((m) => (m.family && m.family !== m.canonical ? [[m.canonical, m.family] as const] : []))),
    modelOrg: new Map(catalog.models.flatMap((m) => (m.org ? [[m.canonical, m.org] as const] : []))),
    orgCountry: new Map(catalog.orgs.flatMap((o) => (o.country ? [[o.canonical, o.country] as const] : []))),
    orgParent: new Map(catalog.orgs.flatMap((o) => (o.parent ? [[o.canonical, o.parent] as const] : []))),
    models: new Set(catalog.models.map((m) => m.canonical)),
    modelFamilies: catalog.models.filter((m) => m.kind === "family").map((m) => m.canonical),
    rules: catalog.families.map((f) => ({ type: f.type, prefix: f.name.slice(0, f.name.indexOf("{v}")), family: f.family, org: f.org ?? f.vendor })),
  };
  return lookups;
}

/** Pre-training and unspecified training are one stage to a reader ("trained on" in one report is "pre-trained" in another). */
const STAGE_GROUP: Record<string, string> = { pretraining: "train", training: "train", posttraining: "post", inference: "infer" };

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The version rule that found a discovered name (its name starts with the rule's). */
function ruleOf(l: Lookups, e: Pick<Entity, "type" | "name">) {
  return l.rules.filter((r) => r.type === e.type && e.name.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

/** The catalog family a discovered model name extends: the longest family name it starts with, followed by a space,
 * hyphen, dot or digit ("ERNIE 5.1", "Qwen3.7"). */
function discoveredModelParent(l: Lookups, name: string): string | undefined {
  return l.modelFamilies
    .filter((f) => name.length > f.length && name.startsWith(f) && /^[\s\-.\d]/.test(name.slice(f.length)))
    .sort((a, b) => b.length - a.length)[0];
}

/** A model or chip and its families, most specific first (a name the catalog lacks was found by a version rule). */
function lineOf(l: Lookups, e: Pick<Entity, "type" | "name">): string[] {
  if (e.type === "chip") {
    const family = l.chipFamily.get(e.name) ?? ruleOf(l, e)?.family;
    return family && family !== e.name ? [e.name, family] : [e.name];
  }
  const line = [e.name];
  let parent = l.models.has(e.name) ? l.modelParent.get(e.name) : discoveredModelParent(l, e.name);
  while (parent && !line.includes(parent)) {
    line.push(parent);
    parent = l.modelParent.get(parent);
  }
  return line;
}

/** The maker of a model (catalog, or the version rule that found it). */
function makerOf(l: Lookups, e: Pick<Entity, "type" | "name">): string | undefined {
  if (e.type !== "model") return undefined;
  return l.models.has(e.name) ? l.modelOrg.get(e.name) : ruleOf(l, e)?.org;
}

/** The story facts of one extraction; `titleEnd` is the title's length (offsets below it are in the title). */
export function storyFacts(extraction: Pick<Extraction, "entities" | "claims" | "indicators">, titleEnd: number): StoryFacts {
  const l = catalogLookups();
  const family = (chip: string) => lineOf(l, { type: "chip", name: chip }).at(-1)!;
  // Discovered organisations are guesses from capitalised words; discovered models and chips follow a catalog
  // family's version pattern, and a new model's name in a headline is what that headline is about.
  const inTitle = extraction.entities.filter((e) => e.start < titleEnd && !(e.discovered && e.type === "org"));
  const lines = (type: "model" | "chip", names: Iterable<string>) => [...new Set(names)].map((name) => ({ type, line: lineOf(l, { type, name }) }));
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
  const specificChip = (chip: string) => titleNames.has(chip) && family(chip) !== chip;
  const affirmed = extraction.claims.filter((c) => !c.negated);
  const claim = (subject: string, c: (typeof affirmed)[number]) => `${subject}|${family(c.chip)}|${STAGE_GROUP[c.stage] ?? c.stage}`;
  const claims = affirmed.filter((c) => titleNames.has(c.subject) || specificChip(c.chip)).map((c) => claim(c.subject, c));
  const textClaims = affirmed.map((c) => claim(c.subjectType === "model" ? lineOf(l, { type: "model", name: c.subject }).join(">") : c.subject, c));
  const orgs = new Set([...inTitle.filter((e) => e.type === "org").map((e) => e.name), ...inTitle.flatMap((e) => makerOf(l, e) ?? [])]);
  for (const o of orgs) for (let p = l.orgParent.get(o); p && !orgs.has(p); p = l.orgParent.get(p)) orgs.add(p);
  return {
    claims: sorted(claims),
    indicators: sorted(extraction.indicators.map((i) => i.id)) as IndicatorId[],
    titleIndicators: sorted(extraction.indicators.filter((i) => i.evidence.some((e) => e.start < titleEnd)).map((i) => i.id)) as IndicatorId[],
    specific: sorted(inTitle.filter((e) => e.type === "model" || (e.type === "chip" && family(e.name) !== e.name)).map((e) => e.name)),
    orgs: sorted(orgs),
    domesticOrgs: sorted(orgs).filter((o) => l.orgCountry.get(o) === "CN"),
    products: [...new Map(products.map((p) => [`${p.type}:${p.line[0]}`, p])).values()],
    textClaims: sorted(textClaims),
  };
}
