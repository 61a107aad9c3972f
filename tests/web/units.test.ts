import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/web/csv.ts";
import { highlightSegments } from "../../src/web/highlight.ts";
import { decodeSession, encodeSession, newSession, csrfToken, validCsrf } from "../../src/web/session.ts";
import { safeNext } from "../../src/web/auth.ts";
import { indicatorState } from "../../src/store/repositories/analytics.ts";
import { periodTick } from "../../src/web/pages/weekly-chart.tsx";

describe("csv", () => {
  it("quotes and neutralises formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

describe("highlightSegments", () => {
  it("splits text at mention offsets, dropping overlaps and out-of-range spans", () => {
    const text = "GLM-5 on <b>Ascend</b>";
    const segs = highlightSegments(text, [
      { start: 12, end: 18, type: "chip", name: "Huawei Ascend" },
      { start: 0, end: 5, type: "model", name: "GLM-5" },
      { start: 2, end: 4, type: "org", name: "overlap" },
      { start: 40, end: 50, type: "org", name: "outside" },
    ]);
    expect(segs.map((s) => [s.text, s.span?.type ?? null])).toEqual([
      ["GLM-5", "model"],
      [" on <b>", null],
      ["Ascend", "chip"],
      ["</b>", null],
    ]);
    expect(segs.map((s) => s.text).join("")).toBe(text);
  });
});

describe("sessions", () => {
  it("round-trips, expires, and rejects forgeries", () => {
    const s = newSession("alice", 1_000);
    const v = encodeSession("secret-a", s);
    expect(decodeSession("secret-a", v, 2_000)).toEqual(s);
    expect(decodeSession("secret-b", v, 2_000)).toBeNull();
    expect(decodeSession("secret-a", v, s.exp + 1)).toBeNull();
    const forged = Buffer.from(JSON.stringify({ ...s, actor: "admin" })).toString("base64url") + v.slice(v.indexOf("."));
    expect(decodeSession("secret-a", forged, 2_000)).toBeNull();
    expect(validCsrf("secret-a", s, csrfToken("secret-a", s))).toBe(true);
    expect(validCsrf("secret-a", newSession("alice"), csrfToken("secret-a", s))).toBe(false);
  });

  it("only redirects to local paths after login", () => {
    expect(safeNext("/claims?x=1")).toBe("/claims?x=1");
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", undefined]) {
      expect(safeNext(bad)).toBe("/");
    }
  });
});

describe("indicator state", () => {
  it("derives the state from counts", () => {
    const counts = (o: Partial<Record<"flagged" | "candidate" | "confirmed" | "dismissed", number>>) => ({
      flagged: 0, candidate: 0, confirmed: 0, dismissed: 0, ...o,
    });
    expect(indicatorState({ indicator: "x", counts: counts({ dismissed: 3 }), corroboratedEvents: 0 })).toBe("unseen");
    expect(indicatorState({ indicator: "x", counts: counts({ candidate: 1 }), corroboratedEvents: 0 })).toBe("weak");
    expect(indicatorState({ indicator: "x", counts: counts({ flagged: 1 }), corroboratedEvents: 1 })).toBe("corroborated");
    expect(indicatorState({ indicator: "x", counts: counts({ flagged: 2 }), corroboratedEvents: 0 })).toBe("corroborated");
    expect(indicatorState({ indicator: "x", counts: counts({ confirmed: 1 }), corroboratedEvents: 0 })).toBe("confirmed");
  });
});

describe("periodTick", () => {
  it("labels months with their year, since a 13-month chart crosses a year boundary, and weeks by number", () => {
    expect(periodTick("2025-11")).toBe("Nov '25");
    expect(periodTick("2026-01")).toBe("Jan '26");
    expect(periodTick("2026-W48")).toBe("W48");
  });
});
