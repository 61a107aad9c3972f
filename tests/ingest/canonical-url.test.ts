import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/ingest/canonical-url.ts";

describe("canonicalUrl", () => {
  it("lowercases scheme and host, drops default port and fragment", () => {
    expect(canonicalUrl("HTTP://Example.COM:80/a/B?x=1#frag")).toBe("http://example.com/a/B?x=1");
    expect(canonicalUrl("https://example.com:443/")).toBe("https://example.com/");
    expect(canonicalUrl("https://example.com:8443/a")).toBe("https://example.com:8443/a");
  });

  it("drops tracking parameters but keeps content parameters, sorted", () => {
    expect(
      canonicalUrl("https://e.com/news?utm_source=rss&p=42&utm_medium=feed&id=7&fbclid=abc&from=timeline&spm=a.b.c"),
    ).toBe("https://e.com/news?id=7&p=42");
    expect(canonicalUrl("https://e.com/?gclid=1&UTM_Campaign=x")).toBe("https://e.com/");
  });

  it("treats parameter order as irrelevant", () => {
    expect(canonicalUrl("https://e.com/a?b=2&a=1")).toBe(canonicalUrl("https://e.com/a?a=1&b=2"));
  });

  it("normalises trailing and duplicate slashes, keeps the root slash", () => {
    expect(canonicalUrl("https://e.com/a/b/")).toBe("https://e.com/a/b");
    expect(canonicalUrl("https://e.com//a//b")).toBe("https://e.com/a/b");
    expect(canonicalUrl("https://e.com")).toBe("https://e.com/");
  });

  it("resolves relative URLs against a base", () => {
    expect(canonicalUrl("../c?utm_source=x", "https://e.com/a/b/index.html")).toBe("https://e.com/a/c");
    expect(canonicalUrl("/x", "http://News.Example.cn/y/")).toBe("http://news.example.cn/x");
  });

  it("returns null for non-http(s) or unparsable input", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("mailto:a@b.c")).toBeNull();
    expect(canonicalUrl("ftp://e.com/f")).toBeNull();
    expect(canonicalUrl("/relative/without/base")).toBeNull();
    expect(canonicalUrl("http://")).toBeNull();
  });

  it("keeps IDN hosts in punycode and strips credentials", () => {
    expect(canonicalUrl("https://user:pw@例子.中国/新闻")).toBe(
      "https://xn--fsqu00a.xn--fiqs8s/%E6%96%B0%E9%97%BB",
    );
  });
});
