import { describe, expect, it } from "vitest";
import { parseFeedDate } from "../../src/ingest/feed-date.ts";

const iso = (v: unknown) => parseFeedDate(v)?.toISOString() ?? null;

describe("parseFeedDate", () => {
  it("reads RFC 822, ISO 8601 and zone-less forms (as UTC)", () => {
    expect(iso("Mon, 02 Jan 2006 15:04:05 GMT")).toBe("2006-01-02T15:04:05.000Z");
    expect(iso("02 Jan 2006 15:04:05 +0800")).toBe("2006-01-02T07:04:05.000Z");
    expect(iso("Mon, 02 Jan 2006 15:04:05 UT")).toBe("2006-01-02T15:04:05.000Z");
    expect(iso("2006-01-02T15:04:05+08:00")).toBe("2006-01-02T07:04:05.000Z");
    expect(iso("2024-03-05 08:09:10")).toBe("2024-03-05T08:09:10.000Z");
    expect(iso("2024/3/5")).toBe("2024-03-05T00:00:00.000Z");
    expect(iso("2024年3月5日 08:09")).toBe("2024-03-05T08:09:00.000Z");
  });

  it("returns null for garbage, empty and implausible dates", () => {
    expect(iso("yesterday")).toBeNull();
    expect(iso("")).toBeNull();
    expect(iso(undefined)).toBeNull();
    expect(iso("0001-01-01T00:00:00Z")).toBeNull();
    expect(iso("9999-12-31")).toBeNull();
  });
});
