import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { anyOf, insertRows, recordset } from "../../src/store/bulk.ts";
import { queryRows } from "../../src/store/db.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { articles, events, storyClusters } from "../../src/store/schema.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

const dialect = new PgDialect();

describe("bulk statements", () => {
  it("have the same text and one parameter whatever the number of rows", () => {
    const row = (i: number) => ({ simhash: BigInt(i) });
    const one = dialect.sqlToQuery(insertRows(storyClusters, [row(1)]));
    const many = dialect.sqlToQuery(insertRows(storyClusters, Array.from({ length: 50 }, (_, i) => row(i))));
    expect(many.sql).toBe(one.sql);
    expect(many.params).toHaveLength(1);
    const ids = (n: number) => dialect.sqlToQuery(sql`select 1 where ${anyOf(articles.id, Array.from({ length: n }, (_, i) => i))}`);
    expect(ids(3).sql).toBe(ids(300).sql);
    expect(ids(300).params).toHaveLength(1);
  });
});

describe.each(availableDrivers())("bulk statements on %s", (driver) => {
  let t: TestDatabase;
  let feedId: number;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    const [feed] = await addFeeds(t.db, [{ url: "https://bulk.example/feed" }]);
    feedId = feed!.id;
  });
  afterAll(async () => t?.destroy());

  it("insert rows of every column type as they were given, text made storable", async () => {
    const published = new Date("2026-03-04T05:06:07.089Z");
    const rows = [
      {
        feedId,
        url: "https://bulk.example/1",
        guid: "g1",
        title: "NUL\u0000 and a lone \ud800 surrogate",
        summary: "“quotes”, 'apostrophes', \\ backslashes, 华为昇腾",
        publishedAt: published,
        contentHash: "h1",
        simhash: -(2n ** 63n),
      },
      { feedId, url: "https://bulk.example/2", guid: null, title: "second", contentHash: "h2", simhash: 2n ** 63n - 1n },
    ];
    const inserted = await queryRows<{ id: number | string }>(t.db, sql`${insertRows(articles, rows)} returning id`);
    expect(inserted).toHaveLength(2);
    const stored = await t.db.select().from(articles).orderBy(asc(articles.id));
    expect(stored.map((a) => [a.title, a.summary, a.publishedAt?.toISOString() ?? null, a.simhash, a.guid])).toEqual([
      ["NUL and a lone \ufffd surrogate", rows[0]!.summary, published.toISOString(), -(2n ** 63n), "g1"],
      // A column only some rows set is null in the others; a column no row sets takes its default.
      ["second", "", null, 2n ** 63n - 1n, null],
    ]);
    expect(stored.every((a) => a.fetchedAt instanceof Date)).toBe(true);
  });

  it("insert jsonb values as JSON, and match lists and tuples passed as one parameter", async () => {
    const [cluster] = await t.db.insert(storyClusters).values({ simhash: 1n }).returning();
    await t.db.execute(
      sql`${insertRows(events, [
        { indicator: "export_controls", clusterId: cluster!.id, title: "a", score: 0.5, rules: ["r.1", "r.2"], status: "flagged" },
        { indicator: "chip_policy", clusterId: cluster!.id, title: "b", score: 0.25, rules: [], status: "candidate" },
      ])}`,
    );
    const stored = await t.db.select().from(events).orderBy(asc(events.id));
    expect(stored.map((e) => [e.indicator, e.rules, e.score])).toEqual([
      ["export_controls", ["r.1", "r.2"], 0.5],
      ["chip_policy", [], 0.25],
    ]);
    const byId = await t.db.select({ title: events.title }).from(events).where(anyOf(events.id, [stored[1]!.id, 999_999]));
    expect(byId).toEqual([{ title: "b" }]);
    const pairs = recordset({ indicator: events.indicator, clusterId: events.clusterId }, [
      { indicator: "chip_policy", clusterId: cluster!.id },
      { indicator: "export_controls", clusterId: cluster!.id + 1 },
    ]);
    const byPair = await t.db.select({ title: events.title }).from(events).where(sql`(${events.indicator}, ${events.clusterId}) in (${pairs})`);
    expect(byPair).toEqual([{ title: "b" }]);
    expect(await t.db.select().from(events).where(anyOf(events.id, []))).toEqual([]);
  });
});
