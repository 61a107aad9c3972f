// The demo through the real pipeline (issue 12's "done when"): the bundled demo feeds are served by the demo server,
// added as the embedded monitor adds them, and polled by the same job function both runners call; the stories
// reported in both languages must come out as one story each, with both languages and both outlets, as
// GET /api/events' `story` field shows them (listEvents is what that endpoint returns).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { startDemoServer, type DemoServer } from "../../src/demo/demo-server.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { pollFeed } from "../../src/jobs/poll-feed.ts";
import type { JobDeps } from "../../src/jobs/types.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { listEvents, type EventListItem } from "../../src/store/repositories/events.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { liveExtractor } from "../../src/teach/live-extractor.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

describe.each(availableDrivers())("the demo feeds through the pipeline (%s)", (driver) => {
  let t: TestDatabase;
  let deps: JobDeps;
  let demo: DemoServer;
  let events: EventListItem[];

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    demo = await startDemoServer(0);
    const config = loadConfig({ FETCH_HOST_INTERVAL_MS: "0" });
    deps = createJobDeps({ db: t.db, config, logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
    await liveExtractor(t.db);
    const feeds = await addFeeds(t.db, demo.feeds.map((f) => ({ url: f.path, title: f.title, lang: f.lang, allowPrivate: true })));
    for (const feed of feeds) {
      const result = await pollFeed({ feedId: feed.id }, deps, `demo-${feed.id}`);
      expect(result.outcome, feed.url).toBe("ok");
    }
    events = (await listEvents(t.db, {}, { sort: "priority", page: 1, limit: 500 })).items;
  }, 180_000);
  afterAll(async () => {
    await demo?.close();
    await deps?.offload.close();
    await t?.destroy();
  });

  /** The stories whose events' titles match, by story id. */
  const storiesOf = (title: RegExp) => new Map(events.filter((e) => title.test(e.title)).map((e) => [e.story.id, e.story]));

  it("makes the GLM-5 pre-training story one story in English and Chinese with two outlets", () => {
    const glm = events.filter((e) => e.indicator === "pretraining_on_domestic" && e.entities.model.includes("GLM-5"));
    expect(new Set(glm.map((e) => e.story.id)).size).toBe(1);
    const story = glm[0]!.story;
    expect(story.languages).toEqual(["en", "zh"]);
    expect(story.sources).toBeGreaterThanOrEqual(2);
    // Every indicator of the story (pre-training and the migration) is evidence from the same story.
    const ofStory = events.filter((e) => e.story.id === story.id);
    expect(ofStory.map((e) => e.indicator)).toEqual(expect.arrayContaining(["pretraining_on_domestic", "training_migration"]));
    // Dated when it happened: the English report's publication, the earlier of the two.
    expect(glm[0]!.occurredAt).toBe("2026-11-02T03:10:00.000Z");
  });

  it("has at least two stories reported in both languages", () => {
    const bilingual = new Map(events.filter((e) => e.story.languages.includes("en") && e.story.languages.includes("zh")).map((e) => [e.story.id, e]));
    expect(bilingual.size).toBeGreaterThanOrEqual(2);
    // The Cambricon placement is the second: the English and the Chinese report of one 4-billion-yuan raise.
    const cambricon = storiesOf(/Cambricon|寒武纪/);
    expect([...cambricon.values()].some((s) => s.languages.join() === "en,zh" && s.sources >= 2)).toBe(true);
  });
});
