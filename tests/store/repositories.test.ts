import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { availableDrivers, useTestDatabase } from "../support/db.ts";
import { addFeeds, claimDueFeeds, countFeeds, getFeed, recordFetch } from "../../src/store/repositories/feeds.ts";
import { getArticles, insertNewArticles } from "../../src/store/repositories/articles.ts";
import { assignCluster, assignClusters } from "../../src/store/repositories/clusters.ts";
import { NEAR_DUPLICATE_DISTANCE } from "../../src/ingest/dedup.ts";
import { saveExtraction, saveExtractions } from "../../src/store/repositories/extractions.ts";
import { listEvents } from "../../src/store/repositories/events.ts";
import { claims, eventSources, events, mentions } from "../../src/store/schema.ts";
import { priorityOf } from "../../src/review/priority.ts";
import type { Extraction } from "../../src/extract/types.ts";

const extraction = (score: number, rules = ["rule.a"]): Extraction => ({
  rulesetVersion: "v-test",
  entities: [{ type: "chip", name: "Huawei Ascend 910C", surface: "Ascend 910C", start: 0, end: 11 }],
  claims: [
    {
      subject: "GLM-5",
      subjectType: "model",
      chip: "Huawei Ascend 910C",
      chipDomestic: true,
      stage: "pretraining",
      modality: "achieved",
      negated: false,
      evidence: { start: 0, end: 30 },
    },
  ],
  indicators: [{ id: "pretraining_on_domestic", score, rules, evidence: [{ start: 0, end: 30 }] }],
});

