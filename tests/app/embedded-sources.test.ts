// Embedded mode (`chipwatch start`) with sources beyond RSS, on PGlite and on PostgreSQL: the monitor loads a
// default list carrying every kind (html newsroom and notice list, github-releases, huggingface, sitemap index) as
// OPML with chipwatch: attributes, an analyst adds the hostile ones through POST /api/feeds, and the in-process
// runner polls them all from a local fixture server: articles stored, article pages read as full text, each kind's
// on-topic item a flagged story (GET /api/stories), the page that matches nothing failing with its reason in the API,
// /metrics and on the feeds page, the 10,000-item sources capped, injected selectors refused with a 400.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { runEmbedded, type EmbeddedHandle } from "../../src/app/embedded.ts";
import { loadConfig } from "../../src/config.ts";
import { toOpml } from "../../src/ingest/opml.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";
import { waitFor } from "../support/sim/processes.ts";
import { startSourceServer, type SourceServer } from "../support/source-server.ts";
import { expectedOutcomes, hostileSources, INJECTED_SELECTORS, onServer, realSources, RUN_MAX_ITEMS, sourceOutcomes, sourcesSettled } from "../support/source-run.ts";

const TOKEN = "embedded-sources-token-0123456789";
const real = realSources();
const hostile = hostileSources();
const all = [...real, ...hostile];

describe.each(availableDrivers())("embedded mode: every source kind end to end (%s)", { timeout: 600_000 }, (driver) => {
  const dir = mkdtempSync(join(tmpdir(), "chipwatch-sources-"));
  let server: SourceServer;
  let postgres: TestDatabase | null = null;
  let monitor: EmbeddedHandle;
  const bases = () => ({ github: server.url, huggingface: server.url });
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${monitor.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers } });

  beforeAll(async () => {
    server = await startSourceServer();
    const defaultList = join(dir, "sources.opml");
    writeFileSync(defaultList, toOpml(real.map((c) => onServer(c, server.url))));
    if (driver === "postgres") postgres = await createTestDatabase("postgres");
    const config = loadConfig({
      ...(postgres?.url ? { DATABASE_URL: postgres.url } : { DATA_DIR: join(dir, "data") }),
      PORT: "0",
      HOST: "127.0.0.1",
      API_TOKEN: TOKEN,
      DEFAULT_FEEDS: defaultList,
      GITHUB_BASE_URL: server.url,
      HUGGINGFACE_BASE_URL: server.url,
      // The default list comes from a file, which never grants private addresses; the fixture server is loopback.
      ALLOW_PRIVATE_NETWORKS: "true",
      SCHEDULER_TICK_MS: "200",
      FETCH_HOST_INTERVAL_MS: "0",
      FEED_MAX_ITEMS: String(RUN_MAX_ITEMS),
      LOG_LEVEL: "silent",
    });
    monitor = await runEmbedded(config, { logger: pino({ level: "silent" }), handleSignals: false });
  }, 120_000);

  afterAll(async () => {
    await monitor?.close();
    await postgres?.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses injected selectors through the API with the field and the reason", async () => {
    for (const selectors of INJECTED_SELECTORS) {
      const res = await api("/api/feeds", { method: "POST", body: JSON.stringify({ url: `${server.url}/newsroom/?x`, kind: "html", selectors }) });
      expect(res.status, JSON.stringify(selectors)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/^selectors\.(item|title|link): /);
    }
  });

  it("polls every kind into stored articles and flagged stories; hostile sources fail with the reason or are capped", async () => {
    for (const c of hostile) {
      const res = await api("/api/feeds", { method: "POST", body: JSON.stringify({ ...onServer(c, server.url), allowPrivate: true }) });
      expect(res.status, c.input.url).toBe(201);
    }
    const db = monitor.database.db;
    // On a timeout the comparison below fails with the difference (sourcesSettled asks less than it), not a bare timeout.
    await waitFor(() => sourcesSettled(db, all, server.url, bases()), 300_000, "every source polled, flagged and its pages read").catch(() => {});
    expect(await sourceOutcomes(db, all, server.url, bases())).toMatchObject(expectedOutcomes(all));

    // The analyst's view of the same run: the feeds list, the story queue and /metrics.
    const listed = ((await (await api("/api/feeds")).json()) as { items: { url: string; kind: string; status: string; failureReason: string | null }[] }).items;
    expect(listed.find((f) => f.url === `${server.url}/empty/`)).toMatchObject({ kind: "html", status: "failing", failureReason: "selectors matched nothing" });
    expect(new Set(listed.map((f) => f.kind))).toEqual(new Set(["html", "github-releases", "huggingface", "sitemap"]));
    const stories = ((await (await api("/api/stories?limit=100")).json()) as { items: { title: string }[] }).items.map((s) => s.title);
    expect(stories.length).toBeGreaterThanOrEqual(3);
    expect(stories.some((t) => t.includes("GLM-5"))).toBe(true);
    const metrics = await (await fetch(`${monitor.url}/metrics`)).text();
    expect(metrics).toContain('chipwatch_feeds_failing{kind="html",reason="selectors matched nothing"} 1');

    // The feeds page says it under the feed's name, and names each source's kind.
    const login = await fetch(`${monitor.url}/login`, { method: "POST", body: new URLSearchParams({ token: TOKEN, next: "/feeds" }), redirect: "manual" });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const $ = load(await (await fetch(`${monitor.url}/feeds`, { headers: { cookie } })).text());
    const row = (url: string) => $("table.feeds tbody tr").filter((_, tr) => $(tr).find(".feed-name a").first().text() === url);
    expect(row(`${server.url}/empty/`).find(".failure-reason").text()).toBe("selectors matched nothing");
    expect(row(`${server.url}/newsroom/`).find(".failure-reason")).toHaveLength(0);
    expect(new Set($("table.feeds .badge.feed-kind").map((_, b) => $(b).text()).get())).toEqual(new Set(["html", "github-releases", "huggingface", "sitemap"]));
  });
});
