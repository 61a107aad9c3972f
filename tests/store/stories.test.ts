// Stories across languages in the store: the English and the Chinese report of one event join one story (content
// linking, not SimHash), so each indicator has one event with both as sources, and the API's story brief shows
// both languages and both outlets. A different story in the same week stays apart; an event is dated by its
// earliest published source.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { loadConfig } from "../../src/config.ts";
import { fingerprint } from "../../src/ingest/dedup.ts";
import { storeNewArticles } from "../../src/jobs/extract-and-store.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { getEventDetail, listEvents } from "../../src/store/repositories/events.ts";
import { timeline } from "../../src/store/repositories/timeline.ts";
import { articles, events } from "../../src/store/schema.ts";
import { availableDrivers, useTestDatabase } from "../support/db.ts";

const config = loadConfig({});

function row(feedId: number, url: string, title: string, summary: string, lang: string, published: string) {
  const { contentHash, simhash } = fingerprint(title, summary);
  return { feedId, url, title, summary, lang, publishedAt: new Date(published), contentHash, simhash: BigInt.asIntN(64, simhash) };
}

describe.each(availableDrivers())("stories across languages on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("puts the English and Chinese GLM-5 reports in one story with en and zh and two sources", async () => {
    const [en, zh, other] = await addFeeds(t.db, [{ url: "https://wire.example/en" }, { url: "https://kuaixun.example/zh" }, { url: "https://third.example/en" }]);
    const deps = { db: t.db, config };
    await storeNewArticles(
      [
        row(en!.id, "https://wire.example/glm5", "Zhipu AI says GLM-5 was pre-trained on Huawei Ascend 910C clusters",
          "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C clusters, and that new models will be trained on domestic chips instead of Nvidia GPUs.",
          "en", "2026-11-02T03:10:00Z"),
      ],
      deps,
    );
    // A later poll of another outlet, in Chinese: a different batch, so the link goes through the store's index.
    await storeNewArticles(
      [
        row(zh!.id, "https://kuaixun.example/glm5", "智谱GLM-5在华为昇腾上完成预训练，新模型训练全面转向国产算力",
          "11月3日消息，智谱今日表示，GLM-5已在华为昇腾910C集群上完成预训练。智谱称，此后新模型的训练将全部从英伟达GPU迁移到国产算力上。",
          "zh-CN", "2026-11-03T02:20:00Z"),
        row(other!.id, "https://third.example/longcat", "Meituan post-trains LongCat-2.0 with reinforcement learning on Ascend cluster",
          "Meituan said its LongCat team completed the reinforcement-learning stage of LongCat-2.0 on a cluster of Huawei Ascend 910C chips.",
          "en", "2026-11-04T08:30:00Z"),
      ],
      deps,
    );
    const stored = await t.db.select({ url: articles.url, clusterId: articles.clusterId }).from(articles);
    const story = (url: string) => stored.find((a) => a.url === url)!.clusterId;
    expect(story("https://kuaixun.example/glm5")).toBe(story("https://wire.example/glm5"));
    expect(story("https://third.example/longcat")).not.toBe(story("https://wire.example/glm5"));

    const page = await listEvents(t.db, { indicator: "pretraining_on_domestic" }, { sort: "priority", page: 1, limit: 10 });
    const glm = page.items.find((e) => e.story.id === story("https://wire.example/glm5"))!;
    expect(glm.story).toEqual({ id: story("https://wire.example/glm5"), languages: ["en", "zh"], sources: 2 });
    expect(glm.sourceCount).toBe(2);
    expect(glm.occurredAt).toBe("2026-11-02T03:10:00.000Z");
    expect(glm.firstSeenAt).not.toBe(glm.occurredAt);
    const detail = await getEventDetail(t.db, glm.id);
    expect(detail!.event.story.languages).toEqual(["en", "zh"]);
    expect(detail!.sources.map((s) => s.lang).sort()).toEqual(["en", "zh-CN"]);

    // Dates filter by when it happened, not when chipwatch saw it.
    const november = await listEvents(t.db, { from: new Date("2026-11-01"), to: new Date("2026-11-03") }, { sort: "priority", page: 1, limit: 50 });
    expect(november.items.map((e) => e.story.id)).toContain(glm.story.id);
    const [row0] = await t.db.select({ occurredAt: events.occurredAt }).from(events).where(eq(events.id, glm.id));
    expect(row0!.occurredAt?.toISOString()).toBe("2026-11-02T03:10:00.000Z");

    // The timeline counts it in the month and week it happened, with quiet periods as zeros.
    const months = await timeline(t.db, { indicator: "pretraining_on_domestic", from: new Date("2026-09-01"), to: new Date("2026-12-01"), bucket: "month" });
    expect(months.map((m) => m.period)).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
    expect(months.map((m) => m.flagged)).toEqual([0, 0, 1]);
    const weeks = await timeline(t.db, { indicator: "pretraining_on_domestic", from: new Date("2026-10-26"), to: new Date("2026-11-09"), bucket: "week" });
    expect(weeks).toEqual([
      { period: "2026-10-26", flagged: 0, confirmed: 0, dismissed: 0 },
      { period: "2026-11-02", flagged: 1, confirmed: 0, dismissed: 0 },
    ]);
  });
});
