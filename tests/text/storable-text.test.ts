import { describe, expect, it } from "vitest";
import { storableText } from "../../src/text/storable-text.ts";

describe("storableText", () => {
  it("drops NUL and replaces lone surrogates, and leaves other text alone", () => {
    expect(storableText("a\u0000b")).toBe("ab");
    expect(storableText("x\ud800y")).toBe("x\ufffdy");
    expect(storableText("华为 😀 Ascend")).toBe("华为 😀 Ascend");
  });
});
