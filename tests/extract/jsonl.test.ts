import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runExtractJsonl, toJsonlRecord } from "../../src/extract/jsonl.ts";
import { extract, getRulesetVersion } from "../../src/extract/extract.ts";

describe("jsonl", () => {
  it("toJsonlRecord keeps exactly the scorer's fields and drops negated claims", () => {
    const x = extract({ title: "", text: "Alibaba uses Huawei's Ascend chips for inference rather than for training." });
    const rec = toJsonlRecord("a1", x);
    expect(Object.keys(rec).sort()).toEqual(["claims", "entities", "id", "indicators"]);
    expect(rec.claims).toEqual([{ subject: "Alibaba", chip: "Huawei Ascend", stage: "inference", modality: "achieved" }]);
    expect(Object.keys(rec.entities[0]!).sort()).toEqual(["end", "name", "start", "surface", "type"]);
    expect(rec.indicators.map((i) => i.id)).toContain("inference_on_domestic");
  });

  it("writes one line per input line and survives bad lines", async () => {
    const input = Readable.from([
      JSON.stringify({ id: "ok", title: "Huawei", text: "Ascend 910C output doubles." }) + "\n",
      "{not json\n",
      JSON.stringify({ id: 7, title: 3 }) + "\n",
      JSON.stringify({ id: "zh", title: "", text: "寒武纪思元590", lang: "zh" }) + "\n",
    ]);
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on("data", (c: Buffer) => chunks.push(c.toString()));
    const stats = await runExtractJsonl(input, out);
    const lines = chunks.join("").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(stats).toEqual({ lines: 4, errors: 2 });
    expect(lines.map((l) => l.id)).toEqual(["ok", null, "7", "zh"]);
    expect(lines[1]!.error).toBeTypeOf("string");
    expect(lines[2]!.error).toBeTypeOf("string");
    expect((lines[3]!.entities as { name: string }[]).map((e) => e.name).sort()).toEqual(["Cambricon", "Cambricon MLU590"]);
  });

  it("records a stable content-hashed ruleset version", () => {
    const v = getRulesetVersion();
    expect(v).toMatch(/^rs-[0-9a-f]{16}$/);
    expect(extract({ title: "x", text: "y" }).rulesetVersion).toBe(v);
  });
});
