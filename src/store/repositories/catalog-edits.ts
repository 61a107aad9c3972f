// The catalog overlay's rows (catalog_edits) and the learned weights the team applied (a settings row): what the
// live extractor is built from besides the files. Edits are versioned by who, when and why; pending ones (not yet
// applied) are what a preview compares against.
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { catalogEdits, settings } from "../schema.ts";

export type CatalogEditRow = typeof catalogEdits.$inferSelect;
export type NewCatalogEdit = Pick<typeof catalogEdits.$inferInsert, "kind" | "type" | "name" | "payload" | "reason" | "actor">;

const WEIGHTS_KEY = "indicator_weights";

export async function insertCatalogEdit(db: Db, edit: NewCatalogEdit): Promise<CatalogEditRow> {
  const [row] = await db.insert(catalogEdits).values(edit).returning();
  return row!;
}

export async function getCatalogEdit(db: Db, id: number): Promise<CatalogEditRow | undefined> {
  const [row] = await db.select().from(catalogEdits).where(eq(catalogEdits.id, id));
  return row;
}

/** Every edit, oldest first (applied and pending). */
export async function listCatalogEdits(db: Db): Promise<CatalogEditRow[]> {
  return db.select().from(catalogEdits).orderBy(asc(catalogEdits.id));
}

export async function appliedCatalogEdits(db: Db): Promise<CatalogEditRow[]> {
  return db.select().from(catalogEdits).where(isNotNull(catalogEdits.appliedAt)).orderBy(asc(catalogEdits.appliedAt), asc(catalogEdits.id));
}

/** Marks a pending edit applied; false when it was applied already (another request won). */
export async function markCatalogEditApplied(db: Db, id: number, actor: string, rulesetVersion: string): Promise<boolean> {
  const done = await db
    .update(catalogEdits)
    .set({ appliedAt: new Date(), appliedBy: actor, rulesetVersion })
    .where(and(eq(catalogEdits.id, id), isNull(catalogEdits.appliedAt)))
    .returning({ id: catalogEdits.id });
  return done.length > 0;
}

/** Changes whenever an edit is applied or the weights are replaced: one small query, asked before each batch. */
export async function overlayStamp(db: Db): Promise<string> {
  const [row] = await db
    .select({
      edits: sql<string>`(select count(*) || ':' || coalesce(max(${catalogEdits.id}), 0) from ${catalogEdits} where ${catalogEdits.appliedAt} is not null)`,
      weights: sql<string | null>`(select ${settings.updatedAt}::text from ${settings} where ${settings.key} = ${WEIGHTS_KEY})`,
    })
    .from(sql`(select 1) as one`);
  return `${row?.edits ?? "0:0"}|${row?.weights ?? "-"}`;
}

/** The weights file the team applied with `chipwatch train` (JSON), or null: the bundled file is used. */
export async function appliedWeights(db: Db): Promise<string | null> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, WEIGHTS_KEY));
  return row?.value ?? null;
}

export async function setAppliedWeights(db: Db, json: string): Promise<void> {
  const now = new Date();
  await db
    .insert(settings)
    .values({ key: WEIGHTS_KEY, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } });
}
