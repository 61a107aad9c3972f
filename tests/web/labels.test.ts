// Labels as data: reviews and reported misses come back from GET /api/export/labels.jsonl as a gold set that
// ../shared/eval/score.mjs accepts as GOLD, with the team's decisions as the indicators.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableDrivers } from "../support/db.ts";
import { REPO_ROOT } from "../support/services.ts";
import { createSeededHarness, type Harness } from "./harness.ts";

const SCORE = resolve(REPO_ROOT, "../shared/eval/score.mjs");
const PASTED = { title: "Cambricon ships Siyuan 690 to a Hangzhou lab", text: "The lab will serve its chatbot on the new Cambricon accelerators." };

interface Gold {
  id: string;
  title: string;
  indicators: string[];
  claims: { subject: string; chip: string; stage: string }[];
  entities: Record<string, string[]>;
}

describe.each(availableDrivers())("labels on %s", (driver) => {
  let h: Harness;
  let ids: Record<string, number>;
  beforeAll(async () => {
    ({ h, ids } = await createSeededHarness(driver));
  });
  afterAll(async () => h?.t.destroy());

  const post = (path: string, body: unknown) => h.json<Record<string, unknown>>(path, { method: "POST", body: JSON.stringify(body) });
  const articleOf = async (eventId: number) => (await h.json<{ sources: { articleId: number }[] }>(`/api/events/${eventId}`)).body.sources[0]!.articleId;

  it("stores misses about stored and pasted articles, and refuses incomplete ones", async () => {
    const policyArticle = await articleOf(ids.policy!);
    expect((await post("/api/labels", { articleId: policyArticle, kind: "missing", indicator: "domestic_chip_capability", note: "fab capacity" })).status).toBe(201);
    expect((await post("/api/labels", { ...PASTED, kind: "missing", indicator: "inference_on_domestic" })).status).toBe(201);
    expect((await post("/api/labels", { ...PASTED, kind: "claim_missing", claim: { subject: "Cambricon", chip: "Cambricon MLU", stage: "inference" } })).status).toBe(201);
    expect((await post("/api/labels", { articleId: policyArticle, kind: "missing" })).status).toBe(400);
    expect((await post("/api/labels", { kind: "wrong", indicator: "export_controls" })).status).toBe(400);
    expect((await post("/api/labels", { articleId: 99_999_999, kind: "wrong", indicator: "export_controls" })).status).toBe(404);
    expect((await post("/api/labels", { ...PASTED, kind: "claim_missing" })).status).toBe(400);
  });

  it("exports reviews and labels in the gold format, and score.mjs accepts it as GOLD", async () => {
    await post(`/api/events/${ids.glm}/review`, { action: "confirm" });
    await post(`/api/events/${ids.export}/review`, { action: "dismiss", note: "old news" });
    const res = await h.api("/api/export/labels.jsonl");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/ndjson/);
    const text = await res.text();
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Gold);
    const byTitle = (t: string) => lines.filter((l) => l.title === t);
    // The confirmed story: both of its articles (the syndicated copy is a source of the same event).
    const glm = byTitle("Zhipu AI pre-trains GLM-5 on Huawei Ascend 910C");
    expect(glm.length).toBe(2);
    for (const g of glm) expect(g.indicators).toEqual(["pretraining_on_domestic"]);
    expect(glm[0]!.entities.model).toContain("GLM-5");
    expect(glm[0]!.claims).toContainEqual({ subject: "GLM-5", chip: "Huawei Ascend 910C", stage: "pretraining" });
    expect(byTitle("US tightens export controls on HBM shipments to China")[0]!.indicators).toEqual([]);
    // The labelled policy article: its flagged (unreviewed) event does not count; the reported miss does.
    expect(byTitle("MIIT sets up fund for domestic AI chip fabrication")[0]!.indicators).toEqual(["domestic_chip_capability"]);
    const pasted = byTitle(PASTED.title);
    expect(pasted).toHaveLength(1);
    expect(pasted[0]!.id).toMatch(/^pasted-[0-9a-f]{16}$/);
    expect(pasted[0]!.indicators).toEqual(["inference_on_domestic"]);
    expect(pasted[0]!.claims).toContainEqual({ subject: "Cambricon", chip: "Cambricon MLU", stage: "inference" });

    const dir = mkdtempSync(join(tmpdir(), "chipwatch-labels-"));
    const gold = join(dir, "gold.jsonl");
    writeFileSync(gold, text);
    const pred = join(dir, "pred.jsonl");
    writeFileSync(pred, lines.map((l) => JSON.stringify({ id: l.id, entities: [], claims: [], indicators: l.indicators })).join("\n") + "\n");
    // Same indicators on both sides: every gold line read and scored, indicator precision and recall perfect.
    const out = JSON.parse(execFileSync(process.execPath, [SCORE, gold, pred, "--json", "--min", "indicator=1"], { encoding: "utf8" })) as {
      articles: number;
      indicator: { tp: number; fp: number; fn: number };
    };
    expect(out.articles).toBe(lines.length);
    expect(out.indicator).toMatchObject({ tp: 4, fp: 0, fn: 0 });
  });
});
