import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { availableDrivers } from "../support/db.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { feeds, reviews } from "../../src/store/schema.ts";
import { createHarness, createSeededHarness, type Harness } from "./harness.ts";
import { XSS_TITLE } from "./seed.ts";

interface Item {
  id: number;
  indicator: string;
  title: string;
  status: string;
  score: number;
  priority: number;
  sourceCount: number;
  entities: { org: string[]; model: string[]; chip: string[] };
  claim: { subject: string; chip: string } | null;
  story: { id: number; languages: string[]; sources: number };
  occurredAt: string;
}
interface Page {
  items: Item[];
  total: number;
  page: number;
  limit: number;
}

describe.each(availableDrivers())("JSON API on %s", (driver) => {
  let h: Harness;
  let ids: Record<string, number>;
  beforeAll(async () => {
    ({ h, ids } = await createSeededHarness(driver));
  });
  afterAll(async () => h?.t.destroy());

  it("reports health without auth", async () => {
    const res = await h.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "up" });
  });

  it("serves Prometheus metrics, with broken feeds counted from the database", async () => {
    const [feed] = await addFeeds(h.t.db, [{ url: "https://broken.example/feed.xml" }]);
    await h.t.db.update(feeds).set({ broken: true, brokenReason: "test" }).where(eq(feeds.id, feed!.id));
    const res = await h.app.request("/metrics");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("chipwatch_fetches_total");
    expect(text).toMatch(/^chipwatch_feeds_broken 1$/m);
    await h.t.db.delete(feeds).where(eq(feeds.id, feed!.id));
  });

  it("refuses API calls without a valid bearer token", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong-token" }, { authorization: "Basic abc" }] as Record<string, string>[]) {
      const res = await h.app.request("/api/events", { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toHaveProperty("error");
    }
    const post = await h.app.request(`/api/events/${ids.glm}/review`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "confirm" }),
    });
    expect(post.status).toBe(401);
  });

  it("lists events by priority: score, then novelty and corroboration", async () => {
    const { status, body } = await h.json<Page>("/api/events");
    expect(status).toBe(200);
    expect(body.total).toBe(7);
    expect(body.items[0]!.id).toBe(ids.glm);
    const glm = body.items[0]!;
    expect(glm.sourceCount).toBe(2);
    // 0.92 + 0.15 (novel claim) + 0.1 (one extra source)
    expect(glm.priority).toBeCloseTo(1.17, 2);
    const prios = body.items.map((i) => i.priority);
    expect(prios).toEqual([...prios].sort((a, b) => b - a));
    expect(glm.entities.org).toEqual(expect.arrayContaining(["Zhipu AI", "Huawei"]));
    expect(glm.claim).toMatchObject({ subject: "GLM-5", chip: "Huawei Ascend 910C" });
    // Every event carries its story: languages and independent outlets across all of the story's articles.
    for (const item of body.items) expect(item.story).toEqual({ id: expect.any(Number), languages: [expect.any(String)], sources: expect.any(Number) });
    expect(glm.story.sources).toBe(2);
    expect(glm.story.languages).toEqual(["en"]);
    expect(glm.occurredAt).toEqual(expect.any(String));
    const one = await h.json<Item>(`/api/events/${glm.id}`);
    expect(one.body.story).toEqual(glm.story);
  });

  it("sorts by newest and by score", async () => {
    const newest = await h.json<Page>("/api/events?sort=newest");
    expect(newest.body.items[0]!.title).toBe(XSS_TITLE);
    const byScore = await h.json<Page>("/api/events?sort=score");
    const scores = byScore.body.items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(byScore.body.items.at(-1)!.id).toBe(ids.candidate);
  });

  it("filters by status, indicator, org, chip, language and date", async () => {
    const flagged = await h.json<Page>("/api/events?status=flagged");
    expect(flagged.body.items.map((i) => i.id)).not.toContain(ids.candidate);
    expect(flagged.body.total).toBe(6);

    const ind = await h.json<Page>("/api/events?indicator=pretraining_on_domestic");
    expect(ind.body.items.map((i) => i.id).sort()).toEqual([ids.glm, ids.zh].sort());

    const org = await h.json<Page>(`/api/events?org=${encodeURIComponent("zhipu ai")}`);
    expect(org.body.items.map((i) => i.id).sort()).toEqual([ids.glm, ids.zh].sort());

    const chip = await h.json<Page>(`/api/events?chip=${encodeURIComponent("Nvidia H20")}`);
    expect(chip.body.items.map((i) => i.id)).toEqual([ids.deepseek]);

    const zh = await h.json<Page>("/api/events?lang=zh");
    expect(zh.body.items.map((i) => i.id)).toEqual([ids.zh]);

    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const recent = await h.json<Page>(`/api/events?from=${day(5)}&to=${day(0)}`);
    expect(recent.body.items.map((i) => i.id)).not.toContain(ids.export);
    expect(recent.body.items.map((i) => i.id)).toContain(ids.deepseek);
    const old = await h.json<Page>(`/api/events?to=${day(12)}`);
    expect(old.body.items.map((i) => i.id)).toEqual([ids.export]);
  });

  it("paginates", async () => {
    const p1 = await h.json<Page>("/api/events?limit=3&page=1");
    const p3 = await h.json<Page>("/api/events?limit=3&page=3");
    expect(p1.body).toMatchObject({ page: 1, limit: 3, total: 7 });
    expect(p1.body.items).toHaveLength(3);
    expect(p3.body.items).toHaveLength(1);
    const all = await h.json<Page>("/api/events?limit=100");
    expect(p3.body.items[0]!.id).toBe(all.body.items[6]!.id);
  });

  it("answers 400 on bad input and 404 on unknown ids", async () => {
    for (const q of ["status=open", "limit=101", "limit=0", "page=-1", "from=yesterday", "sort=random", "indicator=nope", "lang=<x>"]) {
      const res = await h.api(`/api/events?${q}`);
      expect(res.status, q).toBe(400);
      expect((await res.json()) as { error: string }).toHaveProperty("error");
    }
    expect((await h.api("/api/events/abc")).status).toBe(400);
    expect((await h.api("/api/events/99999999")).status).toBe(404);
    expect((await h.api("/api/nothing-here")).status).toBe(404);
    const badJson = await h.api(`/api/events/${ids.glm}/review`, { method: "POST", body: "{not json" });
    expect(badJson.status).toBe(400);
    const badAction = await h.api(`/api/events/${ids.glm}/review`, { method: "POST", body: JSON.stringify({ action: "delete" }) });
    expect(badAction.status).toBe(400);
    const emptyNote = await h.api(`/api/events/${ids.glm}/review`, { method: "POST", body: JSON.stringify({ action: "note" }) });
    expect(emptyNote.status).toBe(400);
    const unknown = await h.api("/api/events/99999999/review", { method: "POST", body: JSON.stringify({ action: "confirm" }) });
    expect(unknown.status).toBe(404);
  });

  it("returns one event with its evidence, mentions, claims and rules", async () => {
    const { status, body } = await h.json<{
      sources: { url: string; feed: { title: string }; evidence: { text: string; mentions: { type: string; name: string; start: number; end: number }[] }[]; claims: { subject: string; stage: string }[] }[];
      rules: { rule: string; score: number | null }[];
      history: unknown[];
    }>(`/api/events/${ids.glm}`);
    expect(status).toBe(200);
    expect(body.sources).toHaveLength(2);
    const [first] = body.sources;
    expect(first!.feed.title).toBe("Example Tech News");
    const passage = first!.evidence[0]!;
    expect(passage.text).toBe("Zhipu AI said on Tuesday that GLM-5 was pre-trained entirely on Huawei Ascend 910C accelerators.");
    const chip = passage.mentions.find((m) => m.type === "chip")!;
    expect(passage.text.slice(chip.start, chip.end)).toBe("Huawei Ascend 910C");
    expect(first!.claims[0]).toMatchObject({ subject: "GLM-5", stage: "pretraining" });
    expect(body.rules.find((r) => r.rule === "pretrain.named_model")?.score).toBeCloseTo(0.92);
    expect(body.history).toEqual([]);
  });

  it("records a review in the audit log with the actor, and notes without changing status", async () => {
    const res = await h.json<{ status: string; actor: string }>(`/api/events/${ids.deepseek}/review`, {
      method: "POST",
      body: JSON.stringify({ action: "note", note: "waiting for a second source" }),
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBeNull();
    const confirm = await h.json<{ status: string; actor: string }>(`/api/events/${ids.deepseek}/review`, {
      method: "POST",
      body: JSON.stringify({ action: "confirm", note: "matches FT report" }),
    });
    expect(confirm.body).toMatchObject({ status: "confirmed", actor: "admin" });
    const log = await h.t.db.select().from(reviews).where(eq(reviews.eventId, ids.deepseek!));
    expect(log.map((r) => [r.action, r.actor, r.note])).toEqual([
      ["note", "admin", "waiting for a second source"],
      ["confirm", "admin", "matches FT report"],
    ]);
    const detail = await h.json<{ status: string; history: { action: string }[] }>(`/api/events/${ids.deepseek}`);
    expect(detail.body.status).toBe("confirmed");
    expect(detail.body.history.map((x) => x.action)).toEqual(["note", "confirm"]);
  });

  it("reviews in bulk, all or nothing", async () => {
    const missing = await h.api("/api/events/review", {
      method: "POST",
      body: JSON.stringify({ ids: [ids.policy, 99999999], action: "dismiss" }),
    });
    expect(missing.status).toBe(404);
    expect(await h.t.db.select().from(reviews).where(eq(reviews.eventId, ids.policy!))).toHaveLength(0);

    const ok = await h.json<{ ids: number[]; status: string }>("/api/events/review", {
      method: "POST",
      body: JSON.stringify({ ids: [ids.policy, ids.candidate], action: "dismiss", note: "not relevant" }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe("dismissed");
    const dismissed = await h.json<Page>("/api/events?status=dismissed");
    expect(dismissed.body.items.map((i) => i.id).sort()).toEqual([ids.policy, ids.candidate].sort());
    expect((await h.api("/api/events/review", { method: "POST", body: JSON.stringify({ ids: [], action: "dismiss" }) })).status).toBe(400);
  });

  it("summarises indicators, claims and rules", async () => {
    const ind = await h.json<{ items: { id: string; state: string; counts: Record<string, number>; weekly: { week: string; flagged: number }[] }[] }>("/api/indicators");
    const byId = new Map(ind.body.items.map((i) => [i.id, i]));
    expect(ind.body.items).toHaveLength(8);
    expect(byId.get("training_migration")!.state).toBe("confirmed");
    expect(byId.get("pretraining_on_domestic")!.state).toBe("corroborated");
    expect(byId.get("export_controls")!.state).toBe("weak");
    expect(byId.get("compact_native_models")!.state).toBe("unseen");
    expect(byId.get("chip_policy_investment")!.state).toBe("unseen");
    const weekly = byId.get("export_controls")!.weekly;
    expect(weekly).toHaveLength(12);
    expect(weekly.reduce((n, w) => n + w.flagged, 0)).toBe(1);
    expect(weekly.at(-1)!.week).toMatch(/^\d{4}-W\d{2}$/);

    const claims = await h.json<{ items: { subject: string; chip: string; sources: number; reviewState: string; chipDomestic: boolean }[] }>(
      `/api/claims?chip=${encodeURIComponent("Huawei Ascend")}`,
    );
    expect(claims.body.items.map((c) => c.subject).sort()).toEqual(["DeepSeek-R2", "GLM-4.5", "GLM-5"]);
    expect(claims.body.items.find((c) => c.subject === "DeepSeek-R2")!.reviewState).toBe("confirmed");
    const byOrg = await h.json<{ items: { subject: string }[] }>(`/api/claims?org=${encodeURIComponent("Zhipu AI")}&stage=pretraining`);
    expect(byOrg.body.items.map((c) => c.subject).sort()).toEqual(["GLM-4.5", "GLM-5"]);
    const foreign = await h.json<{ items: unknown[] }>("/api/claims?domestic=false");
    expect(foreign.body.items).toHaveLength(0);
    expect((await h.api("/api/claims?stage=eating")).status).toBe(400);

    const rules = await h.json<{ items: { rule: string; events: number; confirmed: number; dismissed: number; precision: number | null }[] }>("/api/rules");
    const mig = rules.body.items.find((r) => r.rule === "migration.failed_attempt")!;
    expect(mig).toMatchObject({ events: 1, confirmed: 1, dismissed: 0, precision: 1 });
    expect(rules.body.items.find((r) => r.rule === "policy.fund_announced")!.precision).toBe(0);
    expect(rules.body.items.find((r) => r.rule === "export.licence_rule")!.precision).toBeNull();
  });

  it("adds, lists, disables and re-enables feeds", async () => {
    const body = { url: "https://new.example.net/atom.xml", title: "New source", lang: "en" };
    const created = await h.api("/api/feeds", { method: "POST", body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { feed } = (await created.json()) as { feed: { id: number } };
    const again = await h.api("/api/feeds", { method: "POST", body: JSON.stringify(body) });
    expect(again.status).toBe(200);
    for (const url of ["javascript:alert(1)", "ftp://x.example/feed", "not a url"]) {
      expect((await h.api("/api/feeds", { method: "POST", body: JSON.stringify({ url }) })).status, url).toBe(400);
    }
    const off = await h.json<{ feed: { enabled: boolean; disabledReason: string } }>(`/api/feeds/${feed.id}`, {
      method: "PATCH",
      body: JSON.stringify({ enabled: false, reason: "paywalled" }),
    });
    expect(off.body.feed).toMatchObject({ enabled: false, disabledReason: "paywalled" });
    const list = await h.json<{ items: { id: number; status: string; disabledReason: string | null; itemsPerDay: number }[] }>("/api/feeds");
    expect(list.body.items.find((f) => f.id === feed.id)).toMatchObject({ status: "disabled", disabledReason: "paywalled" });
    expect(list.body.items.find((f) => f.itemsPerDay > 0)).toBeDefined();
    const on = await h.json<{ feed: { enabled: boolean } }>(`/api/feeds/${feed.id}`, { method: "PATCH", body: JSON.stringify({ enabled: true }) });
    expect(on.body.feed.enabled).toBe(true);
    expect((await h.api("/api/feeds/424242", { method: "PATCH", body: JSON.stringify({ enabled: true }) })).status).toBe(404);
    expect((await h.api(`/api/feeds/${feed.id}`, { method: "PATCH", body: JSON.stringify({ enabled: "yes" }) })).status).toBe(400);
  });

  it("exports events and claims as CSV and JSON", async () => {
    const csv = await h.api("/api/export/events.csv?indicator=domestic_chip_capability");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain('filename="events.csv"');
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,indicator,status,title,score/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(XSS_TITLE);
    // A javascript: URL is exported as data, never as something a spreadsheet would evaluate.
    expect(lines[1]).toContain("javascript:alert(document.cookie)");

    const json = await h.json<{ items: Item[] }>("/api/export/events.json");
    expect(json.body.items).toHaveLength(7);
    const claimsCsv = await (await h.api("/api/export/claims.csv")).text();
    expect(claimsCsv.split("\r\n")[0]).toBe("subject,subject_type,chip,chip_domestic,stage,modality,first_seen,sources,review_state");
    expect(claimsCsv).toContain("GLM-5,model,Huawei Ascend 910C,true,pretraining,achieved");
    const claimsJson = await h.json<{ items: unknown[] }>("/api/export/claims.json?stage=training");
    expect(claimsJson.body.items).toHaveLength(1);
    expect((await h.api("/api/export/events.xml")).status).toBe(404);
  });

  it("imports archived articles once (POST /api/import, admin)", async () => {
    const body = [
      JSON.stringify({ url: "https://archive.example.org/glm-image", title: "Zhipu says GLM-Image was trained on Huawei Ascend", text: "Zhipu AI said its GLM-Image model was pre-trained entirely on Huawei Ascend 910B chips.", published: "2025-03-14", lang: "en", source: "archive" }),
      "{broken",
    ].join("\n");
    const first = await h.api("/api/import", { method: "POST", body });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ read: 1, added: 1, skipped: 0, invalid: [{ line: 2, error: "not JSON" }] });
    const again = await h.api("/api/import", { method: "POST", body });
    expect(await again.json()).toMatchObject({ read: 1, added: 0, skipped: 1 });
    expect((await h.api("/api/import", { method: "POST", body: "{broken" })).status).toBe(400);
  });

  it("answers an entity's view: aliases, claims, events, timeline", async () => {
    const { status, body } = await h.json<{ entity: { type: string; name: string }; aliases: string[]; claims: { subject: string }[]; events: { id: number }[]; timeline: { period: string; events: number }[] }>(
      `/api/entities/org/${encodeURIComponent("zhipu ai")}`,
    );
    expect(status).toBe(200);
    expect(body.entity).toEqual({ type: "org", name: "Zhipu AI" });
    expect(body.events.map((e) => e.id)).toEqual(expect.arrayContaining([ids.glm, ids.zh]));
    expect(body.timeline.reduce((n, p) => n + p.events, 0)).toBe(body.events.length);
    expect((await h.api("/api/entities/planet/Mars")).status).toBe(400);
    expect((await h.api("/api/entities/chip/No%20Such%20Chip")).status).toBe(404);
  });

  it("answers the timeline by event date, with every period of the range", async () => {
    const { status, body } = await h.json<{ items: { period: string; flagged: number; confirmed: number; dismissed: number }[] }>("/api/timeline");
    expect(status).toBe(200);
    expect(body.items).toHaveLength(13); // the default: this month and the 12 before it
    expect(body.items.reduce((n, p) => n + p.flagged, 0)).toBeGreaterThanOrEqual(6); // the seeded events reaching review (other tests add some)
    const week = await h.json<{ items: { period: string; flagged: number }[] }>("/api/timeline?indicator=export_controls&bucket=week&from=2020-01-06&to=2020-01-19");
    expect(week.body.items).toEqual([
      { period: "2020-01-06", flagged: 0, confirmed: 0, dismissed: 0 },
      { period: "2020-01-13", flagged: 0, confirmed: 0, dismissed: 0 },
    ]);
    for (const q of ["bucket=day", "from=2024-13-01", "indicator=nope", "from=2025-02-01&to=2025-01-01"]) {
      expect((await h.api(`/api/timeline?${q}`)).status, q).toBe(400);
    }
  });

  it("writes the weekly digest as Markdown", async () => {
    const { isoWeekOf } = await import("../../src/report/iso-week.ts");
    const res = await h.api(`/api/digest?week=${isoWeekOf(new Date())}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    const md = await res.text();
    expect(md).toContain("## Domestic chip capability");
    expect(md).toContain("## What to watch next");
    expect(md).toMatch(/outlets?, en/);
    expect(md).toContain("\\<script\\>");
    expect(md).not.toContain("<script>");
    expect(md).not.toContain("](javascript:");
    expect((await h.api("/api/digest?week=2026-13")).status).toBe(400);
    expect((await h.api("/api/digest?week=2025-W53")).status).toBe(400);
  });
});

describe("failures", () => {
  it("answers 503 on /healthz and a bare 500 on the API when the database is gone", async () => {
    const h = await createHarness("pglite");
    await h.t.close();
    const health = await h.app.request("/healthz");
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, db: "down" });
    const res = await h.api("/api/events");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "internal error" });
    expect(text).not.toMatch(/at |\.ts|stack/);
  });
});
