// Adding an html source in a real browser: the add-feed form's preview lists what the selectors find on a local
// listing page (and says "selectors matched nothing" when they find nothing) before the source is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { listFeeds } from "../../src/store/repositories/feeds.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { haveChromium } from "../support/browser.ts";
import { serveForBrowser, type BrowserApp } from "../support/browser-app.ts";
import { NEWSROOM_SELECTORS, startSourceServer, type SourceServer } from "../support/source-server.ts";

const TOKEN = "e2e-sources-token-0123456789abcdef";


describe.skipIf(!haveChromium)("adding an html source with a preview in Chromium", { timeout: 300_000 }, () => {
  let t: TestDatabase;
  let app: BrowserApp;
  let sources: SourceServer;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    sources = await startSourceServer();
    // The listing page is on 127.0.0.1: the preview's fetch must be allowed there.
    app = await serveForBrowser(t.db, { API_TOKEN: TOKEN, ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0" });
    base = app.base;
    page = await app.openPage();
    // Waits are for the page, not for speed: on a loaded machine one render can take tens of seconds.
    page.setDefaultTimeout(120_000);
    // Logged in through the browser context's request client (it shares the cookie jar): a form post from the page
    // is refused here with Origin "null" (see the login route's cross-origin check), which the workspace test covers.
    const login = await page.request.post(`${base}/login`, { form: { token: TOKEN, next: "/feeds" }, maxRedirects: 0 });
    expect(login.status()).toBe(303);
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await sources?.close();
    await t?.destroy();
  });

  const shot = (name: string) => app.shot(page, name);

  async function fillHtmlSource(item: string) {
    await page.selectOption("#feed-kind", "html");
    await page.fill('#add-feed input[name="url"]', `${sources.url}/newsroom/`);
    await page.fill('#add-feed input[name="timezone"]', "Asia/Shanghai");
    await page.fill('input[name="selector-item"]', item);
    await page.fill('input[name="selector-title"]', NEWSROOM_SELECTORS.title);
    await page.fill('input[name="selector-link"]', NEWSROOM_SELECTORS.link);
    await page.fill('input[name="selector-date"]', NEWSROOM_SELECTORS.date);
  }

  it("shows the selector fields only for html sources", async () => {
    await page.goto(`${base}/feeds`);
    expect(await page.locator("#feed-selectors").isVisible()).toBe(false);
    await page.selectOption("#feed-kind", "html");
    expect(await page.locator("#feed-selectors").isVisible()).toBe(true);
  });

  it("says 'selectors matched nothing' for selectors that find nothing", async () => {
    await fillHtmlSource("div.article-card");
    await page.click("#preview-feed");
    await expect.poll(() => page.locator("#feed-preview-status").textContent(), { timeout: 120_000 }).toBe("Not previewed: selectors matched nothing");
    expect(await page.locator("#feed-preview tr.preview-item").count()).toBe(0);
    await shot("feeds-preview-nothing");
  });

  it("previews the items, then adds the source", async () => {
    await fillHtmlSource(NEWSROOM_SELECTORS.item);
    await page.click("#preview-feed");
    await expect.poll(() => page.locator("#feed-preview tr.preview-item").count(), { timeout: 120_000 }).toBe(3);
    const first = page.locator("#feed-preview tr.preview-item").first();
    await expect(first.locator("td").first().textContent()).resolves.toBe("Zhipu says GLM-5 was pre-trained entirely on Huawei Ascend chips");
    await expect(page.locator("#feed-preview tr.preview-item").nth(2).locator("td").nth(2).textContent()).resolves.toBe("2026-10-31 16:00 UTC");
    await expect(page.locator("#feed-preview-status").textContent()).resolves.toBe(`3 items would be created from ${sources.url}/newsroom/`);
    expect(await listFeeds(t.db)).toHaveLength(0);
    await shot("feeds-preview");

    await Promise.all([page.waitForURL(`${base}/feeds`), page.click('#add-feed button[type="submit"]')]);
    await expect(page.locator("p.notice").textContent()).resolves.toContain(`Added ${sources.url}/newsroom/`);
    const feeds = await listFeeds(t.db);
    expect(feeds).toHaveLength(1);
    expect(feeds[0]).toMatchObject({ kind: "html", timezone: "Asia/Shanghai", fetchFullText: true, selectors: { item: NEWSROOM_SELECTORS.item, title: NEWSROOM_SELECTORS.title, link: NEWSROOM_SELECTORS.link, date: NEWSROOM_SELECTORS.date } });
    await expect(page.locator("table.feeds tbody tr .badge.feed-kind").textContent()).resolves.toBe("html");
    await shot("feeds-added-html");
    expect(app.pageErrors).toEqual([]);
  });
});
