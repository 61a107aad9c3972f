// Where a product sits in the catalog: a model's or chip's families, most specific first (Qwen3.5-397B-A17B ->
// Qwen3.5 -> Qwen; Huawei Ascend 910C -> Huawei Ascend), a model's maker, an organisation's parent and country.
// Names the catalog does not list yet (found by a version pattern, e.g. "ERNIE 5.1") take their family and maker
// from the pattern's family. Used by story linking (story-facts.ts) and the digest (what is new: a lab on a chip).
import { loadCatalog } from "./load.ts";

export type ProductType = "model" | "chip";

interface Lookups {
  chipFamily: Map<string, string>;
  /** A model's own family, when it is not its own (Qwen3.5 -> Qwen, Qwen3-8B -> Qwen3). */
  modelParent: Map<string, string>;
  modelOrg: Map<string, string>;
  orgCountry: Map<string, string>;
  orgParent: Map<string, string>;
  governments: Set<string>;
  models: Set<string>;
  /** Catalog models that are families (ERNIE, iFlytek Spark, Qwen3.5): the parents of names found by a version pattern. */
  modelFamilies: string[];
  /** Version-pattern rules: the name before the version, and what the rule says a name it finds belongs to. */
  rules: { type: ProductType; prefix: string; family?: string | undefined; org?: string | undefined }[];
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
    governments: new Set(catalog.orgs.filter((o) => o.roles.includes("government")).map((o) => o.canonical)),
    models: new Set(catalog.models.map((m) => m.canonical)),
    modelFamilies: catalog.models.filter((m) => m.kind === "family").map((m) => m.canonical),
    rules: catalog.families.map((f) => ({ type: f.type, prefix: f.name.slice(0, f.name.indexOf("{v}")), family: f.family, org: f.org ?? f.vendor })),
  };
  return lookups;
}

/** The version rule that found a name the catalog lacks (its name starts with the rule's). */
function ruleOf(l: Lookups, type: ProductType, name: string) {
  return l.rules.filter((r) => r.type === type && name.startsWith(r.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
}

/** The catalog family a discovered model name extends: the longest family name it starts with, followed by a space,
 * hyphen, dot or digit ("ERNIE 5.1", "Qwen3.7"). */
function discoveredModelParent(l: Lookups, name: string): string | undefined {
  return l.modelFamilies
    .filter((f) => name.length > f.length && name.startsWith(f) && /^[\s\-.\d]/.test(name.slice(f.length)))
    .sort((a, b) => b.length - a.length)[0];
}

/** A model or chip and its families, most specific first. */
export function productLine(type: ProductType, name: string): string[] {
  const l = catalogLookups();
  if (type === "chip") {
    const family = l.chipFamily.get(name) ?? ruleOf(l, type, name)?.family;
    return family && family !== name ? [name, family] : [name];
  }
  const line = [name];
  let parent = l.models.has(name) ? l.modelParent.get(name) : discoveredModelParent(l, name);
  while (parent && !line.includes(parent)) {
    line.push(parent);
    parent = l.modelParent.get(parent);
  }
  return line;
}

/** A chip's family (itself when it is one, or unknown). */
export const chipFamilyOf = (chip: string): string => productLine("chip", chip).at(-1)!;

/** The organisation that makes a model (catalog, or the version rule that found it). */
export function modelMaker(name: string): string | undefined {
  const l = catalogLookups();
  return l.models.has(name) ? l.modelOrg.get(name) : ruleOf(l, "model", name)?.org;
}

/** An organisation's parents, nearest first (Kunlunxin -> Baidu). */
export function orgParents(org: string): string[] {
  const l = catalogLookups();
  const out: string[] = [];
  for (let p = l.orgParent.get(org); p && p !== org && !out.includes(p); p = l.orgParent.get(p)) out.push(p);
  return out;
}

/** An organisation's country code (catalog), if known. */
export const orgCountry = (org: string): string | undefined => catalogLookups().orgCountry.get(org);

/** Whether an organisation is a government body (catalog role government: a ministry, a city, a state fund). */
export const isGovernment = (org: string): boolean => catalogLookups().governments.has(org);
