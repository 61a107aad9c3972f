// fetchArticle: fetch an article's page, keep its main text beside the feed summary, and re-extract.
// A page that cannot be fetched or read leaves the article as it was (extracted from its summary): the job does not fail.
import { fetchPage } from "../ingest/fetcher.ts";
import { FetchError } from "../ingest/types.ts";
import { PageReadError } from "../offload/offload.ts";
import { getArticle, setFullText } from "../store/repositories/articles.ts";
import { getFeed } from "../store/repositories/feeds.ts";
import { extractArticle } from "./extract-article.ts";
import { fetchOptions } from "./fetch-options.ts";
import type { JobDeps, JobResultMap } from "./types.ts";

export async function fetchArticle(data: { articleId: number }, deps: JobDeps): Promise<JobResultMap["fetchArticle"]> {
  const article = await getArticle(deps.db, data.articleId);
  if (!article || !/^https?:\/\//.test(article.url)) return { articleId: data.articleId, fetched: false };
  if (article.fullText) return { articleId: article.id, fetched: true };
  const feed = await getFeed(deps.db, article.feedId);
  if (!feed) return { articleId: article.id, fetched: false };
  try {
    const page = await deps.limitHost(new URL(article.url).host, () =>
      fetchPage(article.url, { ...fetchOptions(deps.config, feed), accept: "text/html,application/xhtml+xml" }),
    );
    deps.metrics.fetchBytes.inc(page.body.length);
    // Decoding and reading the page run in a worker under PARSE_TIMEOUT_MS, as a feed's parsing does.
    const main = await deps.offload.mainText(page.body, page.contentType, page.finalUrl);
    if (main.text.length > article.summary.length) {
      await setFullText(deps.db, article.id, main.text);
      await extractArticle({ articleId: article.id }, deps);
    }
    return { articleId: article.id, fetched: true };
  } catch (err) {
    if (!(err instanceof FetchError) && !(err instanceof PageReadError)) throw err;
    const error = err instanceof FetchError ? `${err.kind}: ${err.message}` : `page: ${err.message}`;
    deps.logger.warn({ articleId: article.id, err: error }, "article page fetch failed");
    return { articleId: article.id, fetched: false, error };
  }
}
