import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes, normaliseEncoding } from "../../src/ingest/decode.ts";

const zh = "<rss><channel><title>华为昇腾910B芯片用于训练大模型，寒武纪发布新品。</title></channel></rss>";
const prolog = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>\n`;

describe("decodeFeedBytes", () => {
  it("decodes GB2312/GBK declared in the XML prolog via GB18030", () => {
    const bytes = iconv.encode(prolog("gb2312") + zh, "gbk");
    const out = decodeFeedBytes(bytes, "application/rss+xml");
    expect(out.encoding).toBe("gb18030");
    expect(out.text).toContain("华为昇腾910B芯片");
  });

  it("prefers the HTTP charset over the prolog", () => {
    const bytes = iconv.encode(prolog("utf-8") + zh, "gb18030");
    expect(decodeFeedBytes(bytes, "text/xml; charset=GBK").text).toContain("寒武纪");
  });

  it("prefers a BOM over the HTTP charset and strips it", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("  \n" + zh)]);
    const out = decodeFeedBytes(bytes, "text/xml; charset=iso-8859-1");
    expect(out.encoding).toBe("utf-8");
    expect(out.text.startsWith("<rss>")).toBe(true);
  });

  it("reads UTF-16 with a BOM and without one (zero-byte pattern)", () => {
    const le = iconv.encode(prolog("utf-16") + zh, "utf-16le");
    expect(decodeFeedBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), null).text).toContain("昇腾");
    const be = iconv.encode(zh, "utf-16be");
    const out = decodeFeedBytes(be, null);
    expect(out.encoding).toBe("utf-16be");
    expect(out.text).toContain("昇腾");
  });

  it("ignores a UTF-16 label on ASCII-compatible bytes", () => {
    const out = decodeFeedBytes(Buffer.from(prolog("utf-16") + zh), null);
    expect(out.encoding).toBe("utf-8");
    expect(out.text).toContain("昇腾");
  });

  it("reads an HTML meta charset", () => {
    const html = `<html><head><meta charset="gbk"><title>新闻</title></head></html>`;
    expect(decodeFeedBytes(iconv.encode(html, "gbk"), "text/html").text).toContain("<title>新闻</title>");
  });

  it("falls back to GB18030 for undeclared Chinese bytes and windows-1252 for Latin bytes", () => {
    const gb = decodeFeedBytes(iconv.encode(zh, "gb18030"), null);
    expect(gb.encoding).toBe("gb18030");
    expect(gb.text).toContain("华为");
    const latin = decodeFeedBytes(iconv.encode("<title>Café “quoted” naïve</title>", "windows-1252"), null);
    expect(latin.encoding).toBe("windows-1252");
    expect(latin.text).toContain("Café “quoted” naïve");
  });

  it("keeps UTF-8 when only a stray byte is invalid", () => {
    const bytes = Buffer.concat([Buffer.from("<t>华为昇腾 "), Buffer.from([0xff]), Buffer.from("</t>")]);
    const out = decodeFeedBytes(bytes, null);
    expect(out.encoding).toBe("utf-8");
    expect(out.text).toContain("华为昇腾");
  });

  it("skips bogus labels", () => {
    const out = decodeFeedBytes(Buffer.from(prolog("bogus") + "<a>é</a>"), "text/xml; charset=nonsense");
    expect(out).toEqual({ encoding: "utf-8", text: prolog("bogus") + "<a>é</a>" });
  });

  it("decodes windows-1251 Cyrillic declared in the prolog", () => {
    const bytes = iconv.encode(prolog("windows-1251") + "<t>Новости</t>", "win1251");
    expect(decodeFeedBytes(bytes, null).text).toContain("Новости");
  });
});

describe("normaliseEncoding", () => {
  it("maps Chinese and Latin-1 labels and rejects unknown ones", () => {
    expect(normaliseEncoding("GB2312")).toBe("gb18030");
    expect(normaliseEncoding(" 'ISO-8859-1' ")).toBe("windows-1252");
    expect(normaliseEncoding("Big5")).toBe("big5");
    expect(normaliseEncoding("x-unknown")).toBeNull();
    expect(normaliseEncoding(null)).toBeNull();
  });
});
