// The analyst teaches chipwatch, in a real browser: adds a chip the catalog lacks and an alias for it, sees the
// preview, applies it, and the new mention and its flagged story appear; a viewer cannot review; an analyst cannot
// set allowPrivate. Screenshots go to artifacts/screenshots (teach-*.png).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { createUserToken } from "../../src/store/repositories/users.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { haveChromium } from "../support/browser.ts";
import { serveForBrowser, type BrowserApp } from "../support/browser-app.ts";
import { eq } from "drizzle-orm";
import { events } from "../../src/store/schema.ts";
import { CHANA_ENTRY, CHANA_TITLE, GLM_TITLE, storeChanaArticle } from "../web/chana.ts";



describe.skipIf(!haveChromium)("the analyst teaches chipwatch, in Chromium", () => {
  let t: TestDatabase;
  let app: BrowserApp;
  let base: string;
  let glmEvent: number;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    // Stored and extracted as a poll would (not hand-built), so a preview compares like with like.
    await storeChanaArticle(t.db, true);
    glmEvent = (await t.db.select({ id: events.id }).from(events).where(eq(events.title, GLM_TITLE)))[0]!.id;
    app = await serveForBrowser(t.db, { API_TOKEN: "e2e-admin-token-0123456789abcdef" });
    base = app.base;
    tokens.analyst = await createUserToken(t.db, "ana", "analyst");
    tokens.viewer = await createUserToken(t.db, "vera", "viewer");
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  async function loggedIn(role: string): Promise<Page> {
    const page = await app.openPage();
    await page.goto(`${base}/login`);
    await page.fill('input[name="token"]', tokens[role]!);
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    if (new URL(page.url()).pathname !== "/") throw new Error(`login failed: ${page.url()} ${await page.locator("main").textContent()}`);
    return page;
  }
  const shot = (page: Page, name: string) => app.shot(page, `teach-${name}`);

  it("adds a chip and its alias, previews, applies, and the new mention and flagged story appear", async () => {
    const page = await loggedIn("analyst");
    expect(await page.locator("a.headline", { hasText: CHANA_TITLE }).count()).toBe(0);

    await page.goto(`${base}/catalog`);
    await page.selectOption("#add-entry select[name=type]", "chip");
    await page.fill("#add-entry input[name=name]", CHANA_ENTRY.name);
    await page.fill("#add-entry input[name=family]", CHANA_ENTRY.family);
    await page.check("#add-entry input[name=domestic]");
    await page.fill("#add-entry input[name=reason]", "Zhonghao Xinying's TPU, untagged in the China Mobile story");
    await Promise.all([page.waitForURL(/\/catalog\/edits\/\d+$/), page.click("#add-entry button[type=submit]")]);
    await expect(page.locator("#preview").textContent()).resolves.toMatch(/0 changed/);
    await Promise.all([page.waitForNavigation(), page.click("#apply-edit")]);
    await expect(page.locator("#applied h2").textContent()).resolves.toMatch(/Applied: ruleset rs-/);

    await page.goto(`${base}/catalog`);
    await page.selectOption("#add-alias select[name=type]", "chip");
    await page.fill("#add-alias input[name=name]", CHANA_ENTRY.name);
    await page.fill("#add-alias input[name=alias]", "Chana TPU");
    await Promise.all([page.waitForURL(/\/catalog\/edits\/\d+$/), page.click("#add-alias button[type=submit]")]);
    const preview = page.locator('#preview tr[data-indicator="inference_on_domestic"]');
    await expect(preview.textContent()).resolves.toContain(CHANA_TITLE);
    await expect(preview.locator("td.num").first().textContent()).resolves.toBe("+1");
    await shot(page, "catalog-preview");
    await Promise.all([page.waitForNavigation(), page.click("#apply-edit")]);
    await expect(page.locator('#applied tr[data-indicator="inference_on_domestic"]').textContent()).resolves.toContain(CHANA_TITLE);
    await shot(page, "catalog-applied");

    await page.goto(`${base}/?indicator=inference_on_domestic`);
    const headline = page.locator("a.headline", { hasText: CHANA_TITLE });
    expect(await headline.count()).toBe(1);
    await shot(page, "queue-new-story");
    await Promise.all([page.waitForURL(/\/events\/\d+$/), headline.click()]);
    await expect(page.locator(`mark.m-chip[title="chip: ${CHANA_ENTRY.name}"]`).first().textContent()).resolves.toBe("Chana TPU");
    await shot(page, "event-new-mention");
    await page.context().close();
  }, 300_000);

  it("does not let a viewer review", async () => {
    const page = await loggedIn("viewer");
    const row = page.locator(`tr.story-event[data-id="${glmEvent}"]`);
    await row.locator("td.key").click();
    await page.keyboard.press("c");
    await expect.poll(() => page.locator("#status-line").textContent()).toMatch(/forbidden: vera is a viewer/);
    await page.reload();
    expect(await row.locator(".badge.status-confirmed").count()).toBe(0);
    expect(await page.locator("#report-miss").count()).toBe(0);
    await shot(page, "viewer-refused");
    await page.context().close();
  });

  it("does not let an analyst set allowPrivate (403)", { timeout: 120_000 }, async () => {
    const page = await loggedIn("analyst");
    await page.goto(`${base}/feeds`);
    const answer = await page.evaluate(async () => {
      const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute("content") ?? "";
      const res = await fetch("/api/feeds", {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": csrf },
        body: JSON.stringify({ url: "http://10.0.0.7/intranet.xml", allowPrivate: true }),
      });
      return { status: res.status, body: (await res.json()) as { error: string } };
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatch(/ana is a analyst; this needs admin|ana is an? analyst; this needs admin/);
    await shot(page, "analyst-feeds");
    await page.context().close();
  });
});
