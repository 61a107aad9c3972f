import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { defaultExtractor } from "../../src/extract/extract.ts";
import { explain } from "../../src/extract/explain.ts";
import { runJsonl } from "../../src/extract/jsonl.ts";
import { logit } from "../../src/extract/indicators/score.ts";

const explainText = (title: string, text: string) => {
  const x = defaultExtractor();
  return explain(x.analyse({ title, text }), x.models);
};

describe("explain", () => {
  it("adds up: bias plus contributions is the score's log-odds, and listed matches the extraction", () => {
    const title = "Zhipu trains GLM-5 on Ascend chips";
    const text = "GLM-5 was pre-trained on Ascend 910B chips. The lab serves it on Cambricon MLU590 cards.";
    const e = explainText(title, text);
    const listed = defaultExtractor().extract({ title, text }).indicators.map((i) => i.id).sort();
    expect(e.indicators.filter((i) => i.listed).map((i) => i.id).sort()).toEqual(listed);
    expect(listed).toContain("pretraining_on_domestic");
    for (const ind of e.indicators) {
      const z = ind.bias + ind.contributions.reduce((a, c) => a + c.contribution, 0);
      expect(z).toBeCloseTo(logit(ind.score), 2);
      for (const c of ind.contributions) expect(c.contribution).toBeCloseTo(c.weight * c.value, 3);
    }
  });

  it("quotes each rule's evidence from the article", () => {
    const text = "GLM-5 was pre-trained on Ascend 910B chips.";
    const e = explainText("", text);
    const rule = e.indicators.find((i) => i.id === "pretraining_on_domestic")!.contributions.find((c) => c.id === "pre.claim_domestic_pretraining")!;
    expect(rule.kind).toBe("rule");
    expect(rule.evidence.map((s) => s.text)).toEqual([text]);
    expect(("\n\n" + text).slice(rule.evidence[0]!.start, rule.evidence[0]!.end)).toBe(text);
  });

  it("is empty when no rule fired", () => {
    expect(explainText("Weather", "It rained in Hangzhou.").indicators).toEqual([]);
  });

  it("runs over JSON lines like extract --jsonl, one object per line, errors kept per line", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on("data", (c: Buffer) => chunks.push(c.toString()));
    input.end(['{"id":"a","title":"","text":"GLM-5 was pre-trained on Ascend 910B chips."}', "not json", '{"id":"c","text":"nothing here"}'].join("\n"));
    const x = defaultExtractor();
    const counts = await runJsonl(input, output, (id, article) => ({ id, ...explain(x.analyse(article), x.models) }));
    expect(counts).toEqual({ lines: 3, errors: 1 });
    const lines = chunks.join("").trim().split("\n").map((l) => JSON.parse(l) as { id: string | null; indicators?: { id: string; contributions: unknown[] }[]; error?: string });
    expect(lines.map((l) => l.id)).toEqual(["a", null, "c"]);
    expect(lines[0]!.indicators!.some((i) => i.id === "pretraining_on_domestic" && i.contributions.length > 0)).toBe(true);
    expect(lines[1]!.error).toBeDefined();
    expect(lines[2]!.indicators).toEqual([]);
  });
});
