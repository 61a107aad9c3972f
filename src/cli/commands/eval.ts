// `chipwatch eval`: k-fold cross-validation of the learned indicator layer on labelled sets, and with
// --write a refit on all of them that replaces data/weights/indicators.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { defaultExtractor } from "../../extract/extract.ts";
import { RULES } from "../../extract/indicators/rules.ts";
import { loadWeights } from "../../extract/indicators/weights.ts";
import { crossValidate, formatReport } from "../../learn/cross-validate.ts";
import { labelledRows, parseGoldSet, type LabelledSet } from "../../learn/dataset.ts";
import { DEFAULT_L2, fitModels, serializeWeights, weightsFile } from "../../learn/fit.ts";
import { PACKAGE_ROOT } from "../../package-root.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { evalLabels } from "./eval-labels.ts";
import { writeLine, type Command } from "../context.ts";

export const DEFAULT_SETS = ["../shared/eval/dev.jsonl", "../shared/eval/dev2.jsonl"];
export const WEIGHTS_PATH = join(PACKAGE_ROOT, "data/weights/indicators.json");

export function readSets(arg: string | undefined): LabelledSet[] {
  const paths = arg ? arg.split(",").filter(Boolean).map((p) => resolve(p)) : DEFAULT_SETS.map((p) => resolve(PACKAGE_ROOT, p));
  return paths.map((p) => {
    if (!existsSync(p)) throw new UsageError(`labelled set not found: ${p}${arg ? "" : " (the default sets live in ../shared/eval next to the repo; give others with --sets a.jsonl,b.jsonl)"}`);
    return parseGoldSet(basename(p), readFileSync(p, "utf8"));
  });
}

function positiveNumber(args: ReturnType<typeof readArgs>, name: string, fallback: number, integer: boolean): number {
  const raw = optionString(args, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) throw new UsageError(`--${name} needs a ${integer ? "whole " : ""}number >= 0`);
  return n;
}

export const evaluate: Command = async (argv, ctx) => {
  const args = readArgs(argv, { valued: ["folds", "sets", "l2"], flags: ["json", "write", "labels"] });
  if (args.options.has("labels")) {
    if (args.options.size > (args.options.has("json") ? 2 : 1)) throw new UsageError("eval --labels [--json] takes no other option");
    return evalLabels(args.options.has("json"), ctx);
  }
  const folds = positiveNumber(args, "folds", 5, true);
  if (folds < 2) throw new UsageError("--folds needs at least 2");
  const opts = { l2: positiveNumber(args, "l2", DEFAULT_L2, false) };
  const sets = readSets(optionString(args, "sets"));
  const extractor = defaultExtractor();
  const rows = labelledRows(extractor, sets);
  const report = crossValidate({ rows, rules: RULES, current: extractor.models, folds, opts });
  const inUse = loadWeights();
  const stale = inUse.featuresVersion !== extractor.featuresVersion;
  let written: string | undefined;
  if (args.options.has("write")) {
    const file = weightsFile({ models: fitModels(rows, RULES, opts), sets, featuresVersion: extractor.featuresVersion, fittedAt: new Date().toISOString().slice(0, 10), rules: RULES, opts });
    writeFileSync(WEIGHTS_PATH, serializeWeights(file));
    written = WEIGHTS_PATH;
  }
  if (args.options.has("json")) {
    writeLine({ sets: sets.map((s) => ({ name: s.name, sha256: s.sha256, articles: s.articles.length })), weightsStale: stale, ...report, ...(written ? { written } : {}) });
    return 0;
  }
  process.stdout.write(`sets: ${sets.map((s) => `${s.name} (${s.articles.length})`).join(", ")}\n`);
  process.stdout.write(formatReport(report));
  if (stale) process.stdout.write("note: the rules or catalog changed since the weights in use were fitted (current F1 uses priors for new rules); refit with --write\n");
  if (written) process.stdout.write(`wrote ${written}: refitted on all ${rows.length} articles (a new ruleset version)\n`);
  return 0;
};
