// `npm start -- --demo` in-process: the monitor migrates, loads feeds, serves the demo feeds, polls them, and the
// review queue fills; a second process on the same data directory is refused.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { runEmbedded, type EmbeddedHandle } from "../../src/app/embedded.ts";
import { loadConfig } from "../../src/config.ts";
import { DataDirLockedError } from "../../src/store/data-dir-lock.ts";

const TOKEN = "test-token-0123456789abcdef";

describe("embedded monitor in demo mode", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-embedded-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
    DEMO: "true",
    DEMO_PORT: "0",
    API_TOKEN: TOKEN,
    SCHEDULER_TICK_MS: "200",
    FETCH_HOST_INTERVAL_MS: "0",
  });
  let monitor: EmbeddedHandle;

  beforeAll(async () => {
    monitor = await runEmbedded(config, { logger: pino({ level: "silent" }), handleSignals: false });
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("fills the review queue from the local demo feeds", async () => {
    const api = (path: string) => fetch(`${monitor.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    let flagged = 0;
    for (let i = 0; i < 100 && flagged === 0; i++) {
      await monitor.runner.idle();
      const res = await api("/api/events?status=flagged&limit=100");
      expect(res.status).toBe(200);
      flagged = ((await res.json()) as { total: number }).total;
      if (flagged === 0) await new Promise((r) => setTimeout(r, 300));
    }
    expect(flagged).toBeGreaterThanOrEqual(10);
    const feeds = (await (await api("/api/feeds")).json()) as { url: string; lastStatus: string | null }[] | { items: { url: string; lastStatus: string | null }[] };
    const list = Array.isArray(feeds) ? feeds : feeds.items;
    expect(list.length).toBeGreaterThanOrEqual(40 + 5);
    const demo = list.filter((f) => f.url.startsWith(monitor.demo!.url));
    expect(demo.length).toBe(monitor.demo!.feeds.length);
    expect(demo.every((f) => f.lastStatus === "ok")).toBe(true);
  }, 90_000);

  it("refuses a second monitor on the same data directory", async () => {
    await expect(runEmbedded({ ...config, DEMO: false }, { logger: pino({ level: "silent" }), handleSignals: false })).rejects.toThrow(DataDirLockedError);
  });

  it("answers /healthz without a token", async () => {
    const res = await fetch(`${monitor.url}/healthz`);
    expect(res.status).toBe(200);
  });
});
