// Extraction benchmark: the whole extractor (matching, claims, indicators) over a generated corpus of
// >= 20 MB English and >= 5 MB Chinese with the full catalog, against a naive baseline (one regex per
// alias). Run: npx tsx bench/extract.ts [--json]   (or `npm run bench -- extract` via bench/run.ts).
import { pathToFileURL } from "node:url";
import { loadCatalog } from "../src/extract/catalog/load.ts";
import { createExtractor } from "../src/extract/extract.ts";
import { allAliases, buildCorpus, type Article } from "./lib/corpus.ts";

const MB = 1e6;
const bytesOf = (arts: Article[]) => arts.reduce((n, a) => n + Buffer.byteLength(a.title) + 2 + Buffer.byteLength(a.text), 0);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function timeRuns(fn: () => void, runs: number): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function benchExtract(opts: { json: boolean }): Promise<Record<string, number>> {
  const catalog = loadCatalog();
  const t0 = process.hrtime.bigint();
  const extractor = createExtractor(catalog);
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const en = buildCorpus(catalog, "en", 20 * MB, 1);
  const zh = buildCorpus(catalog, "zh", 5 * MB, 2);
  const enBytes = bytesOf(en);
  const zhBytes = bytesOf(zh);
  let sink = 0;
  const runAll = (arts: Article[]) => () => {
    for (const a of arts) sink += extractor.extract(a).entities.length;
  };
  const enSec = timeRuns(runAll(en), 3);
  const zhSec = timeRuns(runAll(zh), 3);

  // Baseline: one case-insensitive regex per alias (\b only at Latin edges), over a 1 MB English sample.
  const regexes = allAliases(catalog).map((a) => new RegExp((/^\w/.test(a) ? "\\b" : "") + escape(a) + (/\w$/.test(a) ? "\\b" : ""), "giu"));
  const sample: Article[] = [];
  for (let n = 0; n < en.length && bytesOf(sample) < 1 * MB; n++) sample.push(en[n]!);
  const sampleBytes = bytesOf(sample);
  const baseSec = timeRuns(() => {
    for (const a of sample) {
      const text = a.title + "\n\n" + a.text;
      for (const re of regexes) {
        re.lastIndex = 0;
        while (re.exec(text)) sink++;
      }
    }
  }, 1);

  const result = {
    en_mb_per_s: +(enBytes / MB / enSec).toFixed(1),
    zh_mb_per_s: +(zhBytes / MB / zhSec).toFixed(1),
    articles_per_s: Math.round((en.length + zh.length) / (enSec + zhSec)),
    baseline_en_mb_per_s: +(sampleBytes / MB / baseSec).toFixed(2),
    ratio_en: +((enBytes / enSec) / (sampleBytes / baseSec)).toFixed(1),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  if (opts.json) console.log(JSON.stringify(result));
  else {
    console.log(`catalog: ${extractor.compiled.entities.length} entries, ${extractor.compiled.patterns.length} patterns, ${extractor.compiled.automaton.stateCount} DFA states x ${extractor.compiled.automaton.classCount} classes, compiled in ${compileMs.toFixed(0)} ms`);
    console.log(`corpus: EN ${(enBytes / MB).toFixed(1)} MB in ${en.length} articles, ZH ${(zhBytes / MB).toFixed(1)} MB in ${zh.length} articles (one core, median of 3 runs)`);
    console.log(`extractor: EN ${result.en_mb_per_s} MB/s, ZH ${result.zh_mb_per_s} MB/s, ${result.articles_per_s} articles/s`);
    console.log(`baseline (${regexes.length} regexes, 1 MB EN sample): ${result.baseline_en_mb_per_s} MB/s -> extractor is ${result.ratio_en}x faster`);
    console.log(`peak RSS: ${result.peak_rss_mb} MB  (checksum ${sink})`);
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await benchExtract({ json: process.argv.includes("--json") });
}
