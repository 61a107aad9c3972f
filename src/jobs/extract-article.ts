// extractArticle: (re-)run extraction for one stored article.
import { getArticle } from "../store/repositories/articles.ts";
import { extractAndStore } from "./extract-and-store.ts";
import type { JobDeps, JobResultMap } from "./types.ts";

export async function extractArticle(data: { articleId: number }, deps: JobDeps): Promise<JobResultMap["extractArticle"]> {
  const article = await getArticle(deps.db, data.articleId);
  if (!article) return { articleId: data.articleId, indicators: [] };
  const [saved] = await extractAndStore([article], deps);
  if (!saved) return { articleId: article.id, indicators: [] };
  if (saved.newlyFlagged.length > 0) await deps.onFlagged(saved.newlyFlagged);
  return { articleId: article.id, indicators: saved.addedIndicators };
}
