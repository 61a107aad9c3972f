// Parsing never depends on the process time zone: the corpus parsed in child processes under TZ=UTC and
// TZ=Asia/Shanghai gives identical results (rss-parser's isoDate read zone-less dates in local time).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse.ts";
import { REPO } from "../support/feed-corpus.ts";

const run = promisify(execFile);

async function corpusResultsUnder(tz: string): Promise<Record<string, string>> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", path.join(REPO, "tests/support/print-corpus-results.ts")], {
    cwd: REPO,
    env: { ...process.env, TZ: tz },
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, string>;
}

const published = async (xml: string, opts = {}) => (await parseFeed(xml, opts)).items.map((i) => i.published?.toISOString() ?? null);

const rss = (channel: string, item: string) =>
  `<rss version="2.0" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>${channel}<item><title>a</title>${item}</item></channel></rss>`;

describe("time zones", () => {
  it("gives identical corpus results under TZ=UTC and TZ=Asia/Shanghai", async () => {
    const [utc, shanghai] = await Promise.all([corpusResultsUnder("UTC"), corpusResultsUnder("Asia/Shanghai")]);
    const files = Object.keys(utc);
    expect(files.length).toBeGreaterThan(2800);
    expect(files.filter((f) => utc[f] !== shanghai[f])).toEqual([]);
  }, 240_000);

  it("reads zone-less timestamps of a Chinese feed as UTC+8, of others as UTC", async () => {
    const item = "<pubDate>2024-01-02 03:04:05</pubDate>";
    expect(await published(rss("<language>zh-cn</language>", item))).toEqual(["2024-01-01T19:04:05.000Z"]);
    expect(await published(rss("<language>en</language>", item))).toEqual(["2024-01-02T03:04:05.000Z"]);
    expect(await published(rss("", item), { lang: "zh" })).toEqual(["2024-01-01T19:04:05.000Z"]);
    // The configured language outranks the declared one.
    expect(await published(rss("<language>zh-cn</language>", item), { lang: "en" })).toEqual(["2024-01-02T03:04:05.000Z"]);
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hans"><title>t</title>
      <entry><id>1</id><title>a</title><updated>2024-01-02T03:04:05</updated></entry></feed>`;
    expect(await published(atom)).toEqual(["2024-01-01T19:04:05.000Z"]);
    const json = JSON.stringify({ version: "https://jsonfeed.org/version/1.1", language: "zh-CN", items: [{ id: "1", date_published: "2024-01-02 03:04:05" }] });
    expect(await published(json)).toEqual(["2024-01-01T19:04:05.000Z"]);
  });

  it("uses the feed's configured IANA zone, with its daylight-saving rules", async () => {
    const item = "<pubDate>2024-07-01 12:00</pubDate>";
    expect(await published(rss("<language>zh-cn</language>", item), { timezone: "Europe/Berlin" })).toEqual(["2024-07-01T10:00:00.000Z"]);
    expect(await published(rss("", "<pubDate>2024-01-01 12:00</pubDate>"), { timezone: "Europe/Berlin" })).toEqual(["2024-01-01T11:00:00.000Z"]);
    // An explicit zone in the text always wins.
    expect(await published(rss("", "<pubDate>Mon, 01 Jul 2024 12:00:00 GMT</pubDate>"), { timezone: "Asia/Tokyo" })).toEqual(["2024-07-01T12:00:00.000Z"]);
  });

  it("reads dcterms:issued/modified and atom:published/updated inside RSS items", async () => {
    expect(await published(rss("", "<dcterms:issued>2024-01-02T00:00:00Z</dcterms:issued>"))).toEqual(["2024-01-02T00:00:00.000Z"]);
    expect(await published(rss("", "<dcterms:modified>2024-01-03T00:00:00Z</dcterms:modified>"))).toEqual(["2024-01-03T00:00:00.000Z"]);
    expect(await published(rss("", "<atom:published>2024-01-04T00:00:00Z</atom:published>"))).toEqual(["2024-01-04T00:00:00.000Z"]);
    expect(await published(rss("", "<atom:updated>2024-01-05T00:00:00Z</atom:updated>"))).toEqual(["2024-01-05T00:00:00.000Z"]);
  });
});
