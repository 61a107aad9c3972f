import { describe, expect, it } from "vitest";
import { parseFeedDate, type DateReading } from "../../src/ingest/feed-date.ts";

const iso = (v: unknown, reading: DateReading = {}) => parseFeedDate(v, reading)?.toISOString() ?? null;
const zh = { chinese: true };

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

  it("reads zone-less times of a Chinese feed as UTC+8, in every form Chinese sites write", () => {
    expect(iso("2024-01-02 03:04:05", zh)).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("2024/01/02 03:04", zh)).toBe("2024-01-01T19:04:00.000Z");
    expect(iso("2024年01月02日 03:04", zh)).toBe("2024-01-01T19:04:00.000Z");
    expect(iso("2024年1月2日 下午3:04", zh)).toBe("2024-01-02T07:04:00.000Z");
    expect(iso("2024-01-02T03:04:05+08:00", zh)).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("2024-01-02T03:04:05Z", zh)).toBe("2024-01-02T03:04:05.000Z");
  });

  it("knows CST as China time in a Chinese feed (US Central elsewhere) and HKT, JST, KST, SGT", () => {
    expect(iso("Tue, 02 Jan 2024 03:04:05 CST", zh)).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("Tue, 02 Jan 2024 03:04:05 CST")).toBe("2024-01-02T09:04:05.000Z");
    expect(iso("2024-01-02 03:04:05 CST", zh)).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("Tue, 02 Jan 2024 03:04:05 HKT")).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("Tue, 02 Jan 2024 03:04:05 SGT")).toBe("2024-01-01T19:04:05.000Z");
    expect(iso("Tue, 02 Jan 2024 03:04:05 JST")).toBe("2024-01-01T18:04:05.000Z");
    expect(iso("Tue, 02 Jan 2024 03:04:05 KST")).toBe("2024-01-01T18:04:05.000Z");
  });

  it("reads weekday and month names in other languages, and 12-hour clocks", () => {
    expect(iso("Mar, 02 Gen 2024 15:04:05 +0100")).toBe("2024-01-02T14:04:05.000Z");
    expect(iso("Lunedì, 02 Gennaio 2006 15:04:05 +0100")).toBe("2006-01-02T14:04:05.000Z");
    expect(iso("Seg, 09 Set 2024 15:04:05 -0300")).toBe("2024-09-09T18:04:05.000Z");
    expect(iso("Jan 2, 2006 3:04 PM")).toBe("2006-01-02T15:04:00.000Z");
    expect(iso("Jan 2, 2006 12:04 AM PST")).toBe("2006-01-02T08:04:00.000Z");
    expect(iso("Thu Jan 02 2006 15:04:05 GMT+0800 (CST)")).toBe("2006-01-02T07:04:05.000Z");
    expect(iso("Thu, 01 Dec 94 10:00:00 -0500")).toBe("1994-12-01T15:00:00.000Z");
  });

  it("uses a configured IANA zone, with daylight saving, for zone-less times only", () => {
    expect(iso("2024-07-01 12:00", { timeZone: "Europe/Berlin" })).toBe("2024-07-01T10:00:00.000Z");
    expect(iso("2024-01-01 12:00", { timeZone: "Europe/Berlin", chinese: true })).toBe("2024-01-01T11:00:00.000Z");
    expect(iso("2024-01-01T12:00:00Z", { timeZone: "Europe/Berlin" })).toBe("2024-01-01T12:00:00.000Z");
  });

  it("returns null for garbage, empty and implausible dates", () => {
    expect(iso("yesterday")).toBeNull();
    expect(iso("")).toBeNull();
    expect(iso(undefined)).toBeNull();
    expect(iso("0001-01-01T00:00:00Z")).toBeNull();
    expect(iso("9999-12-31")).toBeNull();
    expect(iso("2024-02-30")).toBeNull();
    expect(iso("Tue, 02 Jan 2024 03:04:05 XYZ")).toBeNull();
  });
});
