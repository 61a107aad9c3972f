// Scores the extractor on a labelled set (shared/eval) with the shared scorer, as `extract --jsonl | score.mjs`
// does: the quality tests of dev.jsonl and dev2.jsonl read the same figures an analyst would.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { extract } from "../../src/extract/extract.ts";
import { toJsonlRecord, type JsonlRecord } from "../../src/extract/jsonl.ts";

export const SHARED = resolve(import.meta.dirname, "../../../shared");

export interface SetScore {
  entity: { f1: number };
  org: { f1: number };
  model: { f1: number };
  chip: { f1: number };
  claim: { f1: number };
  indicator: { f1: number };
  hard_negatives: { articles: number; flagged: number };
}

/** Extracts every article of `eval/<name>` and returns the predictions and the scorer's JSON. */
export function scoreLabelledSet(name: string): { predictions: JsonlRecord[]; score: SetScore } {
  const goldPath = join(SHARED, "eval", name);
  const rows = readFileSync(goldPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; text: string });
  const predictions = rows.map((r) => toJsonlRecord(r.id, extract(r)));
  const out = join(mkdtempSync(join(tmpdir(), "chipwatch-eval-")), "pred.jsonl");
  writeFileSync(out, predictions.map((p) => JSON.stringify(p)).join("\n") + "\n");
  const res = spawnSync(process.execPath, [join(SHARED, "eval/score.mjs"), goldPath, out, "--json"], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`score.mjs failed (${res.status}): ${res.stderr}`);
  const score = JSON.parse(res.stdout) as SetScore;
  console.log(`${name}: entity ${score.entity.f1} (org ${score.org.f1} model ${score.model.f1} chip ${score.chip.f1}) claim ${score.claim.f1} indicator ${score.indicator.f1}`);
  return { predictions, score };
}
