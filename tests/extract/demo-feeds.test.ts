// Second check beside the dev set: the demo feeds were written independently of it, under the same labelling guide
// (0.831 indicator F1 before any rule was tuned on them; the rules were improved from their misses since, so this is
// now a regression guard, not a held-out score).
// They go through the real ingest path (bytes -> decoded text -> parsed items) before extraction, and the
// indicators are compared with demo/feeds/expected.json ("borderline" ids are neither required nor penalised).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeFeedBytes } from "../../src/ingest/decode.ts";
import { parseFeed } from "../../src/ingest/parse.ts";
import { extract } from "../../src/extract/extract.ts";

const FEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../demo/feeds");
/** Reached on the demo feeds after the generalisation fixes: 0.992 (0.831 before them), less a margin. */
const MIN_F1 = 0.96;

interface Expected { file: string; guid: string; kind: string; indicators: string[]; borderline: string[] }

async function predictedByGuid(files: Iterable<string>): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const file of files) {
    const feed = await parseFeed(decodeFeedBytes(readFileSync(path.join(FEEDS, file)), null).text);
    for (const item of feed.items) out.set(item.guid ?? "", extract({ title: item.title, text: item.summary }).indicators.map((i) => i.id));
  }
  return out;
}

describe("demo feeds (written apart from the dev set, but tuned on since: a regression guard, not a held-out score)", () => {
  it("indicator micro-F1 stays above the reached level; hard negatives get no indicator", async () => {
    const expected = JSON.parse(readFileSync(path.join(FEEDS, "expected.json"), "utf8")) as Expected[];
    const predicted = await predictedByGuid(new Set(expected.map((e) => e.file)));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const errors: string[] = [];
    for (const e of expected) {
      const got = predicted.get(e.guid);
      expect(got, `item ${e.guid} parsed`).toBeDefined();
      if (e.kind === "hard-negative") expect(got, `hard negative ${e.guid}`).toEqual([]);
      for (const id of got!) {
        if (e.indicators.includes(id)) tp++;
        else if (!e.borderline.includes(id)) { fp++; errors.push(`FP ${e.guid} ${id}`); }
      }
      for (const id of e.indicators) if (!got!.includes(id)) { fn++; errors.push(`FN ${e.guid} ${id}`); }
    }
    const p = tp / (tp + fp);
    const r = tp / (tp + fn);
    const f1 = (2 * p * r) / (p + r);
    console.log(`demo feeds: indicator P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)} (tp ${tp} fp ${fp} fn ${fn})\n${errors.join("\n")}`);
    expect(f1).toBeGreaterThanOrEqual(Math.max(0.85, MIN_F1));
  });
});