describe.each(availableDrivers())("repositories on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("adds feeds once by URL and hands each due feed out once", async () => {
    const first = await addFeeds(t.db, [{ url: "https://a.example/feed" }, { url: "https://b.example/feed" }]);
    const again = await addFeeds(t.db, [{ url: "https://a.example/feed" }]);
    expect(first).toHaveLength(2);
    expect(again).toHaveLength(0);
    expect(await countFeeds(t.db)).toBe(2);
    const now = new Date(Date.now() + 1000);
    const claimed = await claimDueFeeds(t.db, now, 10, 60);
    expect(claimed.map((f) => f.url).sort()).toEqual(["https://a.example/feed", "https://b.example/feed"]);
    expect(await claimDueFeeds(t.db, now, 10, 60)).toHaveLength(0);
  });

  it("records a fetch once per job key and counts errors", async () => {
    const [feed] = await addFeeds(t.db, [{ url: "https://c.example/feed" }]);
    const outcome = {
      feedId: feed!.id,
      jobKey: "job-1",
      startedAt: new Date(),
      finishedAt: new Date(),
      outcome: "error" as const,
      httpStatus: 500,
      bytes: 0,
      items: 0,
      newItems: 0,
      parser: null,
      error: "http 500",
      nextFetchAt: new Date(Date.now() + 60_000),
      intervalSeconds: 900,
      etag: '"abc"',
    };
    await recordFetch(t.db, outcome);
    await recordFetch(t.db, outcome);
    const after = await getFeed(t.db, feed!.id);
    expect(after?.consecutiveErrors).toBe(1);
    expect(after?.etag).toBe('"abc"');
  });

  it("stores articles once and an extraction idempotently, as one event per story", async () => {
    const [feed] = await addFeeds(t.db, [{ url: "https://d.example/feed" }]);
    const [other] = await addFeeds(t.db, [{ url: "https://e.example/feed" }]);
    const row = (feedId: number, url: string) => ({
      feedId,
      url,
      guid: url,
      title: "GLM-5 pre-trained on Ascend",
      contentHash: url,
      simhash: 0x1234_5678_9abc_def0n,
    });
    const inserted = await getArticles(t.db, (await insertNewArticles(t.db, [row(feed!.id, "https://d.example/1"), row(other!.id, "https://e.example/1")])).map((r) => r.id));
    expect(inserted).toHaveLength(2);
    expect(await insertNewArticles(t.db, [row(feed!.id, "https://d.example/1")])).toHaveLength(0);

    const [a, b] = inserted;
    // b's text differs from a's in 6 of 64 SimHash bits: a syndicated copy, so the same story.
    const ca = await assignCluster(t.db, a!.id, a!.simhash, NEAR_DUPLICATE_DISTANCE);
    const cb = await assignCluster(t.db, b!.id, b!.simhash! ^ 0b1010_0110_1001n, NEAR_DUPLICATE_DISTANCE);
    expect(cb).toBe(ca);
    expect(await assignCluster(t.db, b!.id, 0n, NEAR_DUPLICATE_DISTANCE)).toBe(cb);
    const [c] = await getArticles(t.db, (await insertNewArticles(t.db, [{ ...row(feed!.id, "https://d.example/2"), simhash: ~a!.simhash! }])).map((r) => r.id));
    expect(await assignCluster(t.db, c!.id, c!.simhash, NEAR_DUPLICATE_DISTANCE)).not.toBe(ca);

    const s1 = await saveExtraction(t.db, { id: a!.id, title: a!.title, clusterId: ca }, extraction(0.8), { flagThreshold: 0.5 });
    expect(s1.newlyFlagged).toHaveLength(1);
    const s1again = await saveExtraction(t.db, { id: a!.id, title: a!.title, clusterId: ca }, extraction(0.8), { flagThreshold: 0.5 });
    expect(s1again.newlyFlagged).toHaveLength(0);
    await saveExtraction(t.db, { id: b!.id, title: b!.title, clusterId: cb }, extraction(0.9, ["rule.b"]), { flagThreshold: 0.5 });

    const evs = await t.db.select().from(events);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.sourceCount).toBe(2);
    expect(evs[0]!.score).toBeCloseTo(0.9);
    expect(evs[0]!.rules).toEqual(["rule.a", "rule.b"]);
    expect(evs[0]!.novel).toBe(true);
    expect(await t.db.select().from(mentions).where(eq(mentions.articleId, a!.id))).toHaveLength(1);
    expect(await t.db.select().from(claims).where(eq(claims.articleId, a!.id))).toHaveLength(1);

    // Reprocess with a ruleset that no longer sees the indicator: the source goes, the event stays for article b.
    const none: Extraction = { ...extraction(0), indicators: [], rulesetVersion: "v2" };
    const removed = await saveExtraction(t.db, { id: a!.id, title: a!.title, clusterId: ca }, none, { flagThreshold: 0.5 });
    expect(removed.removedIndicators).toEqual(["pretraining_on_domestic"]);
    expect(await t.db.select().from(eventSources)).toHaveLength(1);
    const [ev] = await t.db.select().from(events);
    expect(ev?.sourceCount).toBe(1);
  });

  it("writes a batch in one go: syndicated copies in one batch are one event, flagged once", async () => {
    const [feed] = await addFeeds(t.db, [{ url: "https://f.example/feed" }]);
    const [other] = await addFeeds(t.db, [{ url: "https://g.example/feed" }]);
    const base = { title: "Copy", contentHash: "x", simhash: 0x0f0f_0f0f_0f0f_0f0fn };
    const ids = await insertNewArticles(t.db, [
      { ...base, feedId: feed!.id, url: "https://f.example/1", contentHash: "c1" },
      { ...base, feedId: other!.id, url: "https://g.example/1", contentHash: "c2", simhash: base.simhash ^ 0b111n },
    ]);
    const rows = await getArticles(t.db, ids.map((r) => r.id));
    const clusters = await assignClusters(
      t.db,
      rows.map((r) => ({ articleId: r.id, simhash: r.simhash })),
      NEAR_DUPLICATE_DISTANCE,
    );
    expect(new Set(clusters.values()).size).toBe(1);
    const ex = { ...extraction(0.7), claims: [], indicators: [{ id: "export_controls" as const, score: 0.7, rules: ["ec.a"], evidence: [] }] };
    const saved = await saveExtractions(
      t.db,
      rows.map((r) => ({ article: { id: r.id, title: r.title, clusterId: clusters.get(r.id)! }, extraction: ex })),
      { flagThreshold: 0.5 },
    );
    expect(saved.flatMap((s) => s.newlyFlagged)).toHaveLength(1);
    expect(saved[0]!.eventIds).toEqual(saved[1]!.eventIds);
    const [ev] = await t.db.select().from(events).where(eq(events.indicator, "export_controls"));
    expect(ev?.sourceCount).toBe(2);
    expect(ev?.novel).toBe(false);
  });

  it("flags a candidate when a later source crosses the threshold, and orders the queue by review/priority.ts", async () => {
    const [feed] = await addFeeds(t.db, [{ url: "https://h.example/feed" }]);
    const [other] = await addFeeds(t.db, [{ url: "https://i.example/feed" }]);
    const ids = await insertNewArticles(t.db, [
      { feedId: feed!.id, url: "https://h.example/1", title: "Weak", contentHash: "h1", simhash: 0x00ff_00ff_00ff_00ffn },
      { feedId: other!.id, url: "https://i.example/1", title: "Strong", contentHash: "h2", simhash: 0x00ff_00ff_00ff_00ffn },
    ]);
    const [weak, strong] = await getArticles(t.db, ids.map((r) => r.id));
    const story = await assignCluster(t.db, weak!.id, weak!.simhash, NEAR_DUPLICATE_DISTANCE);
    const hit = (score: number) => ({ ...extraction(score), claims: [], indicators: [{ id: "training_migration" as const, score, rules: ["tm"], evidence: [] }] });
    const first = await saveExtraction(t.db, { id: weak!.id, title: weak!.title, clusterId: story }, hit(0.3), { flagThreshold: 0.5 });
    expect(first.newlyFlagged).toEqual([]);
    const [candidate] = await t.db.select().from(events).where(eq(events.indicator, "training_migration"));
    expect(candidate?.status).toBe("candidate");
    const second = await saveExtraction(t.db, { id: strong!.id, title: strong!.title, clusterId: story }, hit(0.8), { flagThreshold: 0.5 });
    expect(second.newlyFlagged).toEqual([candidate!.id]);
    const [flagged] = await t.db.select().from(events).where(eq(events.id, candidate!.id));
    expect(flagged?.status).toBe("flagged");

    // The SQL order is the formula's order: every event of this database, listed by priority.
    const page = await listEvents(t.db, {}, { sort: "priority", page: 1, limit: 100 });
    expect(page.items.length).toBeGreaterThan(1);
    const computed = page.items.map((e) => priorityOf(e));
    expect(computed).toEqual([...computed].sort((a, b) => b - a));
  });
});
