// Catalog edits from request to live: check an edit against the live catalog (files plus applied edits), preview
// what reprocessing with it would change (a dry run with a candidate extractor), and apply it (mark it applied,
// which changes the overlay's stamp and so the live extractor everywhere, then reprocess the stored articles).
import { loadCatalog } from "../extract/catalog/load.ts";
import type { CatalogData } from "../extract/catalog/schema.ts";
import type { Db } from "../store/db.ts";
import { getCatalogEdit, insertCatalogEdit, markCatalogEditApplied, type CatalogEditRow } from "../store/repositories/catalog-edits.ts";
import { buildExtractor, editOfRow, readOverlay } from "./live-extractor.ts";
import { applyOverlay, checkEdit, type CatalogEdit } from "./overlay.ts";
import type { Extractor } from "../extract/extract.ts";

/** The catalog the live extractor uses now. */
export async function liveCatalog(db: Db): Promise<CatalogData> {
  return applyOverlay(loadCatalog(), (await readOverlay(db)).edits);
}

export class EditRefusedError extends Error {
  constructor(
    message: string,
    readonly status: 404 | 409 | 422,
  ) {
    super(message);
    this.name = "EditRefusedError";
  }
}

function payloadOf(edit: CatalogEdit): Record<string, unknown> {
  if (edit.kind === "alias") return { alias: edit.alias };
  const { kind: _k, type: _t, name: _n, ...rest } = edit;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
}

/** Stores a pending edit after checking it against the live catalog (422 when it cannot apply). */
export async function proposeEdit(db: Db, edit: CatalogEdit, actor: string, reason: string | undefined): Promise<CatalogEditRow> {
  const problem = checkEdit(await liveCatalog(db), edit);
  if (problem) throw new EditRefusedError(problem, 422);
  return insertCatalogEdit(db, { kind: edit.kind, type: edit.type, name: edit.name, payload: payloadOf(edit), reason: reason ?? null, actor });
}

/** A pending edit and the extractor the live one would become with it. */
export async function candidateFor(db: Db, id: number): Promise<{ row: CatalogEditRow; extractor: Extractor }> {
  const row = await getCatalogEdit(db, id);
  if (!row) throw new EditRefusedError("no such catalog edit", 404);
  if (row.appliedAt) throw new EditRefusedError(`catalog edit ${id} was applied already`, 409);
  const overlay = await readOverlay(db);
  const edit = editOfRow(row);
  const problem = checkEdit(applyOverlay(loadCatalog(), overlay.edits), edit);
  if (problem) throw new EditRefusedError(`catalog edit ${id} no longer applies: ${problem}`, 409);
  return { row, extractor: buildExtractor({ ...overlay, edits: [...overlay.edits, edit] }) };
}

/** Marks the edit applied (the new ruleset version is recorded with it). */
export async function markApplied(db: Db, row: CatalogEditRow, extractor: Extractor, actor: string): Promise<void> {
  if (!(await markCatalogEditApplied(db, row.id, actor, extractor.rulesetVersion))) {
    throw new EditRefusedError(`catalog edit ${row.id} was applied already`, 409);
  }
}
