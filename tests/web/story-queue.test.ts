// The review queue at / lists stories: the GLM-5 story reported in English and Chinese is one card with both
// languages, two outlets and each of its indicators (score, rules, status), and its one form confirms all of its
// flagged indicators. Filters choose stories by their events; /stories redirects to /; GET /api/stories answers the
// same queue with the same filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { articles, events } from "../../src/store/schema.ts";
import { GLM_EN_URL, storeBilingualStories } from "../support/bilingual-stories.ts";
import { availableDrivers } from "../support/db.ts";
import { createHarness, type Harness } from "./harness.ts";

/** The HTML of each story card on a page, by story id. */
function cards(html: string): Map<number, string> {
  const out = new Map<number, string>();
  const parts = html.split(/(?=<section class="card story")/).slice(1);
  for (const part of parts) {
    const id = /data-story="(\d+)"/.exec(part)![1]!;
    out.set(Number(id), part.slice(0, part.indexOf("</section>")));
  }
  return out;
}

const rowIds = (card: string, status?: string) =>
  [...card.matchAll(/<tr class="story-event st-(\w+)" data-id="(\d+)"/g)].filter((m) => !status || m[1] === status).map((m) => Number(m[2]));

describe.each(availableDrivers())("story queue page on %s", (driver) => {
  let h: Harness;
  let glm = 0;
  let flagged: number[] = [];

  beforeAll(async () => {
    h = await createHarness(driver);
    await storeBilingualStories(h.t.db);
    const [row] = await h.t.db.select({ clusterId: articles.clusterId }).from(articles).where(eq(articles.url, GLM_EN_URL));
    glm = row!.clusterId!;
    flagged = (await h.t.db.select().from(events).where(eq(events.clusterId, glm))).filter((e) => e.status === "flagged").map((e) => e.id).sort((a, b) => a - b);
  });
  afterAll(async () => h?.t.destroy());

  const page = async (path: string) => {
    const res = await h.api(path);
    return { status: res.status, html: await res.text() };
  };

  it("shows one card per story with its languages, outlets, indicators with scores and rules, and entity links", async () => {
    expect(flagged.length).toBeGreaterThanOrEqual(2);
    const { status, html } = await page("/");
    expect(status).toBe(200);
    expect(html).toContain("Review queue");
    const all = cards(html);
    expect(all.size).toBe(2);
    const card = all.get(glm)!;
    expect([...card.matchAll(/class="badge lang lang-(\w+)"/g)].map((m) => m[1])).toEqual(["en", "zh"]);
    expect(card).toContain("2 outlets");
    expect(rowIds(card, "flagged").sort((a, b) => a - b)).toEqual(flagged);
    const stored = await h.t.db.select().from(events).where(eq(events.clusterId, glm));
    for (const e of stored) {
      const row = card.slice(card.indexOf(`data-id="${e.id}"`));
      const tr = row.slice(0, row.indexOf("</tr>"));
      expect(tr, `event ${e.id}`).toContain(`title="score ${e.score.toFixed(3)}"`);
      for (const rule of e.rules) expect(tr, `event ${e.id}`).toContain(rule);
    }
    // One form confirms every flagged indicator: its hidden ids are exactly the flagged events.
    const form = card.slice(card.indexOf('<form method="post" action="/review" class="story-actions">'));
    expect([...form.slice(0, form.indexOf("</form>")).matchAll(/name="ids" value="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b)).toEqual(flagged);
    // Entity chips and claim names link to entity pages, names percent-encoded.
    expect(card).toContain('href="/entities/model/GLM-5"');
    expect(card).toContain('href="/entities/chip/Huawei%20Ascend%20910C"');
    expect(card).toContain('href="/entities/org/Zhipu%20AI"');
  });

  it("chooses stories by their events' filters, and keeps the old /stories address", async () => {
    expect(cards((await page("/?q=LongCat")).html).size).toBe(1);
    expect(cards((await page("/?q=LongCat")).html).has(glm)).toBe(false);
    expect(cards((await page("/?status=confirmed")).html).size).toBe(0);
    expect(cards((await page("/?limit=1")).html).size).toBe(1);
    expect(cards((await page("/?limit=1&page=2")).html).size).toBe(1);
    const old = await h.api("/stories?page=2&limit=1");
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toBe("/?page=2&limit=1");
    const bad = await page("/?status=bogus");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Filter ignored");
    expect(cards(bad.html).size).toBe(2);
  });

  it("answers the same queue as JSON with the same filters", async () => {
    const all = await h.json<{ items: { story: { id: number; languages: string[] }; events: { id: number }[] }[]; total: number; limit: number }>("/api/stories");
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(2);
    expect(all.body.limit).toBe(25);
    expect(all.body.items.find((i) => i.story.id === glm)!.story.languages).toEqual(["en", "zh"]);
    const longcat = await h.json<{ items: { story: { id: number } }[]; total: number }>("/api/stories?q=LongCat");
    expect(longcat.body.total).toBe(1);
    expect(longcat.body.items[0]!.story.id).not.toBe(glm);
    expect((await h.api("/api/stories?sort=sideways")).status).toBe(400);
  });

  it("confirms all flagged indicators of a story with its one form; the story leaves the flagged queue", async () => {
    const body = new URLSearchParams([["action", "confirm"], ["back", "/"], ...flagged.map((id) => ["ids", String(id)])]);
    const res = await h.api("/review", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: body.toString() });
    expect(res.status).toBe(303);
    const stored = await h.t.db.select().from(events).where(eq(events.clusterId, glm));
    expect(stored.filter((e) => flagged.includes(e.id)).map((e) => e.status)).toEqual(flagged.map(() => "confirmed"));
    const after = cards((await page("/")).html);
    expect(after.size).toBe(1);
    expect(after.has(glm)).toBe(false);
    const confirmed = cards((await page("/?status=confirmed")).html).get(glm)!;
    expect(rowIds(confirmed, "confirmed").sort((a, b) => a - b)).toEqual(flagged);
    expect(confirmed).not.toContain('class="story-actions"'); // nothing flagged left to decide
  });
});
