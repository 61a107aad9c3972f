// Log format: JSON for services and pipes, readable lines for a person at a terminal (or when asked).
import { describe, expect, it } from "vitest";
import { wantsPretty } from "../../src/observability/logger.ts";

describe("log format", () => {
  it("is pretty only when asked, or on a terminal under auto", () => {
    expect(wantsPretty("auto", true)).toBe(true);
    expect(wantsPretty("auto", false)).toBe(false);
    expect(wantsPretty("json", true)).toBe(false);
    expect(wantsPretty("pretty", false)).toBe(true);
  });
});
