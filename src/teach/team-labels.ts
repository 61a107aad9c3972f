// The team's gold set, read from the database: every reviewed or labelled article, then every pasted article
// that was labelled. Shared by GET /api/export/labels.jsonl, `chipwatch eval --labels` and `chipwatch train`.
import { parseGoldSet, type LabelledSet } from "../learn/dataset.ts";
import type { Db } from "../store/db.ts";
import { pastedLabels, reviewedArticles } from "../store/repositories/labels.ts";
import { goldOfPasted, goldOfReviewed, type GoldLine } from "./gold.ts";
import { liveExtractor } from "./live-extractor.ts";

export async function teamGold(db: Db): Promise<GoldLine[]> {
  const [reviewed, pasted, extractor] = await Promise.all([reviewedArticles(db), pastedLabels(db), liveExtractor(db)]);
  return [...reviewed.map(goldOfReviewed), ...goldOfPasted(pasted, extractor)];
}

export const goldJsonl = (lines: readonly GoldLine[]): string => lines.map((l) => JSON.stringify(l) + "\n").join("");

/** The team's gold set as a labelled set for learn/ (validated as any gold file is). */
export async function teamLabelledSet(db: Db): Promise<LabelledSet> {
  return parseGoldSet("team-labels", goldJsonl(await teamGold(db)));
}
