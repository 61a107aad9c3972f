// Queue mode with sources beyond RSS: a scheduler and a worker process (PostgreSQL + Redis) poll an html listing
// page and a Hugging Face model listing from local fixtures; the articles are stored, the model page is fetched as
// full text, and the on-topic items are flagged: the same job functions as embedded mode, in other processes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { addFeed } from "../../src/feeds/add-feeds.ts";
import { checkFeedInput } from "../../src/feeds/feed-input.ts";
import { loadConfig } from "../../src/config.ts";
import { articles, events, feeds } from "../../src/store/schema.ts";
import { NEWSROOM_SELECTORS, startSourceServer, type SourceServer } from "../support/source-server.ts";
import { waitFor } from "./support/processes.ts";
import { startQueueRun, type QueueRun } from "./support/queue-run.ts";
import { queueServicesMissing } from "./support/services.ts";

describe.skipIf(queueServicesMissing)("queue mode: html and huggingface sources", { timeout: 600_000 }, () => {
  let server: SourceServer;
  let run: QueueRun;

  beforeAll(async () => {
    server = await startSourceServer();
    run = await startQueueRun([], { HUGGINGFACE_BASE_URL: server.url });
    const config = loadConfig({});
    for (const raw of [
      { url: `${server.url}/newsroom/`, kind: "html", selectors: NEWSROOM_SELECTORS },
      { url: "zai-org", kind: "huggingface" },
    ]) {
      const checked = checkFeedInput({ ...raw, allowPrivate: true }, { github: server.url, huggingface: server.url });
      if (!checked.ok) throw new Error(checked.reason);
      await addFeed(run.database.db, checked.feed, config);
    }
  }, 120_000);

  afterAll(async () => {
    await run?.cleanup();
    await server?.close();
  });

  it("stores both sources' items, reads the model page, and flags the on-topic ones", async () => {
    const scheduler = run.spawn("scheduler");
    const worker = run.spawn("worker");
    await Promise.all([scheduler.ready, worker.ready]);
    const db = run.database.db;
    await waitFor(async () => (await db.select().from(feeds).where(eq(feeds.lastStatus, "ok"))).length === 2, 300_000, "both sources polled");
    await waitFor(async () => (await db.select().from(articles)).some((a) => a.fullText?.includes("Huawei Ascend 910C")), 300_000, "the model page read as full text");
    const stored = await db.select().from(articles);
    expect(stored.map((a) => a.url)).toEqual(expect.arrayContaining([`${server.url}/news/2026/glm5-ascend.html`, `${server.url}/zai-org/GLM-5`]));
    await waitFor(async () => (await db.select().from(events).where(eq(events.status, "flagged"))).length >= 1, 120_000, "a flagged event");
    const listed = await db.select({ kind: feeds.kind, itemsSeen: feeds.itemsSeen }).from(feeds);
    expect(listed.map((f) => f.kind).sort()).toEqual(["html", "huggingface"]);
    expect(listed.every((f) => f.itemsSeen >= 2)).toBe(true);
    scheduler.kill("SIGTERM");
    worker.kill("SIGTERM");
    expect(await scheduler.exited).toBe(0);
    expect(await worker.exited).toBe(0);
  });
});
