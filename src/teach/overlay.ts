// The catalog overlay as a pure function: data/catalog plus the edits analysts made from the browser (stored in
// catalog_edits), applied in order. An alias joins an existing entry; an entry is a new org, model or chip with the
// file schema's defaults. The result is an ordinary CatalogData, so the extractor and the ruleset version (a hash of
// the catalog) need no idea of where a name came from.
import { chipEntrySchema, modelEntrySchema, orgEntrySchema, type CatalogData } from "../extract/catalog/schema.ts";

export type EntityKind = "org" | "model" | "chip";

export interface AliasEdit {
  kind: "alias";
  type: EntityKind;
  /** The canonical name of the entry the alias joins. */
  name: string;
  alias: string;
}

export interface EntryEdit {
  kind: "entry";
  type: EntityKind;
  name: string;
  aliases?: string[] | undefined;
  org?: string | undefined;
  vendor?: string | undefined;
  family?: string | undefined;
  domestic?: boolean | undefined;
}

export type CatalogEdit = AliasEdit | EntryEdit;

const listOf = (c: CatalogData, type: EntityKind) => (type === "org" ? c.orgs : type === "model" ? c.models : c.chips);

const key = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** Every name (canonical and alias) of every entry of a type, normalised: for refusing duplicates. */
function namesOf(c: CatalogData, type: EntityKind): Set<string> {
  const out = new Set<string>();
  for (const e of listOf(c, type)) for (const n of [e.canonical, ...e.aliases, ...e.context_aliases]) out.add(key(n));
  return out;
}

/** Why the edit cannot apply to this catalog, or null when it can. */
export function checkEdit(c: CatalogData, edit: CatalogEdit): string | null {
  const entries = listOf(c, edit.type);
  if (edit.kind === "alias") {
    const entry = entries.find((e) => e.canonical === edit.name);
    if (!entry) return `no ${edit.type} named "${edit.name}" in the catalog (give the canonical name)`;
    if (namesOf(c, edit.type).has(key(edit.alias))) return `"${edit.alias}" is already a ${edit.type} name in the catalog`;
    return null;
  }
  const taken = namesOf(c, edit.type);
  for (const n of [edit.name, ...(edit.aliases ?? [])]) if (taken.has(key(n))) return `"${n}" is already a ${edit.type} name in the catalog`;
  if (edit.org !== undefined && !c.orgs.some((o) => o.canonical === edit.org)) return `org "${edit.org}" is not in the catalog (add it first)`;
  if (edit.vendor !== undefined && edit.vendor !== "" && !c.orgs.some((o) => o.canonical === edit.vendor)) return `vendor "${edit.vendor}" is not an org in the catalog (add it first)`;
  return null;
}

function applyOne(c: CatalogData, edit: CatalogEdit): CatalogData {
  // An edit that no longer applies is skipped, never an error: once `catalog export-overlay --write` put it into
  // data/catalog its name is already there, and one stale row must not stop extraction. Edits are checked
  // (checkEdit) when proposed and when applied.
  if (checkEdit(c, edit) !== null) return c;
  if (edit.kind === "alias") {
    const replace = <T extends { canonical: string; aliases: string[] }>(list: T[]): T[] =>
      list.map((e) => (e.canonical === edit.name ? { ...e, aliases: [...e.aliases, edit.alias] } : e));
    if (edit.type === "org") return { ...c, orgs: replace(c.orgs) };
    if (edit.type === "model") return { ...c, models: replace(c.models) };
    return { ...c, chips: replace(c.chips) };
  }
  const aliases = edit.aliases ?? [];
  if (edit.type === "org") return { ...c, orgs: [...c.orgs, orgEntrySchema.parse({ canonical: edit.name, aliases })] };
  if (edit.type === "model") {
    return { ...c, models: [...c.models, modelEntrySchema.parse({ canonical: edit.name, aliases, org: edit.org, family: edit.family })] };
  }
  const chip = chipEntrySchema.parse({
    canonical: edit.name,
    aliases,
    vendor: edit.vendor ?? "",
    family: edit.family ?? edit.name,
    domestic: edit.domestic ?? false,
  });
  return { ...c, chips: [...c.chips, chip] };
}

/** The catalog with the edits applied in order (an edit that cannot apply, e.g. already in the files, is skipped). */
export function applyOverlay(base: CatalogData, edits: readonly CatalogEdit[]): CatalogData {
  return edits.reduce(applyOne, base);
}
