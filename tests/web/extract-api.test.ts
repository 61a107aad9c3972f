// POST /api/extract and the /try page: the same record as one `extract --jsonl` line plus the explanation, from the
// live ruleset; bad input is a 400, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import { toJsonlRecord } from "../../src/extract/jsonl.ts";
import { availableDrivers } from "../support/db.ts";
import { createHarness, type Harness } from "./harness.ts";

const ARTICLE = {
  title: "Zhipu trains GLM-5 on Huawei Ascend chips",
  text: "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C clusters, without Nvidia hardware.",
  lang: "en",
};

describe.each(availableDrivers())("POST /api/extract on %s", (driver) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(driver);
  });
  afterAll(async () => h?.t.destroy());

  it("answers what extract --jsonl writes, plus the explanation", async () => {
    const { status, body } = await h.json<Record<string, unknown>>("/api/extract", { method: "POST", body: JSON.stringify(ARTICLE) });
    expect(status).toBe(200);
    const line = toJsonlRecord("", extract(ARTICLE));
    expect(body.entities).toEqual(line.entities);
    expect(body.claims).toEqual(line.claims);
    expect(body.indicators).toEqual(line.indicators);
    expect((body.indicators as { id: string }[]).map((i) => i.id)).toContain("pretraining_on_domestic");
    expect(body.entities).toContainEqual(expect.objectContaining({ type: "org", name: "Zhipu AI" }));
    const explanation = body.explanation as { rulesetVersion: string; indicators: { id: string; contributions: unknown[] }[] };
    expect(explanation.rulesetVersion).toBe(body.rulesetVersion);
    expect(explanation.indicators.find((i) => i.id === "pretraining_on_domestic")?.contributions.length).toBeGreaterThan(0);
  });

  it("refuses empty input, NUL characters and a non-http URL with 400", async () => {
    for (const bad of [{}, { title: "", text: " " }, { title: "a\u0000b" }, { url: "file:///etc/passwd" }, { title: "x", lang: "not a lang!" }]) {
      const res = await h.api("/api/extract", { method: "POST", body: JSON.stringify(bad) });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it("fetches a URL through the guard: a private address is refused (422), not fetched", async () => {
    const { status, body } = await h.json<{ error: string }>("/api/extract", { method: "POST", body: JSON.stringify({ url: "http://127.0.0.1:9/x" }) });
    expect(status).toBe(422);
    expect(body.error).toMatch(/could not fetch/);
  });

  it("renders the try page with mentions, claims and indicators", async () => {
    const form = new URLSearchParams({ title: ARTICLE.title, text: ARTICLE.text, lang: "en", url: "" });
    const res = await h.app.request("/try", {
      method: "POST",
      headers: { authorization: `Bearer ${"test-admin-token-0123456789abcdef"}`, "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-indicator="pretraining_on_domestic"');
    expect(html).toMatch(/<mark class="m m-org"[^>]*>Zhipu AI<\/mark>/);
    expect(html).toContain("Report a miss");
  });
});
