import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../package-root.ts";
import { listCatalogEdits } from "../../store/repositories/catalog-edits.ts";
import { discoveredNames } from "../../store/repositories/extractions.ts";
import { editOfRow } from "../../teach/live-extractor.ts";
import { CATALOG_FILES, patchCatalogFiles } from "../../teach/overlay-export.ts";
import type { EntityKind } from "../../teach/overlay.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

const USAGE = "catalog discovered [--json] | catalog export-overlay [--write] [--dir DIR]";

/**
 * `catalog discovered`: names found by version patterns that the catalog does not list yet, for an analyst to add.
 * `catalog export-overlay`: the applied catalog edits (who, when, why), one JSON line each; with --write they are
 * written into data/catalog (or --dir), so `git diff` shows them as a patch to commit.
 */
export const catalog: Command = async (argv, { config }) => {
  const [sub, ...rest] = argv;
  if (sub === "discovered") {
    const args = readArgs(rest, { flags: ["json"] });
    const names = await withDatabase(config, (db) => discoveredNames(db));
    for (const n of names) writeLine(args.options.has("json") ? n : `${n.type}\t${n.name}\t${n.count} articles\tfirst in #${n.firstArticleId} (${n.feed ?? "?"})`);
    if (names.length === 0 && !args.options.has("json")) writeLine("no discovered names");
    return 0;
  }
  if (sub === "export-overlay") {
    const args = readArgs(rest, { flags: ["write"], valued: ["dir"] });
    const dir = optionString(args, "dir") ?? join(PACKAGE_ROOT, "data/catalog");
    const applied = (await withDatabase(config, (db) => listCatalogEdits(db))).filter((e) => e.appliedAt);
    if (!args.options.has("write")) {
      for (const e of applied) writeLine({ ...e, createdAt: e.createdAt.toISOString(), appliedAt: e.appliedAt!.toISOString() });
      return 0;
    }
    const read = (t: EntityKind) => readFileSync(join(dir, CATALOG_FILES[t]), "utf8");
    const patched = patchCatalogFiles({ org: read("org"), model: read("model"), chip: read("chip") }, applied.map(editOfRow));
    for (const [type, content] of Object.entries(patched) as [EntityKind, string][]) {
      writeFileSync(join(dir, CATALOG_FILES[type]), content);
      writeLine(`wrote ${join(dir, CATALOG_FILES[type])}`);
    }
    writeLine(`${applied.length} applied edits written; review with git diff, commit, then the overlay rows may be removed`);
    return 0;
  }
  throw new UsageError(USAGE);
};
