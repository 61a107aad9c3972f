// What the catalog API and page share: the request schemas of an alias and an entry, and preview and apply of a
// pending edit through jobs/' reprocess (a dry run with the candidate extractor; then the stored run).
import { z } from "zod";
import { createJobDeps } from "../jobs/deps.ts";
import { reprocessWith } from "../jobs/reprocess.ts";
import type { ReprocessDiff } from "../jobs/types.ts";
import type { CatalogEditRow } from "../store/repositories/catalog-edits.ts";
import { candidateFor, markApplied } from "../teach/catalog-edits.ts";
import type { AppDeps } from "./env.ts";

const name = z.string().trim().min(1).max(200).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");
const type = z.enum(["org", "model", "chip"]);
const reason = z.string().trim().max(1000).optional();

export const aliasBodySchema = z.object({ type, name, alias: name, reason });

export const entryBodySchema = z.object({
  type,
  name,
  aliases: z.array(name).max(50).optional(),
  org: name.optional(),
  vendor: name.optional(),
  family: name.optional(),
  domestic: z.boolean().optional(),
  reason,
});

export const editJson = (row: CatalogEditRow) => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  appliedAt: row.appliedAt?.toISOString() ?? null,
  status: row.appliedAt ? "applied" : "pending",
});

export interface EditOutcome {
  edit: CatalogEditRow;
  rulesetVersion: string;
  diff: ReprocessDiff;
}

/** The deps a stored reprocess needs; flagged events are alerted as a job's would be. */
function reprocessDeps(deps: AppDeps) {
  const job = createJobDeps({ db: deps.db, config: deps.config, logger: deps.logger, metrics: deps.metrics, enqueue: async () => {} });
  return { db: deps.db, config: deps.config, onFlagged: job.onFlagged };
}

export async function previewEdit(deps: AppDeps, id: number): Promise<EditOutcome> {
  const { row, extractor } = await candidateFor(deps.db, id);
  const diff = await reprocessWith({ dryRun: true }, reprocessDeps(deps), extractor);
  return { edit: row, rulesetVersion: extractor.rulesetVersion, diff };
}

export async function applyEdit(deps: AppDeps, id: number, actor: string): Promise<EditOutcome> {
  const { row, extractor } = await candidateFor(deps.db, id);
  await markApplied(deps.db, row, extractor, actor);
  // The overlay's stamp changed: reprocess builds the live extractor anew (files plus every applied edit).
  const diff = await reprocessWith({}, reprocessDeps(deps));
  return { edit: { ...row, appliedAt: new Date(), appliedBy: actor, rulesetVersion: extractor.rulesetVersion }, rulesetVersion: diff.rulesetVersion, diff };
}
