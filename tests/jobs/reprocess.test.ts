import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { getRulesetVersion } from "../../src/extract/extract.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { extractAndStore } from "../../src/jobs/extract-and-store.ts";
import { reprocess } from "../../src/jobs/reprocess.ts";
import type { JobDeps } from "../../src/jobs/types.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { getArticles, insertNewArticles } from "../../src/store/repositories/articles.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { articles, eventSources, events } from "../../src/store/schema.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";

describe("reprocess", () => {
  let t: TestDatabase;
  let deps: JobDeps;
  const flaggedCalls: number[][] = [];

  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    deps = createJobDeps({
      db: t.db,
      config: loadConfig({}),
      logger: pino({ level: "silent" }),
      metrics: createMetrics(),
      enqueue: async () => {},
    });
    deps.onFlagged = async (ids) => void flaggedCalls.push(ids);
    const [feed] = await addFeeds(t.db, [{ url: "https://wire.example/feed" }]);
    const ids = await insertNewArticles(t.db, [
      {
        feedId: feed!.id,
        url: "https://wire.example/glm5",
        title: "Zhipu pre-trained GLM-5 on Huawei Ascend 910C chips",
        summary: "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C accelerators.",
        contentHash: "h1",
        simhash: 1n,
      },
      {
        feedId: feed!.id,
        url: "https://wire.example/football",
        title: "Cup final ends in a draw",
        summary: "The match ended goalless after extra time.",
        contentHash: "h2",
        simhash: -1n,
      },
    ]);
    await extractAndStore(await getArticles(t.db, ids.map((r) => r.id)), deps);
    // Pretend the stored extraction came from an older ruleset that did not see the indicator.
    await t.db.delete(eventSources);
    await t.db.delete(events);
    await t.db.update(articles).set({ rulesetVersion: "rs-old" });
  });
  afterAll(async () => t?.destroy());

  it("shows the diff in a dry run and writes nothing", async () => {
    const diff = await reprocess({ dryRun: true }, deps);
    expect(diff).toMatchObject({ dryRun: true, articles: 2, changed: 1, rulesetVersion: getRulesetVersion() });
    expect(diff.indicators.pretraining_on_domestic).toMatchObject({ added: 1, removed: 0 });
    expect(diff.indicators.pretraining_on_domestic!.examples[0]!.title).toMatch(/GLM-5/);
    expect(await t.db.select().from(events)).toHaveLength(0);
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(articles).where(eq(articles.rulesetVersion, "rs-old"))) as [{ n: number }];
    expect(Number(n)).toBe(2);
  });

  it("re-extracts stale articles, stores the events and alerts, then has nothing left to do", async () => {
    const diff = await reprocess({}, deps);
    expect(diff.changed).toBe(1);
    const evs = await t.db.select().from(events);
    expect(evs.map((e) => e.indicator)).toContain("pretraining_on_domestic");
    expect(flaggedCalls.flat().length).toBeGreaterThan(0);
    const again = await reprocess({}, deps);
    expect(again).toMatchObject({ articles: 0, changed: 0 });
  });

  it("refuses a --since that is not a date", async () => {
    await expect(reprocess({ since: "last tuesday" }, deps)).rejects.toThrow(/not a date/);
  });
});
