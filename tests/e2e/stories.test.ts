// The review queue in a real browser: the GLM-5 story reported in English and Chinese is one card with both
// languages and two outlets, one key confirms all of its flagged indicators, a digit key decides one of them, and an
// entity chip leads to the entity's page (its claims, its events over time, what is named alongside it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { eq } from "drizzle-orm";
import { articles, events } from "../../src/store/schema.ts";
import { storeBilingualStories, GLM_EN_URL } from "../support/bilingual-stories.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { haveChromium } from "../support/browser.ts";
import { serveForBrowser, type BrowserApp } from "../support/browser-app.ts";

const TOKEN = "e2e-admin-token-0123456789abcdef";


describe.skipIf(!haveChromium)("story queue and entity pages in Chromium", () => {
  let t: TestDatabase;
  let app: BrowserApp;
  let page: Page;
  let base: string;
  let glmStory = 0;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await storeBilingualStories(t.db);
    const [glm] = await t.db.select({ clusterId: articles.clusterId }).from(articles).where(eq(articles.url, GLM_EN_URL));
    glmStory = glm!.clusterId!;
    app = await serveForBrowser(t.db, { API_TOKEN: TOKEN });
    base = app.base;
    page = await app.openPage();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const shot = (name: string) => app.shot(page, name);

  it("shows the GLM-5 story once, in English and Chinese from two outlets, and confirms its indicators with one key", async () => {
    // The bearer token rides on every request (pages and the script's review calls); the login form is the
    // workspace test's subject.
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${TOKEN}` });
    await page.goto(`${base}/stories`); // the old address of the story queue
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Review queue");
    const cards = page.locator("#stories section.story");
    expect(await cards.count()).toBe(2);
    const card = page.locator(`#stories section.story[data-story="${glmStory}"]`);
    expect(await card.locator(".badge.lang").allTextContents()).toEqual(["en", "zh"]);
    await expect(card.locator(".outlets").textContent()).resolves.toContain("2 outlets");
    const flagged = await card.locator('tr.story-event[data-status="flagged"]').count();
    expect(flagged).toBeGreaterThanOrEqual(2);
    await shot("stories-queue");

    // Select the GLM-5 card (whatever its rank) and press c: every flagged indicator of the story is confirmed.
    await card.locator("td.key").first().click();
    await page.keyboard.press("c");
    await expect.poll(() => card.locator('tr.story-event[data-status="confirmed"]').count()).toBe(flagged);
    expect(await card.locator('tr.story-event[data-status="flagged"]').count()).toBe(0);
    // Its confirm-all form has nothing left to decide (submitting it would have undone a later dismissal).
    expect(await card.locator("form.story-actions").isVisible()).toBe(false);
    expect(await card.locator('form.story-actions input[name="ids"]').count()).toBe(0);
    const stored = await t.db.select({ status: events.status }).from(events).where(eq(events.clusterId, glmStory));
    expect(stored.filter((e) => e.status === "confirmed")).toHaveLength(flagged);
    expect(stored.some((e) => e.status === "flagged")).toBe(false);

    // Confirming moved the selection to the next story; back to this one (click), where 1 on its first (confirmed)
    // indicator dismisses it.
    await card.locator("td.key").first().click();
    await page.keyboard.press("1");
    await expect.poll(() => card.locator('tr.story-event[data-status="dismissed"]').count()).toBe(1);
    await shot("stories-after-confirm");

    // After a reload the decided story has left the queue; the other is still there.
    await page.reload();
    expect(await page.locator(`#stories section.story[data-story="${glmStory}"]`).count()).toBe(0);
    expect(await page.locator("#stories section.story").count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it("follows an entity chip from the queue to the entity's page", async () => {
    await page.goto(`${base}/?status=any`);
    const card = page.locator(`#stories section.story[data-story="${glmStory}"]`);
    const chip = card.locator('.entities a.chip-tag[data-entity="chip"]', { hasText: "Huawei Ascend 910C" });
    expect(await chip.getAttribute("href")).toBe("/entities/chip/Huawei%20Ascend%20910C");
    await Promise.all([page.waitForURL(`${base}/entities/chip/Huawei%20Ascend%20910C`), chip.click()]);
    await expect(page.locator("h1.entity-name").textContent()).resolves.toBe("Huawei Ascend 910C");
    // Both reports of GLM-5's pre-training: one claim from two outlets, confirmed (of the story's indicators confirmed
    // above, one was dismissed again and the others stay confirmed: any confirmed event makes the claim confirmed).
    const claim = page.locator("#entity-claims tbody tr", { hasText: "GLM-5" }).filter({ hasText: "pretraining" });
    expect(await claim.count()).toBe(1);
    await expect(claim.locator("td.num").textContent()).resolves.toBe("2");
    await expect(claim.locator(".badge[class*='status-']").textContent()).resolves.toBe("confirmed");
    // Its events over time: the chart and every event of the story, the GLM-5 ones included.
    expect(await page.locator("#entity-timeline svg.chart").count()).toBe(1);
    const stored = await t.db.select({ id: events.id }).from(events).where(eq(events.clusterId, glmStory));
    for (const e of stored) expect(await page.locator(`ol.entity-events li[data-id="${e.id}"]`).count()).toBe(1);
    expect(await page.locator('#related a[href="/entities/org/Zhipu%20AI"]').count()).toBe(1);
    await shot("entity-chip");

    // The claim's model is one more link away.
    await Promise.all([page.waitForURL(`${base}/entities/model/GLM-5`), claim.locator("a.subj").click()]);
    await expect(page.locator("h1.entity-name").textContent()).resolves.toBe("GLM-5");
    await shot("entity-model");
    expect(app.pageErrors).toEqual([]);
  }, 120_000);
});
