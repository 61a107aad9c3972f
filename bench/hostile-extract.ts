// Hostile extraction inputs (issue 11): text without sentence breaks, where every mention and trigger
// would fall into one sentence. Extraction must stay linear: each input is timed at 1x and 4x its size and
// the ratio of the times is reported (about 4 when linear, 16 when quadratic). Run:
// npx tsx bench/hostile-extract.ts [--json]   (also part of `npm run bench -- extract`).
import { pathToFileURL } from "node:url";
import { extract } from "../src/extract/extract.ts";

/** name -> the repeated unit and how many repetitions make the 1x input. */
export const HOSTILE_EXTRACT_INPUTS: Record<string, { unit: string; reps: number }> = {
  // Chinese with no sentence punctuation: 50k characters at 1x, 200k at 4x.
  zh_no_punctuation: { unit: "华为昇腾训练推理部署", reps: 5_000 },
  // Comma-joined clauses: one 130 KB "sentence" at 1x.
  en_comma_clauses: { unit: "Ascend 910B chips used to train the model, ", reps: 3_000 },
  // Chip anaphora in many short sentences, one chip at the start: the referent must not be searched anew each time.
  en_chip_anaphora: { unit: "DeepSeek-R1 was trained on the chip. ", reps: 3_000 },
  // Org discovery (discover.ts): one endless capitalised run, prefixes with no end, Chinese suffixes back to back.
  en_capitalised_run: { unit: "Alpha Beta Technologies Of Gamma ", reps: 3_000 },
  en_ministry_of: { unit: "Ministry of ", reps: 8_000 },
  zh_suffix_chain: { unit: "国家科技有限公司集团研究院", reps: 4_000 },
};

/** CPU seconds of extracting `text` (median of 5 after one warm-up). */
function cpuSeconds(text: string): number {
  extract({ title: "", text });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.cpuUsage();
    extract({ title: "", text });
    const dt = process.cpuUsage(t0);
    times.push((dt.user + dt.system) / 1e6);
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** Per input: seconds at 1x and 4x and their ratio. */
export function benchHostileExtract(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, { unit, reps }] of Object.entries(HOSTILE_EXTRACT_INPUTS)) {
    const one = cpuSeconds(unit.repeat(reps));
    const four = cpuSeconds(unit.repeat(reps * 4));
    out[`hostile_${name}_1x_ms`] = +(one * 1e3).toFixed(1);
    out[`hostile_${name}_4x_ms`] = +(four * 1e3).toFixed(1);
    out[`hostile_${name}_ratio_4x`] = +(four / one).toFixed(2);
  }
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const result = benchHostileExtract();
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else for (const [k, v] of Object.entries(result)) console.log(`${k}: ${v}`);
}
