// `chipwatch eval --labels` and `chipwatch train` as a user runs them, on PGlite (a data directory) and PostgreSQL.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "../../src/app/database.ts";
import { loadConfig } from "../../src/config.ts";
import { reviewEvents } from "../../src/store/repositories/reviews.ts";
import { insertLabel } from "../../src/store/repositories/labels.ts";
import { appliedWeights } from "../../src/store/repositories/catalog-edits.ts";
import { runCli } from "../support/cli.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";
import { seedWorkspace } from "../web/seed.ts";

describe.each(availableDrivers())("eval --labels and train on %s", (driver) => {
  let env: Record<string, string>;
  let pg: TestDatabase | undefined;
  beforeAll(async () => {
    if (driver === "postgres") {
      pg = await createTestDatabase("postgres");
      env = { DATABASE_URL: pg.url! };
    } else {
      env = { DATA_DIR: mkdtempSync(join(tmpdir(), "chipwatch-teach-")) };
    }
    const database = await openMigratedDatabase(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    try {
      const ids = await seedWorkspace(database.db);
      await reviewEvents(database.db, { ids: [ids.glm!], action: "confirm", actor: "alice" });
      await reviewEvents(database.db, { ids: [ids.export!], action: "dismiss", actor: "alice" });
      await insertLabel(database.db, { kind: "missing", indicator: "inference_on_domestic", title: "Baidu serves ERNIE on Kunlun", text: "Baidu said ERNIE 5 now runs inference on its Kunlun P800 chips.", actor: "alice" });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(async () => pg?.destroy());

  it("scores the live ruleset against the team's labels", async () => {
    const run = await runCli(["eval", "--labels", "--json"], { env });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { articles: number; indicators: Record<string, { positives: number; tp: number; fp: number; fn: number }> };
    expect(report.articles).toBe(4);
    expect(report.indicators.pretraining_on_domestic!.positives).toBe(2);
    expect(report.indicators.inference_on_domestic!.positives).toBe(1);
    const table = await runCli(["eval", "--labels"], { env });
    expect(table.stdout).toMatch(/^pretraining_on_domestic\s+2\s/m);
  }, 120_000);

  it("refits on the shipped sets plus the team's labels, applies only when asked", async () => {
    const dry = await runCli(["train", "--json"], { env });
    expect(dry.stderr).toBe("");
    const report = JSON.parse(dry.stdout) as { applied: boolean; sets: { name: string; articles: number }[]; micro: { heldOut: { mean: number } }; preview: { dryRun: boolean } };
    expect(report.applied).toBe(false);
    expect(report.sets.map((s) => s.name)).toEqual(["dev.jsonl", "dev2.jsonl", "team-labels"]);
    expect(report.sets[2]!.articles).toBe(4);
    expect(report.micro.heldOut.mean).toBeGreaterThan(0.5);
    expect(report.preview.dryRun).toBe(true);
    const database = await openMigratedDatabase(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    try {
      expect(await appliedWeights(database.db)).toBeNull();
    } finally {
      await database.close();
    }

    const applied = await runCli(["train", "--apply"], { env });
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/held-out/);
    expect(applied.stdout).toMatch(/^applied: ruleset rs-[0-9a-f]{16}$/m);
    const after = await openMigratedDatabase(loadConfig({ ...env, LOG_LEVEL: "silent" }));
    try {
      const w = JSON.parse((await appliedWeights(after.db))!) as { trainedOn: { name: string }[] };
      expect(w.trainedOn.map((s) => s.name)).toContain("team-labels");
    } finally {
      await after.close();
    }
  }, 300_000);
});
