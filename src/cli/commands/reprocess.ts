import { createJobDeps } from "../../jobs/deps.ts";
import { reprocess as reprocessJob } from "../../jobs/reprocess.ts";
import type { ReprocessDiff } from "../../jobs/types.ts";
import { createMetrics } from "../../observability/metrics.ts";
import { optionString, readArgs } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

export const reprocess: Command = async (argv, { config, logger }) => {
  const args = readArgs(argv, { valued: ["since"], flags: ["dry-run", "json"] });
  const diff = await withDatabase(config, (db) =>
    reprocessJob(
      { since: optionString(args, "since"), dryRun: args.options.has("dry-run") },
      createJobDeps({ db, config, logger, metrics: createMetrics(), enqueue: async () => {} }),
    ),
  );
  if (args.options.has("json")) {
    writeLine(diff);
    return 0;
  }
  writeDiff(diff);
  return 0;
};

/** A reprocess diff for a terminal: per indicator, articles gained and lost, with examples. */
export function writeDiff(diff: ReprocessDiff): void {
  writeLine(`ruleset ${diff.rulesetVersion}: ${diff.articles} articles re-extracted, ${diff.changed} changed${diff.dryRun ? " (dry run: nothing written)" : ""}`);
  for (const [indicator, d] of Object.entries(diff.indicators).sort()) {
    writeLine(`  ${indicator}: +${d.added} -${d.removed}`);
    for (const ex of d.examples) writeLine(`    ${ex.change === "added" ? "+" : "-"} #${ex.articleId} ${ex.title}`);
  }
}
