// reprocess: re-run extraction over stored articles whose ruleset version differs from the current one, and report
// what changed per indicator. With dryRun, nothing is written: the new extraction is compared with the stored events.
import type { Extractor } from "../extract/extract.ts";
import { indicatorChange } from "../review/article-outcome.ts";
import { articlesToReprocess, type Article } from "../store/repositories/articles.ts";
import { eventSupportOf } from "../store/repositories/extractions.ts";
import { liveExtractor } from "../teach/live-extractor.ts";
import { extractAndStore, extractArticleText } from "./extract-and-store.ts";
import type { JobDeps, ReprocessDiff } from "./types.ts";

const PAGE = 200;
const EXAMPLES = 3;

function note(diff: ReprocessDiff, article: Article, indicator: string, change: "added" | "removed") {
  const entry = (diff.indicators[indicator] ??= { added: 0, removed: 0, examples: [] });
  entry[change]++;
  if (entry.examples.length < EXAMPLES) entry.examples.push({ articleId: article.id, title: article.title, change });
}

/** What storing a fresh extraction of the page would change, without writing anything. */
async function dryRunChanges(deps: Pick<JobDeps, "db">, page: Article[], extractor: Extractor): Promise<ReturnType<typeof indicatorChange>[]> {
  const stored = await eventSupportOf(deps.db, page.map((a) => a.id));
  return page.map((article) =>
    indicatorChange(
      stored.filter((s) => s.articleId === article.id).map((s) => s.indicator),
      extractArticleText(article, extractor).indicators.map((i) => i.id),
    ),
  );
}

/**
 * With `extractor` (a dry run only: a catalog edit's preview), compares what that extractor would make of every
 * stored article; otherwise the live extractor is used.
 */
export async function reprocessWith(
  data: { since?: string | undefined; dryRun?: boolean | undefined },
  deps: Pick<JobDeps, "db" | "config" | "onFlagged">,
  extractor?: Extractor,
): Promise<ReprocessDiff> {
  const since = data.since ? new Date(data.since) : undefined;
  if (since && Number.isNaN(since.getTime())) throw new Error(`reprocess: --since is not a date: ${data.since}`);
  const dryRun = data.dryRun ?? false;
  if (extractor && !dryRun) throw new Error("reprocess: a given extractor is for dry runs (store with the live one)");
  const x = extractor ?? (await liveExtractor(deps.db));
  const rulesetVersion = x.rulesetVersion;
  const diff: ReprocessDiff = { rulesetVersion, articles: 0, changed: 0, dryRun, indicators: {} };
  let afterId = 0;
  for (;;) {
    const page = await articlesToReprocess(deps.db, rulesetVersion, { since, afterId, limit: PAGE });
    if (page.length === 0) break;
    // Dry run: compare a fresh extraction with what is stored; otherwise store the page as one batch.
    let changes: { addedIndicators: string[]; removedIndicators: string[] }[];
    if (dryRun) {
      changes = await dryRunChanges(deps, page, x);
    } else {
      const saved = await extractAndStore(page, deps);
      const flagged = saved.flatMap((c) => c.newlyFlagged);
      if (flagged.length > 0) await deps.onFlagged(flagged);
      changes = saved;
    }
    page.forEach((article, k) => {
      const { addedIndicators: added, removedIndicators: removed } = changes[k]!;
      diff.articles++;
      if (added.length + removed.length > 0) diff.changed++;
      for (const i of added) note(diff, article, i, "added");
      for (const i of removed) note(diff, article, i, "removed");
    });
    afterId = page[page.length - 1]!.id;
  }
  return diff;
}

/** The reprocess job: the live extractor's changes, stored (or only counted with dryRun). */
export const reprocess = (data: { since?: string | undefined; dryRun?: boolean | undefined }, deps: Pick<JobDeps, "db" | "config" | "onFlagged">) =>
  reprocessWith(data, deps);
