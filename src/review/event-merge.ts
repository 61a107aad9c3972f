// Event merging: one event per (indicator, story). Every article of a story that fires an indicator becomes a source
// of that story's event for the indicator; a new event takes its title from the first article and its score, rules
// and novelty from the best-scoring one.
import type { Extraction } from "../extract/types.ts";

export interface ArticleInStory {
  id: number;
  title: string;
  clusterId: number;
}

export interface ExtractedArticle {
  article: ArticleInStory;
  extraction: Pick<Extraction, "indicators">;
}

/** What a new event is created with. */
export interface EventSeed {
  indicator: string;
  clusterId: number;
  title: string;
  score: number;
  rules: string[];
  novel: boolean;
}

/** One article's support for one event. */
export interface EventSupport {
  eventKey: string;
  articleId: number;
  score: number;
  rules: string[];
  evidence: Extraction["indicators"][number]["evidence"];
}

export const eventKey = (indicator: string, clusterId: number): string => `${indicator}\u0000${clusterId}`;

/** The events a batch supports, by eventKey, as they would be created (`novel`: the novel articles' ids). */
export function eventSeeds(batch: ExtractedArticle[], novel: ReadonlySet<number>): Map<string, EventSeed> {
  const seeds = new Map<string, EventSeed>();
  for (const { article, extraction } of batch) {
    for (const hit of extraction.indicators) {
      const key = eventKey(hit.id, article.clusterId);
      const prior = seeds.get(key);
      const isNovel = novel.has(article.id);
      if (!prior) seeds.set(key, { indicator: hit.id, clusterId: article.clusterId, title: article.title, score: hit.score, rules: hit.rules, novel: isNovel });
      else if (hit.score > prior.score) seeds.set(key, { ...prior, score: hit.score, rules: hit.rules, novel: prior.novel || isNovel });
    }
  }
  return seeds;
}

/** Every (article, event) support of the batch, in batch order. */
export function eventSupport(batch: ExtractedArticle[]): EventSupport[] {
  return batch.flatMap(({ article, extraction }) =>
    extraction.indicators.map((hit) => ({
      eventKey: eventKey(hit.id, article.clusterId),
      articleId: article.id,
      score: hit.score,
      rules: hit.rules,
      evidence: hit.evidence,
    })),
  );
}
