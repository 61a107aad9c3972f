// A feed added by the API, the CLI (a real process) or an OPML file lands the same way: same checks, same
// canonical URL, FEED_DEFAULT_INTERVAL_S as its first interval, its time zone kept. Real databases, both drivers.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { loadDefaultFeedsIfEmpty } from "../../src/feeds/feed-list.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { listFeeds } from "../../src/store/repositories/feeds.ts";
import { ensureAdminToken } from "../../src/store/repositories/users.ts";
import type { FeedHealth } from "../../src/store/repositories/analytics.ts";
import { createApp } from "../../src/web/app.ts";
import { availableDrivers, createTestDatabase, type Driver } from "../support/db.ts";
import { runCli } from "../support/cli.ts";

const TOKEN = "test-admin-token-0123456789abcdef";
const INTERVAL = "1234";

const cli = (args: string[], env: Record<string, string>) => runCli(args, { env: { FEED_DEFAULT_INTERVAL_S: INTERVAL, ...env } });

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), "chipwatch-add-feeds-"));
  dirs.push(d);
  return d;
};

/** Where the CLI finds the database, and how this process opens the same one afterwards. */
async function databaseFor(driver: Driver): Promise<{ env: Record<string, string>; open(): Promise<Database>; done(): Promise<void> }> {
  if (driver === "postgres") {
    const t = await createTestDatabase("postgres");
    return { env: { DATABASE_URL: t.url! }, open: async () => t, done: () => t.destroy() };
  }
  // An embedded database is one process's at a time (the data-dir lock): the CLI runs first, then this process.
  const dataDir = tempDir();
  let db: Database | null = null;
  return {
    env: { DATA_DIR: dataDir },
    open: async () => (db = await openDatabase({ dataDir })),
    done: async () => db?.close(),
  };
}

describe.each(availableDrivers())("adding feeds on %s", (driver) => {
  it("gives FEED_DEFAULT_INTERVAL_S to feeds added by the CLI, by OPML import and by the API", async () => {
    const target = await databaseFor(driver);
    try {
      const opml = join(tempDir(), "list.opml");
      writeFileSync(
        opml,
        `<opml version="2.0" xmlns:chipwatch="urn:chipwatch:opml"><body>
          <outline text="OPML" xmlUrl="HTTPS://OPML.example:443/feed#top" chipwatch:timezone="asia/shanghai" language="zh"/>
          <outline text="bad zone" xmlUrl="https://zone.example/feed" chipwatch:timezone="Mars/Olympus"/>
          <outline text="not http" xmlUrl="ftp://files.example/feed"/>
        </body></opml>`,
      );
      const added = await cli(["feeds", "add", "https://CLI.example/feed#x", "--timezone", "Asia/Tokyo"], target.env);
      expect(added.stderr).toBe("");
      expect(JSON.parse(added.stdout)).toMatchObject({ added: true, url: "https://cli.example/feed" });
      const imported = await cli(["feeds", "import", opml], target.env);
      expect(JSON.parse(imported.stdout)).toEqual({
        found: 3,
        added: 1,
        alreadyPresent: 0,
        invalid: 2,
        problems: [
          { url: "https://zone.example/feed", reason: "timezone: must be an IANA time zone name like Asia/Shanghai or UTC" },
          { url: "ftp://files.example/feed", reason: "url: must be an http(s) URL" },
        ],
      });

      const { db } = await target.open();
      const config = loadConfig({ API_TOKEN: TOKEN, LOG_LEVEL: "silent", FEED_DEFAULT_INTERVAL_S: INTERVAL });
      await ensureAdminToken(db, TOKEN);
      const app = createApp({ db, config, logger: createLogger(config), metrics: createMetrics() });
      const headers = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
      const post = await app.request("/api/feeds", { method: "POST", headers, body: JSON.stringify({ url: "https://api.example/feed" }) });
      expect(post.status).toBe(201);
      const again = await app.request("/api/feeds", { method: "POST", headers, body: JSON.stringify({ url: "https://API.example/feed#again" }) });
      expect(again.status).toBe(200);

      const list = (await (await app.request("/api/feeds", { headers })).json()) as { items: FeedHealth[] };
      const byUrl = Object.fromEntries(list.items.map((f) => [f.url, f]));
      expect(Object.keys(byUrl).sort()).toEqual(["https://api.example/feed", "https://cli.example/feed", "https://opml.example/feed"]);
      for (const f of list.items) expect(f.intervalSeconds).toBe(1234);
      expect(byUrl["https://cli.example/feed"]!.timezone).toBe("Asia/Tokyo");
      expect(byUrl["https://opml.example/feed"]!.timezone).toBe("Asia/Shanghai");
      expect(byUrl["https://api.example/feed"]!.timezone).toBeNull();
    } finally {
      await target.done();
    }
    // Three CLI processes, each opening the database: minutes on a loaded machine.
  }, 400_000);

  it("loads the default list with FEED_DEFAULT_INTERVAL_S too", async () => {
    const t = await createTestDatabase(driver);
    try {
      const report = await loadDefaultFeedsIfEmpty(t.db, "feeds/default.opml", { FEED_DEFAULT_INTERVAL_S: 1234 });
      expect(report).toMatchObject({ invalid: 0, alreadyPresent: 0 });
      expect(report!.added).toBeGreaterThan(10);
      const feeds = await listFeeds(t.db);
      expect(feeds).toHaveLength(report!.added);
      expect(new Set(feeds.map((f) => f.intervalSeconds))).toEqual(new Set([1234]));
    } finally {
      await t.destroy();
    }
  }, 120_000);
});
