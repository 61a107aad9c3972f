// Loads and validates the catalog data files. The files are imported as JSON modules, so extraction stays
// free of run-time file I/O and a bundle carries the data with it.
import { createHash } from "node:crypto";
import { z } from "zod";
import orgsFile from "../../../data/catalog/orgs.json" with { type: "json" };
import modelsFile from "../../../data/catalog/models.json" with { type: "json" };
import chipsFile from "../../../data/catalog/chips.json" with { type: "json" };
import familiesFile from "../../../data/catalog/families.json" with { type: "json" };
import t2sFile from "../../../data/catalog/t2s.json" with { type: "json" };
import {
  catalogFileSchema,
  chipEntrySchema,
  familiesFileSchema,
  modelEntrySchema,
  orgEntrySchema,
  type CatalogData,
} from "./schema.ts";

export function parseCatalog(raw: { orgs: unknown; models: unknown; chips: unknown; families: unknown; t2s: unknown }): CatalogData {
  return {
    orgs: catalogFileSchema("org", orgEntrySchema).parse(raw.orgs).entries,
    models: catalogFileSchema("model", modelEntrySchema).parse(raw.models).entries,
    chips: catalogFileSchema("chip", chipEntrySchema).parse(raw.chips).entries,
    families: familiesFileSchema.parse(raw.families).families,
    t2s: z.record(z.string(), z.string()).parse(raw.t2s),
  };
}

export function loadCatalog(): CatalogData {
  return parseCatalog({ orgs: orgsFile, models: modelsFile, chips: chipsFile, families: familiesFile, t2s: t2sFile });
}

/** Content hash of a catalog plus the rules' own revision strings: changes whenever either changes. */
export function hashRuleset(catalog: CatalogData, rulesSignature: string): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(catalog));
  h.update("\u0000");
  h.update(rulesSignature);
  return "rs-" + h.digest("hex").slice(0, 16);
}
