// The explanation the event page shows: the event's top article re-explained with the running ruleset
// (extract/explain.ts, with the live catalog), so the page and `chipwatch explain` say the same thing.
import { explain, type ExplainedIndicator } from "../extract/explain.ts";
import type { Db } from "../store/db.ts";
import { articleBody, getArticle } from "../store/repositories/articles.ts";
import type { EventDetail } from "../store/repositories/events.ts";
import { liveExtractor } from "../teach/live-extractor.ts";

export interface EventExplanation {
  articleId: number;
  rulesetVersion: string;
  /** The event's indicator as the running ruleset scores it; undefined when none of its rules fires now. */
  indicator: ExplainedIndicator | undefined;
}

export async function explainEvent(db: Db, detail: EventDetail): Promise<EventExplanation | undefined> {
  const top = detail.sources[0];
  const article = top ? await getArticle(db, top.articleId) : undefined;
  if (!article) return undefined;
  const x = await liveExtractor(db);
  const e = explain(x.analyse({ title: article.title, text: articleBody(article), lang: article.lang ?? undefined }), x.models);
  return { articleId: article.id, rulesetVersion: e.rulesetVersion, indicator: e.indicators.find((i) => i.id === detail.event.indicator) };
}
