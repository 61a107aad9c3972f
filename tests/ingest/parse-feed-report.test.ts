import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parseFeedFile } from "../../src/ingest/parse-feed-report.ts";

const dir = mkdtempSync(path.join(tmpdir(), "chipwatch-parse-feed-"));
const write = (name: string, data: string | Buffer) => {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
};

describe("parseFeedFile", () => {
  it("decodes, parses and reports items with ISO dates", async () => {
    const xml = `<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>中文频道</title>
      <item><title>昇腾</title><link>http://e.cn/1</link><guid>g</guid><pubDate>Tue, 02 Jan 2024 08:00:00 GMT</pubDate></item>
      <item><title>无日期</title></item></channel></rss>`;
    const report = await parseFeedFile(write("gb.xml", iconv.encode(xml, "gbk")));
    expect(report).toMatchObject({ ok: true, format: "rss", parser: "feedsmith", encoding: "gb18030", title: "中文频道" });
    expect(report.items).toEqual([
      { title: "昇腾", link: "http://e.cn/1", guid: "g", published: "2024-01-02T08:00:00.000Z" },
      { title: "无日期", link: null, guid: null, published: null },
    ]);
  });

  it("never throws: unreadable files and non-feeds come back as errors", async () => {
    const missing = await parseFeedFile(path.join(dir, "missing.xml"));
    expect(missing).toMatchObject({ ok: false, items: [] });
    expect(missing.error).toMatch(/ENOENT/);
    const html = await parseFeedFile(write("page.html", "<html><body>no feed</body></html>"));
    expect(html).toMatchObject({ ok: false, encoding: "utf-8", format: null });
    expect(html.error).toMatch(/^FeedParseError: not a feed/);
  });
});
