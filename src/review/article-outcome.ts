// What storing one article's extraction did, for its job: the events it supports, the flags to alert on, and (for
// reprocess) the indicators it gained or lost. An event that became flagged is alerted once, for the first article
// of the batch that supports it.
import type { Extraction } from "../extract/types.ts";

export interface ArticleOutcome {
  /** Events this article contributes to. */
  eventIds: number[];
  /** Events that became flagged because of this article (for alerts). */
  newlyFlagged: number[];
  /** Indicators this article stopped supporting (reprocess). */
  removedIndicators: string[];
  addedIndicators: string[];
}

export function articleOutcomes(
  batch: { article: { id: number }; extraction: Pick<Extraction, "indicators"> }[],
  /** The batch's supports after the write, in batch order. */
  support: { eventId: number; articleId: number }[],
  /** The supports the batch's articles had before the write, with their events' indicators. */
  before: { articleId: number; indicator: string }[],
  newlyFlagged: ReadonlySet<number>,
): ArticleOutcome[] {
  const byArticle = groupBy(support, (r) => r.articleId);
  const beforeByArticle = groupBy(before, (b) => b.articleId);
  const firstSupporter = new Map<number, number>();
  for (const r of support) if (!firstSupporter.has(r.eventId)) firstSupporter.set(r.eventId, r.articleId);
  return batch.map(({ article, extraction }) => {
    const eventIds = (byArticle.get(article.id) ?? []).map((r) => r.eventId);
    return {
      eventIds,
      newlyFlagged: eventIds.filter((id) => newlyFlagged.has(id) && firstSupporter.get(id) === article.id),
      ...indicatorChange(
        (beforeByArticle.get(article.id) ?? []).map((b) => b.indicator),
        extraction.indicators.map((i) => i.id),
      ),
    };
  });
}

/** The indicators an article gained and lost between two extractions (reprocess reports them). */
export function indicatorChange(before: string[], after: string[]): Pick<ArticleOutcome, "addedIndicators" | "removedIndicators"> {
  const was = new Set(before);
  const is = new Set(after);
  return { removedIndicators: [...was].filter((i) => !is.has(i)), addedIndicators: [...is].filter((i) => !was.has(i)) };
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
