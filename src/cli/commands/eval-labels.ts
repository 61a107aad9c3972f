// `chipwatch eval --labels`: the live ruleset (files plus the catalog overlay and applied weights) scored against
// the team's own decisions (the gold set GET /api/export/labels.jsonl writes): precision and recall per indicator.
import { countDecisions } from "../../learn/cross-validate.ts";
import { labelledRows } from "../../learn/dataset.ts";
import { prf, type Prf } from "../../learn/metrics.ts";
import { INDICATOR_IDS, type IndicatorId } from "../../extract/types.ts";
import { liveExtractor } from "../../teach/live-extractor.ts";
import { teamLabelledSet } from "../../teach/team-labels.ts";
import { withDatabase, writeLine, type CommandContext } from "../context.ts";

export interface LabelsReport {
  articles: number;
  rulesetVersion: string;
  indicators: Record<IndicatorId, Prf & { positives: number }>;
}

const f3 = (x: number) => x.toFixed(3);

export async function evalLabels(json: boolean, { config }: CommandContext): Promise<number> {
  const report = await withDatabase(config, async (db): Promise<LabelsReport> => {
    const [set, extractor] = await Promise.all([teamLabelledSet(db), liveExtractor(db)]);
    const rows = labelledRows(extractor, [set]);
    const counts = countDecisions(extractor.models, rows);
    const indicators = Object.fromEntries(
      INDICATOR_IDS.map((id) => [id, { ...prf(counts[id]), positives: rows.filter((r) => r.labels.includes(id)).length }]),
    ) as LabelsReport["indicators"];
    return { articles: rows.length, rulesetVersion: extractor.rulesetVersion, indicators };
  });
  if (json) {
    writeLine(report);
    return 0;
  }
  writeLine(`team labels: ${report.articles} articles, ruleset ${report.rulesetVersion}`);
  writeLine(`${"indicator".padEnd(26)} ${"pos".padStart(4)} ${"tp".padStart(4)} ${"fp".padStart(4)} ${"fn".padStart(4)}  precision  recall  F1`);
  for (const id of INDICATOR_IDS) {
    const r = report.indicators[id];
    writeLine(`${id.padEnd(26)} ${String(r.positives).padStart(4)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${f3(r.precision).padStart(9)}  ${f3(r.recall).padStart(6)}  ${f3(r.f1)}`);
  }
  if (report.articles === 0) writeLine("no reviewed or labelled article yet: review events or report misses first");
  return 0;
}
