// `chipwatch train`: refits the learned indicator weights on the shipped labelled sets plus the team's labels
// (reviews and reported misses), shows the cross-validated change and what reprocessing would change, and applies
// the new weights only on confirmation (--apply, or "y" at the prompt): they are stored in the database, so every
// process picks them up without a restart (a new ruleset version), and the stored articles are reprocessed.
import { createInterface } from "node:readline/promises";
import { RULES } from "../../extract/indicators/rules.ts";
import { createJobDeps } from "../../jobs/deps.ts";
import { reprocessWith } from "../../jobs/reprocess.ts";
import { crossValidate, formatReport } from "../../learn/cross-validate.ts";
import { labelledRows } from "../../learn/dataset.ts";
import { DEFAULT_L2, fitModels, serializeWeights, weightsFile } from "../../learn/fit.ts";
import { createMetrics } from "../../observability/metrics.ts";
import { setAppliedWeights } from "../../store/repositories/catalog-edits.ts";
import { buildExtractor, liveExtractor, readOverlay } from "../../teach/live-extractor.ts";
import { teamLabelledSet } from "../../teach/team-labels.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";
import { readSets } from "./eval.ts";
import { writeDiff } from "./reprocess.ts";

async function confirmed(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const train: Command = async (argv, { config, logger }) => {
  const args = readArgs(argv, { valued: ["folds", "sets", "l2"], flags: ["apply", "json"] });
  const folds = Number(optionString(args, "folds") ?? 5);
  if (!Number.isInteger(folds) || folds < 2) throw new UsageError("--folds needs a whole number >= 2");
  const l2 = Number(optionString(args, "l2") ?? DEFAULT_L2);
  if (!Number.isFinite(l2) || l2 < 0) throw new UsageError("--l2 needs a number >= 0");
  const shipped = readSets(optionString(args, "sets"));
  const json = args.options.has("json");
  return withDatabase(config, async (db) => {
    const deps = createJobDeps({ db, config, logger, metrics: createMetrics(), enqueue: async () => {} });
    try {
      const [team, live, overlay] = await Promise.all([teamLabelledSet(db), liveExtractor(db), readOverlay(db)]);
      const sets = [...shipped, team];
      const rows = labelledRows(live, sets);
      const opts = { l2 };
      const report = crossValidate({ rows, rules: RULES, current: live.models, folds, opts });
      const file = weightsFile({ models: fitModels(rows, RULES, opts), sets, featuresVersion: live.featuresVersion, fittedAt: new Date().toISOString().slice(0, 10), rules: RULES, opts });
      const weights = serializeWeights(file);
      const candidate = buildExtractor({ ...overlay, weights });
      const preview = await reprocessWith({ dryRun: true }, deps, candidate);
      if (!json) {
        writeLine(`sets: ${sets.map((s) => `${s.name} (${s.articles.length})`).join(", ")}`);
        process.stdout.write(formatReport(report));
        writeLine(`current F1 is the weights in use; held-out F1 is the refit's. Reprocessing with the refit would change:`);
        writeDiff(preview);
      }
      const apply = args.options.has("apply") || (!json && (await confirmed(`apply the new weights (ruleset ${candidate.rulesetVersion})? [y/N] `)));
      const applied = apply && candidate.rulesetVersion !== live.rulesetVersion;
      let reprocessed;
      if (applied) {
        await setAppliedWeights(db, weights);
        reprocessed = await reprocessWith({}, deps);
      }
      if (json) {
        writeLine({ sets: sets.map((s) => ({ name: s.name, articles: s.articles.length })), ...report, preview, applied, rulesetVersion: applied ? candidate.rulesetVersion : live.rulesetVersion, ...(reprocessed ? { reprocessed } : {}) });
      } else if (applied) {
        writeLine(`applied: ruleset ${candidate.rulesetVersion}`);
        writeDiff(reprocessed!);
      } else {
        writeLine(apply ? "the refit changes no weight: nothing to apply" : "not applied (run with --apply to apply)");
      }
      return 0;
    } finally {
      await deps.offload.close();
    }
  });
};
