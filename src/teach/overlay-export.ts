// The overlay as a patch to data/catalog: the applied edits written into the catalog files' own JSON (entries as
// the files hold them, without the schema's defaults), so `git diff data/catalog` after `chipwatch catalog
// export-overlay --write` is the patch a developer reviews and commits. Pure: file contents in, contents out.
import type { CatalogEdit, EntityKind } from "./overlay.ts";

export const CATALOG_FILES: Record<EntityKind, string> = { org: "orgs.json", model: "models.json", chip: "chips.json" };

interface RawFile {
  type: string;
  entries: Record<string, unknown>[];
}

function rawEntry(edit: Extract<CatalogEdit, { kind: "entry" }>): Record<string, unknown> {
  const out: Record<string, unknown> = { canonical: edit.name };
  if (edit.type === "model") {
    if (edit.org !== undefined) out.org = edit.org;
    if (edit.family !== undefined) out.family = edit.family;
  }
  if (edit.type === "chip") {
    out.vendor = edit.vendor ?? "";
    out.family = edit.family ?? edit.name;
    out.domestic = edit.domestic ?? false;
  }
  out.aliases = edit.aliases ?? [];
  return out;
}

/** The files' new contents (only those an edit touched), formatted as the files are (one-space JSON). */
export function patchCatalogFiles(files: Record<EntityKind, string>, edits: readonly CatalogEdit[]): Partial<Record<EntityKind, string>> {
  const parsed = new Map<EntityKind, RawFile>();
  const fileOf = (type: EntityKind) => {
    let f = parsed.get(type);
    if (!f) {
      f = JSON.parse(files[type]) as RawFile;
      parsed.set(type, f);
    }
    return f;
  };
  for (const edit of edits) {
    const file = fileOf(edit.type);
    if (edit.kind === "entry") {
      file.entries.push(rawEntry(edit));
      continue;
    }
    const entry = file.entries.find((e) => e.canonical === edit.name);
    if (!entry) throw new Error(`${CATALOG_FILES[edit.type]}: no entry "${edit.name}" for the alias "${edit.alias}"`);
    entry.aliases = [...((entry.aliases as string[] | undefined) ?? []), edit.alias];
  }
  return Object.fromEntries([...parsed].map(([type, f]) => [type, JSON.stringify(f, null, 1) + "\n"]));
}
