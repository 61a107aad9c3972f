// Fault: bad input at the edges: the CLI given malformed URLs, missing files, bad flags; the API given malformed
// JSON, wrong types and unknown ids. Shows: a clear error (non-zero exit / 4xx with a message), and nothing written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { countFeeds } from "../../src/store/repositories/feeds.ts";
import { ensureAdminToken } from "../../src/store/repositories/users.ts";
import { createApp } from "../../src/web/app.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { REPO_ROOT } from "../support/services.ts";
import { queueServicesMissing } from "../queue/support/services.ts";

const TOKEN = "chaos-test-token-0123456789";

describe.skipIf(queueServicesMissing)("chaos: bad CLI and API input", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: database.url ?? "", LOG_LEVEL: "silent" },
      encoding: "utf8",
      timeout: 60_000,
    });

  it.each([
    [["feeds", "add", "not a url"], /url|URL/],
    [["feeds", "add", "ftp://example.com/feed.xml"], /http|scheme|protocol|url/i],
    [["feeds", "add"], /usage|URL|missing/i],
    [["feeds", "import", "/nonexistent/feeds.opml"], /nonexistent|no such file|ENOENT|not found/i],
    [["no-such-command"], /usage|unknown/i],
    [["--port", "not-a-number", "feeds", "list"], /PORT/],
  ])("cli %j fails clearly and writes nothing", async (args, message) => {
    const result = cli(...args);
    expect(result.status, result.stderr).not.toBe(0);
    expect(`${result.stderr}${result.stdout}`).toMatch(message);
    expect(`${result.stderr}`).not.toMatch(/^\s+at /m);
    expect(await countFeeds(database.db)).toBe(0);
  });

  it("API rejects malformed and invalid requests with a 4xx and a message, writing nothing", async () => {
    const config = loadConfig({ DATABASE_URL: database.url ?? "", API_TOKEN: TOKEN });
    await ensureAdminToken(database.db, TOKEN);
    const app = createApp({ db: database.db, config, logger: pino({ level: "silent" }), metrics: createMetrics() });
    const call = (method: string, path: string, body?: string, token = TOKEN) =>
      app.request(path, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body !== undefined ? { body } : {}),
      });
    const cases: [string, string, string | undefined, string?][] = [
      ["POST", "/api/feeds", "{not json"],
      ["POST", "/api/feeds", JSON.stringify({ url: "not a url" })],
      ["POST", "/api/feeds", JSON.stringify({ url: 42 })],
      ["POST", "/api/feeds", JSON.stringify({})],
      ["PATCH", "/api/feeds/abc", JSON.stringify({ enabled: false })],
      ["PATCH", "/api/feeds/999999", JSON.stringify({ enabled: false })],
      ["POST", "/api/events/review", JSON.stringify({ ids: "all", action: "explode" })],
      ["POST", "/api/feeds", JSON.stringify({ url: "https://example.com/feed.xml" }), "wrong-token-0123456789"],
    ];
    for (const [method, path, body, token] of cases) {
      const res = await call(method, path, body, token);
      const label = `${method} ${path} ${body ?? ""}`;
      expect(res.status, label).toBeGreaterThanOrEqual(400);
      expect(res.status, label).toBeLessThan(500);
      const payload = (await res.json()) as { error?: unknown };
      expect(typeof payload.error, label).toBe("string");
    }
    expect(await countFeeds(database.db)).toBe(0);
  });
});
