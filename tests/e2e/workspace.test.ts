// The analyst's morning in a real browser: log in, review with the keyboard, check persistence and history,
// look at an indicator chart, filter claims, and make sure hostile feed content stays inert.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { listFeeds, recordFetch } from "../../src/store/repositories/feeds.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { haveChromium } from "../support/browser.ts";
import { serveForBrowser, type BrowserApp } from "../support/browser-app.ts";
import { XSS_TITLE, seedWorkspace } from "../web/seed.ts";

const TOKEN = "e2e-admin-token-0123456789abcdef";


/** A few fetches through the feeds repository, so the feeds page shows a healthy, a failing and a broken feed. */
async function recordFeedHistory(t: TestDatabase): Promise<void> {
  const feeds = await listFeeds(t.db);
  const now = Date.now();
  for (const [i, feed] of feeds.entries()) {
    const failing = i === 2;
    for (let run = 0; run < (failing ? 10 : 3); run++) {
      const at = new Date(now - (10 - run) * 900_000);
      await recordFetch(t.db, {
        feedId: feed.id,
        jobKey: `e2e-${feed.id}-${run}`,
        startedAt: at,
        finishedAt: at,
        outcome: failing ? "error" : "ok",
        httpStatus: failing ? 503 : 200,
        bytes: failing ? 0 : 48_000,
        items: failing ? 0 : 20,
        newItems: failing ? 0 : 2,
        parser: failing ? null : "rss-parser",
        error: failing ? "HTTP 503 Service Unavailable" : null,
        nextFetchAt: new Date(now + (failing ? 3600_000 : 900_000)),
        intervalSeconds: failing ? 3600 : 900,
        brokenReason: failing && run === 9 ? "10 consecutive failures (last: HTTP 503)" : null,
      });
    }
  }
}

describe.skipIf(!haveChromium)("analyst workspace in Chromium", () => {
  let t: TestDatabase;
  let app: BrowserApp;
  let page: Page;
  let base: string;
  let ids: Record<string, number>;
  const dialogs: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    ids = await seedWorkspace(t.db);
    await recordFeedHistory(t);
    app = await serveForBrowser(t.db, { API_TOKEN: TOKEN });
    base = app.base;
    page = await app.openPage();
    page.on("dialog", async (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      await d.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await t?.destroy();
  });

  const shot = (name: string) => app.shot(page, name);
  // The queue lists stories; each seeded story has one indicator event, so a story is found by its event.
  const row = (id: number | undefined) => page.locator(`tr.story-event[data-id="${id}"]`);
  const story = (id: number | undefined) => page.locator(`#stories section.story[data-lead="${id}"]`);

  it("logs in and shows the queue of stories, most important first", async () => {
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await shot("login");
    await page.fill('input[name="token"]', TOKEN);
    await Promise.all([page.waitForURL(`${base}/`), page.click('button[type="submit"]')]);
    await expect(page.locator("h1").first().textContent()).resolves.toContain("Review queue");
    const first = page.locator("#stories section.story").first();
    expect(await first.getAttribute("data-lead")).toBe(String(ids.glm));
    expect(await page.locator("#stories section.story").count()).toBe(6);
    await shot("queue");
  });

  it("confirms with the keyboard and dismisses another with a note", async () => {
    // The first story is selected on load: c confirms its flagged indicator.
    await page.keyboard.press("c");
    await expect.poll(() => row(ids.glm).locator(".badge.status-confirmed").count()).toBe(1);

    await row(ids.deepseek).locator("td.key").click();
    await page.keyboard.press("n");
    await page.keyboard.type("Single anonymous source; wait for confirmation");
    await page.keyboard.press("Escape");
    await page.keyboard.press("d");
    await expect.poll(() => row(ids.deepseek).locator(".badge.status-dismissed").count()).toBe(1);
    await shot("queue-after-review");
  });

  it("keeps both decisions after a reload, with the history", async () => {
    await page.reload();
    expect(await row(ids.glm).count()).toBe(0); // no longer flagged
    await page.selectOption('select[name="status"]', "any");
    await page.waitForURL(/status=any/);
    await expect(row(ids.glm).locator(".badge").last().textContent()).resolves.toBe("confirmed");
    await expect(row(ids.deepseek).locator(".badge").last().textContent()).resolves.toBe("dismissed");

    await page.goto(`${base}/events/${ids.deepseek}`);
    const history = page.locator("ol.history li");
    expect(await history.count()).toBe(1);
    const entry = await history.first().textContent();
    expect(entry).toContain("dismiss");
    expect(entry).toContain("admin");
    expect(entry).toContain("Single anonymous source; wait for confirmation");
    await page.goto(`${base}/events/${ids.glm}`);
    expect(await page.locator("ol.history li").first().textContent()).toContain("confirm");
    expect(await page.locator("mark.m-chip").first().textContent()).toBe("Huawei Ascend 910C");
    await shot("event");
  });

  it("shows indicator charts", async () => {
    await page.goto(`${base}/indicators`);
    expect(await page.locator("svg.chart").count()).toBe(8);
    const card = page.locator("#pretraining_on_domestic");
    await expect(card.locator(".state").textContent()).resolves.toBe("confirmed");
    expect(await card.locator("rect.bar-confirmed").count()).toBe(13); // by month: this month and the 12 before it
    expect(await card.locator("ul.latest a").first().textContent()).toContain("GLM-5");
    await shot("indicators");
  });

  it("filters the claims table", async () => {
    await page.goto(`${base}/claims`);
    expect(await page.locator("#claims-table tbody tr").count()).toBe(3);
    await page.fill('input[name="chip"]', "Huawei Ascend 91");
    await Promise.all([page.waitForURL(/chip=Huawei/), page.click('#claim-filters button[type="submit"]')]);
    const subjects = await page.locator("#claims-table tbody tr td:first-child b").allTextContents();
    expect(subjects.sort()).toEqual(["GLM-4.5", "GLM-5"]);
    expect(await page.locator('a[href^="/api/export/claims.csv?chip="]').count()).toBe(1);
    await shot("claims");
  });

  it("renders hostile feed content as text", async () => {
    await page.goto(`${base}/?status=any&sort=newest`);
    const xssRow = story(ids.xss);
    await expect(xssRow.locator("a.headline").textContent()).resolves.toBe(XSS_TITLE);
    expect(await xssRow.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await xssRow.locator(".unsafe-link").count()).toBe(1);

    await page.goto(`${base}/events/${ids.xss}`);
    await expect(page.locator("h1.event-title").textContent()).resolves.toBe(XSS_TITLE);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator("blockquote.evidence img").count()).toBe(0);
    expect(await page.locator("blockquote.evidence").first().textContent()).toContain("<img src=x onerror=");
    await page.keyboard.press("o"); // the source link is javascript:, so nothing may open
    await page.waitForTimeout(200);
    expect(app.browser.contexts()[0]!.pages()).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await shot("event-hostile");
  });

  it("shows feed health and rule precision", async () => {
    await page.goto(`${base}/feeds`);
    expect(await page.locator("table.feeds tbody tr").count()).toBe(3);
    await shot("feeds");
    await page.goto(`${base}/rules`);
    expect(await page.locator("table.data tbody tr").count()).toBeGreaterThan(5);
    await shot("rules");
    expect(app.pageErrors).toEqual([]);
  });
});
