// fetchArticle: fetch an article's page, keep its main text beside the feed summary, and re-extract.
// A page that cannot be fetched leaves the article as it was (extracted from its summary): the job does not fail.
import { extractMainText } from "../ingest/article-text.ts";
import { decodeFeedBytes } from "../ingest/decode.ts";
import { fetchPage } from "../ingest/fetcher.ts";
import { FetchError } from "../ingest/types.ts";
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
    const html = decodeFeedBytes(page.body, page.contentType).text;
    const main = extractMainText(html, page.finalUrl);
    if (main.text.length > article.summary.length) {
      await setFullText(deps.db, article.id, main.text);
      await extractArticle({ articleId: article.id }, deps);
    }
    return { articleId: article.id, fetched: true };
  } catch (err) {
    if (!(err instanceof FetchError)) throw err;
    deps.logger.warn({ articleId: article.id, err: err.message }, "article page fetch failed");
    return { articleId: article.id, fetched: false, error: `${err.kind}: ${err.message}` };
  }
}
