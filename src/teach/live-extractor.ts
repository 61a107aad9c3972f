// The extractor the running system uses: data/catalog plus the database overlay (catalog edits analysts applied)
// and the weights the team applied with `chipwatch train`. Every process asks the database for the overlay's stamp
// (one small query) before a batch and rebuilds when it changed, so an applied edit takes effect without a restart
// in the web process, the embedded runner and every queue worker alike.
import { loadCatalog } from "../extract/catalog/load.ts";
import { createExtractor, defaultExtractor, type Extractor } from "../extract/extract.ts";
import { loadWeights, parseWeights } from "../extract/indicators/weights.ts";
import type { Db } from "../store/db.ts";
import { appliedCatalogEdits, appliedWeights, overlayStamp, type CatalogEditRow } from "../store/repositories/catalog-edits.ts";
import { applyOverlay, type CatalogEdit } from "./overlay.ts";

export function editOfRow(row: Pick<CatalogEditRow, "kind" | "type" | "name" | "payload">): CatalogEdit {
  const p = row.payload;
  if (row.kind === "alias") return { kind: "alias", type: row.type, name: row.name, alias: String(p.alias) };
  return {
    kind: "entry",
    type: row.type,
    name: row.name,
    aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : undefined,
    org: typeof p.org === "string" ? p.org : undefined,
    vendor: typeof p.vendor === "string" ? p.vendor : undefined,
    family: typeof p.family === "string" ? p.family : undefined,
    domestic: typeof p.domestic === "boolean" ? p.domestic : undefined,
  };
}

/** What a live extractor is built from. */
export interface Overlay {
  edits: CatalogEdit[];
  /** The applied weights file's JSON, or null for the bundled weights. */
  weights: string | null;
}

export async function readOverlay(db: Db): Promise<Overlay> {
  const [rows, weights] = await Promise.all([appliedCatalogEdits(db), appliedWeights(db)]);
  return { edits: rows.map(editOfRow), weights };
}

/** An extractor for an overlay (the bundled one when the overlay is empty, compiled once per process). */
export function buildExtractor(overlay: Overlay): Extractor {
  if (overlay.edits.length === 0 && overlay.weights === null) return defaultExtractor();
  const weights = overlay.weights === null ? loadWeights() : parseWeights(JSON.parse(overlay.weights));
  return createExtractor(applyOverlay(loadCatalog(), overlay.edits), weights);
}

let current: { stamp: string; extractor: Extractor } | undefined;
let building: Promise<Extractor> | undefined;

/** The live extractor: rebuilt when the overlay's stamp changed since the last call (compiling takes seconds, so
 * concurrent callers share one build). */
export async function liveExtractor(db: Db): Promise<Extractor> {
  const stamp = await overlayStamp(db);
  if (current?.stamp === stamp) return current.extractor;
  building ??= (async () => {
    try {
      const extractor = buildExtractor(await readOverlay(db));
      current = { stamp, extractor };
      return extractor;
    } finally {
      building = undefined;
    }
  })();
  return building;
}
