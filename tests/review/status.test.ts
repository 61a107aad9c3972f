import { describe, expect, it } from "vitest";
import { statusForScore, STATUS_AFTER_REVIEW } from "../../src/review/status.ts";

describe("statusForScore", () => {
  it("flags a new or candidate event at or above the threshold", () => {
    expect(statusForScore(null, 0.5, 0.5)).toBe("flagged");
    expect(statusForScore(null, 0.49, 0.5)).toBe("candidate");
    expect(statusForScore("candidate", 0.9, 0.5)).toBe("flagged");
    expect(statusForScore("candidate", 0.2, 0.5)).toBe("candidate");
  });

  it("keeps a flag when the score drops, and never re-flags an analyst's decision", () => {
    expect(statusForScore("flagged", 0.1, 0.5)).toBe("flagged");
    expect(statusForScore("dismissed", 0.9, 0.5)).toBe("dismissed");
    expect(statusForScore("confirmed", 0.9, 0.5)).toBe("confirmed");
  });

  it("maps review actions to statuses; a note changes nothing", () => {
    expect(STATUS_AFTER_REVIEW).toEqual({ confirm: "confirmed", dismiss: "dismissed", note: null, reopen: "flagged" });
  });
});
