// The step every job ends with: put articles in their story clusters, run the extractor, store the results, as one
// batch (a poll's new articles are written together: a few round trips in all, not a dozen per article).
import { extract } from "../extract/extract.ts";
import type { Extraction } from "../extract/types.ts";
import { NEAR_DUPLICATE_DISTANCE } from "../ingest/dedup.ts";
import { articleBody, assignClusters, type Article } from "../store/repositories/articles.ts";
import { saveExtractions, type SavedExtraction } from "../store/repositories/extractions.ts";
import type { JobDeps } from "./types.ts";

export function extractArticleText(article: Pick<Article, "title" | "summary" | "fullText" | "lang">): Extraction {
  return extract({ title: article.title, text: articleBody(article), lang: article.lang ?? undefined });
}

/** Results in the order of `articles`. */
export async function extractAndStore(articles: Article[], deps: Pick<JobDeps, "db" | "config">): Promise<SavedExtraction[]> {
  if (articles.length === 0) return [];
  const clusters = await assignClusters(
    deps.db,
    articles.map((a) => ({ articleId: a.id, simhash: a.simhash })),
    NEAR_DUPLICATE_DISTANCE,
  );
  const batch = articles.map((a) => ({
    article: { id: a.id, title: a.title, clusterId: clusters.get(a.id)! },
    extraction: extractArticleText(a),
  }));
  return saveExtractions(deps.db, batch, { flagThreshold: deps.config.FLAG_THRESHOLD });
}
