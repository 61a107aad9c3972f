import { describe, expect, it } from "vitest";
import { parseListingDate } from "../../src/ingest/listing-date.ts";

// Fetched at 2026-11-21 10:00 in Shanghai (02:00 UTC).
const now = new Date("2026-11-21T02:00:00Z");
const shanghai = { timeZone: "Asia/Shanghai" };
const iso = (label: string, reading = shanghai) => parseListingDate(label, reading, now)?.toISOString() ?? null;

describe("parseListingDate", () => {
  it("reads relative dates against the fetch time", () => {
    expect(iso("3小时前")).toBe("2026-11-20T23:00:00.000Z");
    expect(iso("发布于 15 分钟前")).toBe("2026-11-21T01:45:00.000Z");
    expect(iso("2 days ago")).toBe("2026-11-19T02:00:00.000Z");
    expect(iso("an hour ago")).toBe("2026-11-21T01:00:00.000Z");
    expect(iso("半小时前")).toBe("2026-11-21T01:30:00.000Z");
    expect(iso("刚刚")).toBe(now.toISOString());
  });

  it("reads day words on the feed's calendar, with a time when given", () => {
    expect(iso("昨天 14:30")).toBe("2026-11-20T06:30:00.000Z");
    expect(iso("前天")).toBe("2026-11-18T16:00:00.000Z");
    expect(iso("today 09:15")).toBe("2026-11-21T01:15:00.000Z");
    // In New York it is still 20 November at 02:00 UTC: yesterday is the 19th there.
    expect(iso("yesterday", { timeZone: "America/New_York" })).toBe("2026-11-19T05:00:00.000Z");
  });

  it("reads absolute dates, inside labels too, in the feed's zone", () => {
    expect(iso("2026-11-18")).toBe("2026-11-17T16:00:00.000Z");
    expect(iso("2026年11月01日")).toBe("2026-10-31T16:00:00.000Z");
    expect(iso("发布时间：2026-11-20 09:30 来源：新华社")).toBe("2026-11-20T01:30:00.000Z");
    expect(iso("2026.11.05")).toBe("2026-11-04T16:00:00.000Z");
    expect(iso("Nov 3, 2026")).toBe("2026-11-02T16:00:00.000Z");
  });

  it("gives a month and day without a year this year, or last year when it is still to come", () => {
    expect(iso("11-20")).toBe("2026-11-19T16:00:00.000Z");
    expect(iso("12月25日")).toBe("2025-12-24T16:00:00.000Z");
  });

  it("returns null for labels that name no date, and stays linear on long hostile labels", () => {
    expect(iso("阅读全文")).toBeNull();
    expect(iso("")).toBeNull();
    expect(iso("1".repeat(100_000))).toBeNull();
    expect(iso("2026-".repeat(50_000))).toBeNull();
  });
});
