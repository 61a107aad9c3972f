import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SENTENCE, splitSentences } from "../../src/extract/sentences.ts";
import { extract } from "../../src/extract/extract.ts";
import { claimKeys, run } from "./helpers.ts";

const evalDir = resolve(import.meta.dirname, "../../../shared/eval");
const articles = ["dev.jsonl", "dev2.jsonl"].flatMap((f) =>
  readFileSync(join(evalDir, f), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { title: string; text: string }),
);

describe("sentence splitting", () => {
  it("splits at full stops, Chinese stops and newlines, not after abbreviations", () => {
    const text = "Huawei shipped the U.S. parts. 华为发布新品。它很快\nNext line";
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(["Huawei shipped the U.S. parts.", "华为发布新品。", "它很快\n", "Next line"]);
  });

  it("leaves every sentence of real articles whole (the length cap only cuts run-on text)", () => {
    for (const a of articles) {
      const text = `${a.title}\n\n${a.text}`;
      expect(splitSentences(text)).toEqual(splitSentences(text, undefined, Infinity));
    }
  });

  it("cuts an over-long sentence at clause breaks into pieces of at most MAX_SENTENCE characters", () => {
    const text = "Ascend 910B chips used to train the model, ".repeat(100);
    const pieces = splitSentences(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const s of pieces) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
      expect(text.slice(s.start, s.end)).toMatch(/^Ascend .*, ?$/);
    }
    // Chinese without any break: cut at the limit, never inside a surrogate pair.
    const zh = "华为昇腾训练推理部署𠀀".repeat(200);
    const cut = splitSentences(zh);
    expect(cut.map((s) => zh.slice(s.start, s.end)).join("")).toBe(zh);
    for (const s of cut) expect(zh.charCodeAt(s.end - 1) >= 0xd800 && zh.charCodeAt(s.end - 1) <= 0xdbff).toBe(false);
  });

  it("extracts from run-on text clause by clause", () => {
    const clause = "DeepSeek-R1 was served on Ascend 910C chips, ";
    const x = run(clause.repeat(200));
    expect(claimKeys(x)).toEqual(["DeepSeek-R1|Huawei Ascend 910C|inference"]);
    // Every sentence piece is bounded, so the evidence of each claim is too.
    for (const c of extract({ title: "", text: clause.repeat(200) }).claims) expect(c.evidence.end - c.evidence.start).toBeLessThanOrEqual(MAX_SENTENCE);
  });
});
