// The web app as the e2e tests browse it: served on an ephemeral loopback port with the admin token set, Chromium
// beside it, pages of one size that log their uncaught script errors, screenshots into one folder.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import type { Db } from "../../src/store/db.ts";
import { ensureAdminToken } from "../../src/store/repositories/users.ts";
import { createApp } from "../../src/web/app.ts";
import { startWebServer } from "../../src/web/server.ts";
import { SHOTS, launchChromium } from "./browser.ts";

export interface BrowserApp {
  /** http://127.0.0.1:PORT */
  base: string;
  browser: Browser;
  /** Uncaught script errors of every page opened with openPage. */
  pageErrors: string[];
  /** A page in a context of its own (its own cookies), at the size the screenshots are taken at. */
  openPage(): Promise<Page>;
  /** A full-page screenshot as artifacts/screenshots/NAME.png. */
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** `env` is the app's configuration (API_TOKEN at least: it becomes the admin's token); logs are silent. */
export async function serveForBrowser(db: Db, env: Record<string, string> & { API_TOKEN: string }): Promise<BrowserApp> {
  mkdirSync(SHOTS, { recursive: true });
  const config = loadConfig({ LOG_LEVEL: "silent", ...env });
  await ensureAdminToken(db, config.API_TOKEN);
  const server = await startWebServer(createApp({ db, config, logger: createLogger(config), metrics: createMetrics() }), { host: "127.0.0.1", port: 0 });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await server.close();
    throw err;
  }
  const pageErrors: string[] = [];
  return {
    base: `http://127.0.0.1:${server.port}`,
    browser,
    pageErrors,
    openPage: async () => {
      const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
      page.on("pageerror", (e) => pageErrors.push(e.message));
      return page;
    },
    shot: async (page, name) => {
      await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
