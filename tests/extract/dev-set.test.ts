// Runs the extractor over the shared development set and scores it with the shared scorer: fails below
// entity F1 0.95 (each type), claim F1 0.85, indicator micro-F1 0.90, or on any indicator for a hard negative.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { toJsonlRecord } from "../../src/extract/jsonl.ts";

const shared = resolve(import.meta.dirname, "../../../shared");
const devPath = join(shared, "eval/dev.jsonl");
const rows = readFileSync(devPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; text: string });
const predictions = rows.map((r) => toJsonlRecord(r.id, extract(r)));

describe("development set", () => {
  it("meets the quality thresholds with the shared scorer", () => {
    const out = join(mkdtempSync(join(tmpdir(), "chipwatch-dev-")), "pred.jsonl");
    writeFileSync(out, predictions.map((p) => JSON.stringify(p)).join("\n") + "\n");
    const res = spawnSync(process.execPath, [join(shared, "eval/score.mjs"), devPath, out, "--min", "entity=0.95,claim=0.85,indicator=0.90", "--json"], { encoding: "utf8" });
    const score = JSON.parse(res.stdout) as Record<string, { f1: number }> & { hard_negatives: { flagged: number } };
    console.log(`dev: org ${score.org!.f1} model ${score.model!.f1} chip ${score.chip!.f1} claim ${score.claim!.f1} indicator ${score.indicator!.f1}`);
    expect(score.org!.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.model!.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.chip!.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.claim!.f1).toBeGreaterThanOrEqual(0.85);
    expect(score.indicator!.f1).toBeGreaterThanOrEqual(0.9);
    expect(score.hard_negatives.flagged).toBe(0);
    expect(res.status).toBe(0);
  });

  it("flags no indicator and no claim on the hard negatives dev-053..dev-060", () => {
    const negatives = predictions.filter((p) => p.id >= "dev-053" && p.id <= "dev-060");
    expect(negatives).toHaveLength(8);
    for (const p of negatives) {
      expect(p.indicators, p.id).toEqual([]);
      expect(p.claims, p.id).toEqual([]);
    }
  });
});
