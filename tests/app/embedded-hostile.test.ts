// The embedded monitor keeps answering while it parses a feed that takes longer than its parse deadline: parsing
// runs in a worker thread, so the web server's event loop stays free, and the feed ends as a recorded failure.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { runEmbedded, type EmbeddedHandle } from "../../src/app/embedded.ts";
import { loadConfig } from "../../src/config.ts";
import { addFeeds, getFeed } from "../../src/store/repositories/feeds.ts";

const ITEMS = 100_000;
const body = `<rss version="2.0"><channel><title>Huge</title>${Array.from(
  { length: ITEMS },
  (_, i) => `<item><title>Story ${i}</title><link>https://huge.example/${i}</link><description>Ascend ${i}.</description></item>`,
).join("")}</channel></rss>`;

describe("embedded monitor during a hostile poll", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-hostile-"));
  const opml = join(dataDir, "empty.opml");
  writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body></body></opml>`);
  let monitor: EmbeddedHandle;
  let sentAt = 0;
  const server: Server = createServer((_req, res) => {
    res.on("finish", () => (sentAt = Date.now()));
    res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
  });

  beforeAll(async () => {
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const config = loadConfig({
      DATA_DIR: join(dataDir, "data"),
      PORT: "0",
      HOST: "127.0.0.1",
      DEFAULT_FEEDS: opml,
      SCHEDULER_TICK_MS: "200",
      FETCH_HOST_INTERVAL_MS: "0",
      FETCH_MAX_BYTES: String(50e6),
      ALLOW_PRIVATE_NETWORKS: "true",
      PARSE_TIMEOUT_MS: "1000",
    });
    monitor = await runEmbedded(config, { logger: pino({ level: "silent" }), handleSignals: false });
  }, 120_000);
  afterAll(async () => {
    await monitor?.close();
    server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers /healthz while the poll's parse runs, and records the feed as a timed-out parse", async () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const [feed] = await addFeeds(monitor.database.db, [{ url: `http://127.0.0.1:${port}/huge.xml`, allowPrivate: true }]);
    let answeredAfterSend = 0;
    for (let i = 0; i < 3000; i++) {
      const res = await fetch(`${monitor.url}/healthz`);
      expect(res.status).toBe(200);
      const recorded = (await getFeed(monitor.database.db, feed!.id))?.lastFetchAt;
      if (recorded) break;
      if (sentAt > 0) answeredAfterSend++;
      await new Promise((r) => setTimeout(r, 20));
    }
    // The parse alone takes longer than its 1 s deadline; on the event loop no request could be answered meanwhile.
    expect(answeredAfterSend).toBeGreaterThanOrEqual(5);
    const after = await getFeed(monitor.database.db, feed!.id);
    expect(after).toMatchObject({ lastStatus: "error", lastError: "parse: parse timed out after 1000 ms", consecutiveErrors: 1 });
  }, 120_000);
});
