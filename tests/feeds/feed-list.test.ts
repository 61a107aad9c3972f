// OPML import at the sizes that used to break it (20,000 outlines: one INSERT over PostgreSQL's parameter limit;
// 50,000: a stack overflow while building that INSERT), on both drivers, and export/import of our attributes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { exportOpml, importOpml } from "../../src/feeds/feed-list.ts";
import { withoutQueryText } from "../../src/observability/query-error.ts";
import { countFeeds, listFeeds } from "../../src/store/repositories/feeds.ts";
import { feeds } from "../../src/store/schema.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

const DEFAULTS = { FEED_DEFAULT_INTERVAL_S: 900 };

/** `n` outlines: every 100th has a bad URL, every 50th repeats an earlier one in another spelling. */
function bigOpml(n: number, prefix: string): { xml: string; valid: number; invalid: number; repeated: number } {
  const lines: string[] = [];
  let invalid = 0;
  let repeated = 0;
  for (let i = 0; i < n; i++) {
    if (i % 100 === 99) {
      invalid++;
      lines.push(`<outline text="bad ${i}" xmlUrl="ftp://${prefix}.example/${i}"/>`);
    } else if (i % 50 === 49) {
      repeated++;
      lines.push(`<outline text="again ${i}" xmlUrl="HTTPS://${prefix.toUpperCase()}.EXAMPLE/feed/${i - 1}#dup"/>`);
    } else {
      lines.push(`<outline text="feed ${i}" xmlUrl="https://${prefix}.example/feed/${i}" language="zh"/>`);
    }
  }
  const xml = `<?xml version="1.0"?>\n<opml version="2.0"><head><title>big</title></head><body>\n${lines.join("\n")}\n</body></opml>\n`;
  return { xml, valid: n - invalid - repeated, invalid, repeated };
}

describe.each(availableDrivers())("OPML import on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => t?.destroy());

  it.each([20_000, 50_000])("imports %i outlines in batches and reports what it did with each", async (n) => {
    const prefix = `big${n}`;
    const before = await countFeeds(t.db);
    const list = bigOpml(n, prefix);
    const report = await importOpml(t.db, list.xml, DEFAULTS);
    expect(report).toMatchObject({ found: n, added: list.valid, alreadyPresent: list.repeated, invalid: list.invalid });
    expect(report.problems).toHaveLength(100);
    expect(report.problems[0]).toEqual({ url: `ftp://${prefix}.example/99`, reason: "url: must be an http(s) URL" });
    expect(await countFeeds(t.db)).toBe(before + list.valid);

    const again = await importOpml(t.db, list.xml, DEFAULTS);
    expect(again).toMatchObject({ found: n, added: 0, alreadyPresent: list.valid + list.repeated, invalid: list.invalid });
  }, 300_000);

  it("exports what it imports, chipwatch settings included", async () => {
    const report = await importOpml(
      t.db,
      `<opml version="2.0" xmlns:cw="urn:chipwatch:opml"><body>
        <outline text="Zone" xmlUrl="https://zone.example/feed" language="zh" category="press" cw:timezone="Asia/Shanghai" cw:fullText="true"/>
      </body></opml>`,
      DEFAULTS,
    );
    expect(report.added).toBe(1);
    const xml = await exportOpml(t.db);
    expect(xml).toContain(
      'xmlUrl="https://zone.example/feed" language="zh" category="press" chipwatch:timezone="Asia/Shanghai" chipwatch:fullText="true"',
    );
    const feed = (await listFeeds(t.db)).find((f) => f.url === "https://zone.example/feed");
    expect(feed).toMatchObject({ timezone: "Asia/Shanghai", fetchFullText: true, category: "press", lang: "zh" });
  });

  it("shows a failed query by the database's reason, without its text or parameters", async () => {
    const secret = "https://secret-parameter.example/feed";
    const err = await t.db
      .insert(feeds)
      .values({ url: secret, intervalSeconds: Number.NaN })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(DrizzleQueryError);
    expect(String((err as Error).message)).toContain(secret);
    const shown = withoutQueryText(err) as Error;
    expect(shown.message).toMatch(/^database query failed/);
    expect(`${shown.message}\n${shown.stack}`).not.toContain(secret);
    expect(`${shown.message}\n${shown.stack}`).not.toMatch(/insert into/i);
  });
});
