// reprocess: re-run extraction over stored articles whose ruleset version differs from the current one, and report
// what changed per indicator. With dryRun, nothing is written: the new extraction is compared with the stored events.
import { getRulesetVersion } from "../extract/extract.ts";
import { indicatorChange } from "../review/article-outcome.ts";
import { articlesToReprocess, type Article } from "../store/repositories/articles.ts";
import { eventSupportOf } from "../store/repositories/extractions.ts";
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
async function dryRunChanges(deps: JobDeps, page: Article[]): Promise<ReturnType<typeof indicatorChange>[]> {
  const stored = await eventSupportOf(deps.db, page.map((a) => a.id));
  return page.map((article) =>
    indicatorChange(
      stored.filter((s) => s.articleId === article.id).map((s) => s.indicator),
      extractArticleText(article).indicators.map((i) => i.id),
    ),
  );
}

export async function reprocess(data: { since?: string | undefined; dryRun?: boolean | undefined }, deps: JobDeps): Promise<ReprocessDiff> {
  const since = data.since ? new Date(data.since) : undefined;
  if (since && Number.isNaN(since.getTime())) throw new Error(`reprocess: --since is not a date: ${data.since}`);
  const dryRun = data.dryRun ?? false;
  const rulesetVersion = getRulesetVersion();
  const diff: ReprocessDiff = { rulesetVersion, articles: 0, changed: 0, dryRun, indicators: {} };
  let afterId = 0;
  for (;;) {
    const page = await articlesToReprocess(deps.db, rulesetVersion, { since, afterId, limit: PAGE });
    if (page.length === 0) break;
    // Dry run: compare a fresh extraction with what is stored; otherwise store the page as one batch.
    let changes: { addedIndicators: string[]; removedIndicators: string[] }[];
    if (dryRun) {
      changes = await dryRunChanges(deps, page);
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
