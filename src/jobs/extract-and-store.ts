// The step every job ends with: put an article in its story cluster, run the extractor, store the result.
import { extract } from "../extract/extract.ts";
import type { Extraction } from "../extract/types.ts";
import { NEAR_DUPLICATE_DISTANCE } from "../ingest/dedup.ts";
import { articleBody, assignCluster, type Article } from "../store/repositories/articles.ts";
import { saveExtraction, type SavedExtraction } from "../store/repositories/extractions.ts";
import type { JobDeps } from "./types.ts";

export function extractArticleText(article: Pick<Article, "title" | "summary" | "fullText" | "lang">): Extraction {
  return extract({ title: article.title, text: articleBody(article), lang: article.lang ?? undefined });
}

export async function extractAndStore(article: Article, deps: Pick<JobDeps, "db" | "config">): Promise<SavedExtraction> {
  const clusterId = await assignCluster(deps.db, article.id, article.simhash, NEAR_DUPLICATE_DISTANCE);
  const extraction = extractArticleText(article);
  return saveExtraction(deps.db, { id: article.id, title: article.title, clusterId }, extraction, {
    flagThreshold: deps.config.FLAG_THRESHOLD,
  });
}
