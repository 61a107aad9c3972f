import { describe, expect, it } from "vitest";
import { canonicalFeedUrl, canonicalTimeZone, checkFeedInput, FEED_URL_MAX_CHARS } from "../../src/feeds/feed-input.ts";

describe("canonicalFeedUrl", () => {
  it("normalises what cannot change the request, and keeps what might", () => {
    expect(canonicalFeedUrl(" HTTPS://Example.COM:443/a/../feed/?b=2&a=1&utm_source=x#frag ")).toBe(
      "https://example.com/feed/?b=2&a=1&utm_source=x",
    );
    expect(canonicalFeedUrl("http://例子.cn/rss")).toBe("http://xn--fsqu00a.cn/rss");
    expect(canonicalFeedUrl("http://example.com:8080")).toBe("http://example.com:8080/");
  });

  it("refuses anything but absolute http(s) URLs with a host", () => {
    for (const bad of ["ftp://example.com/feed", "javascript:alert(1)", "/relative/feed", "https://", "file:///etc/passwd", "not a url"]) {
      expect(canonicalFeedUrl(bad), bad).toBeNull();
    }
  });
});

describe("canonicalTimeZone", () => {
  it("accepts IANA names in any case and returns their canonical spelling", () => {
    expect(canonicalTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(canonicalTimeZone("asia/shanghai")).toBe("Asia/Shanghai");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    // The name given, not ICU's older canonical spelling (Asia/Calcutta, America/Buenos_Aires).
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
  });

  it("refuses unknown names, offsets and abbreviations", () => {
    for (const bad of ["Mars/Olympus", "+08:00", "UTC+8", "CST", "EST", "PRC", "", " Asia/Shanghai", "Asia/Shanghai/"]) expect(canonicalTimeZone(bad), bad).toBeNull();
  });
});

describe("checkFeedInput", () => {
  it("returns the canonical feed, with empty optional fields dropped", () => {
    expect(checkFeedInput({ url: "HTTPS://A.example/feed#x", title: "", timezone: "asia/tokyo", lang: "zh-CN" })).toEqual({
      ok: true,
      feed: { url: "https://a.example/feed", kind: "rss", timezone: "Asia/Tokyo", lang: "zh-CN" },
    });
  });

  it("names the first problem", () => {
    expect(checkFeedInput({})).toMatchObject({ ok: false, reason: expect.stringMatching(/^url: /) });
    expect(checkFeedInput({ url: "ftp://a.example/" })).toEqual({ ok: false, reason: "url: must be an http(s) URL" });
    expect(checkFeedInput({ url: "https://a.example/", lang: "chinese!" })).toEqual({
      ok: false,
      reason: "lang: must be a language code like en or zh-CN",
    });
    expect(checkFeedInput({ url: "https://a.example/", timezone: "CST" })).toEqual({
      ok: false,
      reason: "timezone: must be an IANA time zone name like Asia/Shanghai or UTC",
    });
  });

  it("limits the URL's length after canonicalisation", () => {
    const base = "https://a.example/";
    const fits = base + "a".repeat(FEED_URL_MAX_CHARS - base.length);
    expect(checkFeedInput({ url: fits })).toMatchObject({ ok: true });
    expect(checkFeedInput({ url: fits + "a" })).toEqual({ ok: false, reason: `url: must be at most ${FEED_URL_MAX_CHARS} characters` });
    // 700 characters that percent-encode to 2,100: too long once stored.
    expect(checkFeedInput({ url: base + "\u00e9".repeat(350) })).toEqual({
      ok: false,
      reason: `url: must be at most ${FEED_URL_MAX_CHARS} characters`,
    });
    expect(checkFeedInput({ url: base + "x".repeat(1_000_000) })).toMatchObject({ ok: false });
  });
});
