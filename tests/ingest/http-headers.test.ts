import { describe, expect, it } from "vitest";
import { parseMaxAge, parseRetryAfter } from "../../src/ingest/http-headers.ts";

describe("parseRetryAfter", () => {
  const now = new Date("2024-01-01T00:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter("Mon, 01 Jan 2024 00:01:30 GMT", now)).toBe(90);
    expect(parseRetryAfter("Sun, 31 Dec 2023 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("parseMaxAge", () => {
  it("reads max-age and treats no-cache as 0", () => {
    expect(parseMaxAge("public, max-age=3600")).toBe(3600);
    expect(parseMaxAge('max-age="60", must-revalidate')).toBe(60);
    expect(parseMaxAge("s-maxage=10")).toBeNull();
    expect(parseMaxAge("no-cache")).toBe(0);
    expect(parseMaxAge(null)).toBeNull();
  });
});
