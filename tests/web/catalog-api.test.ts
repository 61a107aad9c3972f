// The catalog overlay over the API: an entry and an alias are checked, previewed (reprocess dry run with the
// candidate catalog), applied (reprocess with the live catalog, no restart), and change the ruleset version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableDrivers } from "../support/db.ts";
import { createHarness, type Harness } from "./harness.ts";
import { CHANA_ENTRY, CHANA_TEXT, CHANA_TITLE, storeChanaArticle } from "./chana.ts";

interface Diff {
  articles: number;
  changed: number;
  indicators: Record<string, { added: number; removed: number; examples: { title: string; change: string }[] }>;
}

describe.each(availableDrivers())("catalog overlay API on %s", (driver) => {
  let h: Harness;
  let articleId: number;
  beforeAll(async () => {
    h = await createHarness(driver);
    articleId = await storeChanaArticle(h.t.db);
  });
  afterAll(async () => h?.t.destroy());

  const post = <T,>(path: string, body?: unknown) => h.json<T>(path, { method: "POST", ...(body ? { body: JSON.stringify(body) } : {}) });
  const tryIt = () => h.json<{ entities: { type: string; name: string }[]; indicators: { id: string }[]; rulesetVersion: string }>("/api/extract", { method: "POST", body: JSON.stringify({ title: CHANA_TITLE, text: CHANA_TEXT }) });

  it("refuses edits that cannot apply (422) and bad bodies (400)", async () => {
    expect((await post("/api/catalog/aliases", { type: "chip", name: "No Such Chip", alias: "x" })).status).toBe(422);
    expect((await post("/api/catalog/aliases", { type: "chip", name: "Huawei Ascend", alias: "昇腾" })).status).toBe(422);
    expect((await post("/api/catalog/entries", { type: "chip", name: "Huawei Ascend 910C" })).status).toBe(422);
    expect((await post("/api/catalog/entries", { type: "chip", name: "X", vendor: "No Such Org" })).status).toBe(422);
    expect((await post("/api/catalog/aliases", { type: "gpu", name: "a", alias: "b" })).status).toBe(400);
    expect((await post("/api/catalog/entries", { type: "org", name: "a\u0000b" })).status).toBe(400);
  });

  it("adds an entry and an alias: preview, apply, the new mention and its event appear, the ruleset changes", async () => {
    const before = await tryIt();
    expect(before.body.entities.some((e) => e.name === CHANA_ENTRY.name)).toBe(false);

    const entry = await post<{ edit: { id: number; status: string } }>("/api/catalog/entries", { ...CHANA_ENTRY, reason: "new domestic TPU" });
    expect(entry.status).toBe(201);
    expect(entry.body.edit.status).toBe("pending");
    // The text never writes the canonical name: the entry alone changes nothing.
    const entryPreview = await h.json<{ preview: Diff }>(`/api/catalog/edits/${entry.body.edit.id}/preview`);
    expect(entryPreview.status).toBe(200);
    expect(entryPreview.body.preview.changed).toBe(0);
    expect((await post(`/api/catalog/edits/${entry.body.edit.id}/apply`)).status).toBe(200);
    expect((await post(`/api/catalog/edits/${entry.body.edit.id}/apply`)).status).toBe(409);

    const alias = await post<{ edit: { id: number } }>("/api/catalog/aliases", { type: "chip", name: CHANA_ENTRY.name, alias: "Chana TPU" });
    expect(alias.status).toBe(201);
    const preview = await h.json<{ preview: Diff; rulesetVersion: string }>(`/api/catalog/edits/${alias.body.edit.id}/preview`);
    expect(preview.body.preview.indicators.inference_on_domestic).toMatchObject({ added: 1, removed: 0 });
    expect(preview.body.preview.indicators.inference_on_domestic!.examples[0]!.title).toBe(CHANA_TITLE);
    // A preview writes nothing.
    expect((await h.json<{ total: number }>("/api/events?indicator=inference_on_domestic&status=any")).body.total).toBe(0);

    const applied = await post<{ reprocessed: Diff; rulesetVersion: string; edit: { status: string } }>(`/api/catalog/edits/${alias.body.edit.id}/apply`);
    expect(applied.status).toBe(200);
    expect(applied.body.edit.status).toBe("applied");
    expect(applied.body.rulesetVersion).toBe(preview.body.rulesetVersion);
    expect(applied.body.reprocessed.indicators.inference_on_domestic).toMatchObject({ added: 1 });
    const events = await h.json<{ items: { id: number; status: string; title: string }[] }>("/api/events?indicator=inference_on_domestic&status=any");
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0]).toMatchObject({ status: "flagged", title: CHANA_TITLE });
    const detail = await h.json<{ sources: { articleId: number; mentions: { name: string }[] }[] }>(`/api/events/${events.body.items[0]!.id}`);
    expect(detail.body.sources[0]!.articleId).toBe(articleId);

    // The live ruleset: the same process answers with the new catalog at once, under a new version.
    const after = await tryIt();
    expect(after.body.entities).toContainEqual(expect.objectContaining({ type: "chip", name: CHANA_ENTRY.name }));
    expect(after.body.rulesetVersion).toBe(applied.body.rulesetVersion);
    expect(after.body.rulesetVersion).not.toBe(before.body.rulesetVersion);

    const list = await h.json<{ items: { kind: string; actor: string; reason: string | null; status: string; rulesetVersion: string }[] }>("/api/catalog/edits");
    expect(list.body.items.map((e) => [e.kind, e.actor, e.status])).toEqual([
      ["entry", "admin", "applied"],
      ["alias", "admin", "applied"],
    ]);
    expect(list.body.items[0]!.reason).toBe("new domestic TPU");
  }, 300_000);
});
