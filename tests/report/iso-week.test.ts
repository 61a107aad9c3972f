import { describe, expect, it } from "vitest";
import { isoWeekOf, isoWeekRange, recentWeekStarts } from "../../src/report/iso-week.ts";
import { escapeMarkdown, markdownLink } from "../../src/report/digest.ts";

describe("ISO weeks", () => {
  it("names weeks across year boundaries", () => {
    expect(isoWeekOf(new Date("2026-01-01T12:00:00Z"))).toBe("2026-W01");
    expect(isoWeekOf(new Date("2027-01-01T12:00:00Z"))).toBe("2026-W53");
    expect(isoWeekOf(new Date("2024-12-30T00:00:00Z"))).toBe("2025-W01");
    expect(isoWeekOf(new Date("2026-03-01T23:59:59Z"))).toBe("2026-W09");
  });

  it("turns a week into its Monday-to-Monday range and rejects weeks that do not exist", () => {
    expect(isoWeekRange("2026-W01")).toEqual({ start: new Date("2025-12-29T00:00:00Z"), end: new Date("2026-01-05T00:00:00Z") });
    expect(isoWeekRange("2026-W53")?.start).toEqual(new Date("2026-12-28T00:00:00Z"));
    expect(isoWeekRange("2025-W53")).toBeNull();
    expect(isoWeekRange("2026-W00")).toBeNull();
    expect(isoWeekRange("2026-5")).toBeNull();
  });

  it("lists recent week starts oldest first", () => {
    expect(recentWeekStarts(new Date("2026-01-07T10:00:00Z"), 3)).toEqual(["2025-12-22", "2025-12-29", "2026-01-05"]);
  });
});

describe("digest Markdown", () => {
  it("escapes markup from feeds and links only http(s)", () => {
    expect(escapeMarkdown("a <script> [x](y) *b*")).toBe("a \\<script\\> \\[x\\](y) \\*b\\*");
    expect(markdownLink("t", "javascript:alert(1)")).toBe("t");
    expect(markdownLink("t", "https://e.example/a b(c)")).toBe("[t](https://e.example/a%20b%28c%29)");
  });
});
