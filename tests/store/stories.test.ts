// Stories across languages in the store: the English and the Chinese report of one event join one story (content
// linking, not SimHash), so each indicator has one event with both as sources, and the API's story brief shows
// both languages and both outlets. A different story in the same week stays apart; an event is dated by its
// earliest published source.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getEventDetail, listEvents } from "../../src/store/repositories/events.ts";
import { entityView } from "../../src/store/repositories/entities.ts";
import { storyQueue } from "../../src/store/repositories/story-queue.ts";
import { timeline } from "../../src/store/repositories/timeline.ts";
import { articles, events } from "../../src/store/schema.ts";
import { loadConfig } from "../../src/config.ts";
import { extract } from "../../src/extract/extract.ts";
import { storyFacts } from "../../src/extract/story-facts.ts";
import { TITLE_SEPARATOR } from "../../src/extract/types.ts";
import { storeNewArticles } from "../../src/jobs/extract-and-store.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { linkReason } from "../../src/review/story-link.ts";
import { row, storeBilingualStories, GLM_EN_URL, GLM_ZH_URL, LONGCAT_URL } from "../support/bilingual-stories.ts";
import { availableDrivers, useTestDatabase } from "../support/db.ts";

describe.each(availableDrivers())("stories across languages on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("puts the English and Chinese GLM-5 reports in one story with en and zh and two sources", async () => {
    await storeBilingualStories(t.db);
    const stored = await t.db.select({ url: articles.url, clusterId: articles.clusterId }).from(articles);
    const story = (url: string) => stored.find((a) => a.url === url)!.clusterId;
    expect(story(GLM_ZH_URL)).toBe(story(GLM_EN_URL));
    expect(story(LONGCAT_URL)).not.toBe(story(GLM_EN_URL));

    const page = await listEvents(t.db, { indicator: "pretraining_on_domestic" }, { sort: "priority", page: 1, limit: 10 });
    const glm = page.items.find((e) => e.story.id === story(GLM_EN_URL))!;
    expect(glm.story).toEqual({ id: story(GLM_EN_URL), languages: ["en", "zh"], sources: 2 });
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

    // The story queue: one item per story, carrying all of its indicators.
    const queue = await storyQueue(t.db, { page: 1, limit: 10 });
    expect(queue.total).toBe(2);
    const item = queue.items.find((i) => i.story.id === glm.story.id)!;
    expect(item.story.languages).toEqual(["en", "zh"]);
    expect(item.events.map((e) => e.indicator)).toEqual(expect.arrayContaining(["pretraining_on_domestic", "training_migration"]));
    expect(new Set(item.events.map((e) => e.story.id))).toEqual(new Set([glm.story.id]));
    expect(item.occurredAt).toBe("2026-11-02T03:10:00.000Z");

    // The model's view: how it is written, its claims, its events over time.
    const glm5 = await entityView(t.db, "model", "glm-5");
    expect(glm5!.entity).toEqual({ type: "model", name: "GLM-5" });
    expect(glm5!.aliases).toContain("GLM-5");
    expect(glm5!.claims.find((c) => c.chip === "Huawei Ascend 910C" && c.stage === "pretraining")).toMatchObject({ sources: 2, firstSeenAt: "2026-11-02T03:10:00.000Z" });
    expect(glm5!.events.map((e) => e.id)).toContain(glm.id);
    expect(glm5!.timeline).toEqual([{ period: "2026-11", events: glm5!.events.length }]);
    expect(await entityView(t.db, "chip", "No Such Chip")).toBeNull();
  });

  it("joins reports that only name and state the same things (a city's fund), across polls, and keeps another fund apart", async () => {
    const [en, zh] = await addFeeds(t.db, [
      { url: "https://policy.example/en", title: "Policy (en)", lang: "en" },
      { url: "https://caixun.example/zh", title: "财讯 (zh)", lang: "zh" },
    ]);
    const fundEn = row(en!.id, "https://policy.example/fund", "Shenzhen sets up 20 billion yuan fund for AI chip design",
      "The Shenzhen municipal government has set up a 20 billion yuan fund for AI chip design and advanced packaging. The fund will be managed by Shenzhen Capital Group and aims to draw a further 40 billion yuan from private investors.",
      "en", "2026-12-01T02:00:00Z");
    const fundZh = row(zh!.id, "https://caixun.example/fund", "深圳再出手：200亿元母基金聚焦AI芯片设计",
      "深圳市政府宣布设立规模200亿元的人工智能芯片产业基金，由深创投管理，力争撬动社会资本400亿元。",
      "zh-CN", "2026-12-02T01:00:00Z");
    const other = row(zh!.id, "https://caixun.example/other-fund", "深圳设立50亿元集成电路设计子基金",
      "深圳市政府宣布设立规模50亿元的集成电路设计子基金，重点投向GPU和EDA工具企业。",
      "zh-CN", "2026-12-03T01:00:00Z");
    // Nothing but content links them: no claim, no shared headline name.
    const facts = (r: typeof fundEn) => storyFacts(extract({ title: r.title, text: r.summary, lang: r.lang }), r.title.length, r.title + TITLE_SEPARATOR + r.summary);
    expect(linkReason(facts(fundEn), facts(fundZh))).toBe("content");
    const deps = { db: t.db, config: loadConfig({}) };
    await storeNewArticles([fundEn], deps);
    await storeNewArticles([fundZh, other], deps);
    const stored = await t.db.select({ url: articles.url, clusterId: articles.clusterId }).from(articles);
    const story = (url: string) => stored.find((a) => a.url === url)!.clusterId;
    expect(story(fundZh.url)).toBe(story(fundEn.url));
    expect(story(other.url)).not.toBe(story(fundEn.url));
  });
});

