// Entity pages: /entities/:type/:name shows what GET /api/entities/:type/:name answers (aliases, claims with first
// seen, outlets and review state, events over time, entities named alongside); every entity chip on the other pages
// links there with the name percent-encoded; unknown entities and types are 404 pages; names and titles from feeds
// stay text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mentions } from "../../src/store/schema.ts";
import { entityHref } from "../../src/web/pages/components.tsx";
import { availableDrivers } from "../support/db.ts";
import { createHarness, type Harness } from "./harness.ts";
import { XSS_TITLE, seedWorkspace } from "./seed.ts";

/** A chip name with every character that matters in a path, a query, HTML and bidirectional text. */
const HOSTILE_CHIP = 'Evil "<Chip>"/#?x=1&y\u202Eexe';

interface EntityJson {
  entity: { type: string; name: string };
  aliases: string[];
  claims: { subject: string; subjectType: string; chip: string; stage: string; sources: number; reviewState: string }[];
  events: { id: number }[];
  timeline: { period: string; events: number }[];
  related: { type: string; name: string; articles: number }[];
}

describe.each(availableDrivers())("entity pages on %s", (driver) => {
  let h: Harness;
  let ids: Record<string, number>;

  beforeAll(async () => {
    h = await createHarness(driver);
    ids = await seedWorkspace(h.t.db);
    // The hostile name, as if extraction had found it in the hostile article.
    const [xss] = await h.t.db.select({ articleId: mentions.articleId }).from(mentions).where(eq(mentions.name, "Huawei Ascend 950"));
    await h.t.db.insert(mentions).values({ articleId: xss!.articleId, type: "chip", name: HOSTILE_CHIP, surface: "<b>Evil</b>", start: 0, end: 4 });
  });
  afterAll(async () => h?.t.destroy());

  const page = async (path: string) => {
    const res = await h.api(path);
    return { status: res.status, html: await res.text() };
  };

  it("shows a chip's aliases, claims, events over time and related entities, as the API gives them", async () => {
    const api = await h.json<EntityJson>(`/api/entities/chip/${encodeURIComponent("huawei ascend 910c")}`);
    expect(api.status).toBe(200);
    expect(api.body.claims).toEqual([expect.objectContaining({ subject: "GLM-5", subjectType: "model", chip: "Huawei Ascend 910C", stage: "pretraining", sources: 1, reviewState: "flagged" })]);
    expect(api.body.related).toEqual(expect.arrayContaining([{ type: "org", name: "Zhipu AI", articles: 2 }, { type: "model", name: "GLM-5", articles: 2 }]));
    expect(api.body.related.some((r) => r.type === "chip" && r.name === "Huawei Ascend 910C")).toBe(false);

    const { status, html } = await page(`/entities/chip/${encodeURIComponent("huawei ascend 910c")}`);
    expect(status).toBe(200);
    expect(html).toContain('<h1 class="entity-name"><bdi>Huawei Ascend 910C</bdi></h1>');
    expect(html).toContain("<bdi>Huawei Ascend 910C</bdi></q>"); // how articles wrote it
    // Claims: subject and chip link to their pages, with first seen, outlets and review state.
    const claims = html.slice(html.indexOf('id="entity-claims"'), html.indexOf("</table>", html.indexOf('id="entity-claims"')));
    expect(claims).toContain('href="/entities/model/GLM-5"');
    expect(claims).toContain("pretraining");
    expect(claims).toContain('class="badge status-flagged"');
    expect((claims.match(/<tr/g) ?? []).length - 1).toBe(api.body.claims.length);
    // Events over time: one monthly chart, each event linked, as many as the API gives.
    expect(html).toContain('<svg class="chart"');
    for (const e of api.body.events) expect(html).toContain(`href="/events/${e.id}"`);
    expect(api.body.events.map((e) => e.id)).toContain(ids.glm);
    // Named alongside, linked.
    const related = html.slice(html.indexOf('id="related"'));
    expect(related).toContain('href="/entities/org/Zhipu%20AI"');
    expect(related).toContain('href="/entities/model/GLM-5"');
  });

  it("follows the review: a confirmed event makes its claim confirmed", async () => {
    expect((await h.api(`/api/events/${ids.glm}/review`, { method: "POST", body: JSON.stringify({ action: "confirm" }) })).status).toBe(200);
    const { html } = await page("/entities/model/GLM-5");
    const claims = html.slice(html.indexOf('id="entity-claims"'));
    expect(claims).toContain('class="badge status-confirmed"');
    expect(html).toContain('class="badge status-confirmed">confirmed</span>');
  });

  it("gives the Chinese surface of a chip as an alias", async () => {
    const { status, html } = await page("/entities/chip/Huawei%20Ascend%20910B");
    expect(status).toBe(200);
    expect(html).toContain("<bdi>昇腾910B</bdi>");
    expect(html).toContain('href="/entities/model/GLM-4.5"');
  });

  it("answers 404 pages for unknown entities and types", async () => {
    for (const path of ["/entities/chip/No%20Such%20Chip", "/entities/planet/Mars", "/entities/org/%00", "/entities/org/A%2FB"]) {
      const res = await page(path);
      expect(res.status, path).toBe(404);
      expect(res.html, path).toContain("Not found");
    }
  });

  it("links every entity chip to its page: queue, event page, claims page, try page", async () => {
    const zhipu = 'href="/entities/org/Zhipu%20AI"';
    const ascend = 'href="/entities/chip/Huawei%20Ascend%20910C"';
    const queue = (await page("/?status=any")).html;
    expect(queue).toContain(zhipu);
    expect(queue).toContain(ascend);
    const event = (await page(`/events/${ids.glm}`)).html;
    expect(event).toContain(zhipu);
    expect(event).toContain('href="/entities/model/GLM-5"');
    expect(event).toContain(ascend);
    expect((await page("/claims")).html).toContain(ascend);
    const tried = await h.api("/try", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ title: "Zhipu AI pre-trains GLM-5 on Huawei Ascend 910C", text: "Zhipu AI said GLM-5 was pre-trained on Huawei Ascend 910C chips." }).toString(),
    });
    expect(tried.status).toBe(200);
    const tryHtml = await tried.text();
    expect(tryHtml).toContain(zhipu);
    expect(tryHtml).toContain('href="/entities/model/GLM-5"');
  });

  it("percent-encodes hostile names in links and renders them and feed titles as text", async () => {
    const href = entityHref("chip", HOSTILE_CHIP);
    expect(href).toBe("/entities/chip/Evil%20%22%3CChip%3E%22%2F%23%3Fx%3D1%26y%E2%80%AEexe");
    const event = (await page(`/events/${ids.xss}`)).html;
    expect(event).toContain(`href="${href}"`);
    expect(event).not.toContain("<Chip>");

    const { status, html } = await page(href);
    expect(status).toBe(200);
    expect(html).toContain("<bdi>Evil &quot;&lt;Chip&gt;&quot;/#?x=1&amp;y\u202Eexe</bdi>");
    expect(html).toContain("<bdi>&lt;b&gt;Evil&lt;/b&gt;</bdi>"); // the surface, as an alias
    expect(html).not.toContain("<b>Evil</b>");
    expect(html).toContain(XSS_TITLE.replace("<", "&lt;").replace(">", "&gt;").slice(0, 20));
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    expect(html).not.toMatch(/href="javascript:/i);
  });
});
