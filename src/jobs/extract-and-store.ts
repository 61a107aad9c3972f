// The step every job ends with: put articles in their story clusters, run the extractor, store the results, as one
// batch (a poll's new articles are written together: a few round trips in all, not a dozen per article).
import { defaultExtractor, type Extractor } from "../extract/extract.ts";
import { TITLE_SEPARATOR, type Extraction } from "../extract/types.ts";
import { storyFacts } from "../extract/story-facts.ts";
import { NEAR_DUPLICATE_DISTANCE } from "../ingest/dedup.ts";
import { articleBody, insertNewArticles, type Article, type NewArticle } from "../store/repositories/articles.ts";
import { assignClusters, storiesFor } from "../store/repositories/clusters.ts";
import { saveExtractions, writeExtractions, type SavedExtraction } from "../store/repositories/extractions.ts";
import type { Db } from "../store/db.ts";
import { liveExtractor } from "../teach/live-extractor.ts";
import { mapInSlices } from "./time-slices.ts";
import type { JobDeps } from "./types.ts";

// Extraction runs on this event loop (the live extractor is compiled here), in time slices (./time-slices.ts); one
// article's extraction runs in one piece, linear in its text, which articleBody caps (ARTICLE_BODY_MAX_CHARS).

/** The extractor threw on an article's text: a fault of that input, not of the database (which throws its own errors). */
export class ExtractionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExtractionError";
  }
}

export function extractArticleText(article: Pick<Article, "title" | "summary" | "fullText" | "lang">, extractor: Extractor = defaultExtractor()): Extraction {
  return extractor.extract({ title: article.title, text: articleBody(article), lang: article.lang ?? undefined });
}

/** Re-extracts stored articles with the live extractor (files plus the database overlay) and stores the results.
 * Results in the order of `articles`. */
export async function extractAndStore(articles: Article[], deps: Pick<JobDeps, "db" | "config">): Promise<SavedExtraction[]> {
  if (articles.length === 0) return [];
  const extractor = await liveExtractor(deps.db);
  const clusters = await assignClusters(
    deps.db,
    articles.map((a) => ({ articleId: a.id, simhash: a.simhash, clusterId: a.clusterId })),
    NEAR_DUPLICATE_DISTANCE,
  );
  const batch = articles.map((a) => ({
    article: { id: a.id, title: a.title, clusterId: clusters.get(a.id)! },
    extraction: extractArticleText(a, extractor),
  }));
  return saveExtractions(deps.db, batch, { flagThreshold: deps.config.FLAG_THRESHOLD });
}

/**
 * Stores new articles already extracted and placed in their stories, in one transaction with their mentions,
 * claims and events: an article is never stored without its extraction, and each row is written once. Rows that
 * another job stored first are skipped. Returns the new articles' ids and the events that became flagged.
 */
export async function storeNewArticles(
  rows: NewArticle[],
  deps: Pick<JobDeps, "db" | "config">,
): Promise<{ ids: number[]; newlyFlagged: number[] }> {
  if (rows.length === 0) return { ids: [], newlyFlagged: [] };
  const extractor = await liveExtractor(deps.db);
  const extractions = await mapInSlices(rows, (r) => {
    try {
      return extractArticleText({ title: r.title, summary: r.summary ?? "", fullText: r.fullText ?? null, lang: r.lang ?? null }, extractor);
    } catch (err) {
      throw new ExtractionError(`${r.url}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
    }
  });
  // Outside the transaction: the cluster cache belongs to the database handle. A cluster left without articles by a
  // failed transaction is harmless; the retry finds it and fills it.
  const stories = await storiesFor(
    deps.db,
    rows.map((r) => r.simhash ?? null),
    NEAR_DUPLICATE_DISTANCE,
    undefined,
    rows.map((r, k) => ({
      facts: storyFacts(extractions[k]!, r.title.length, r.title + TITLE_SEPARATOR + articleBody({ summary: r.summary ?? "", fullText: r.fullText ?? null })),
      at: r.publishedAt ?? new Date(),
    })),
  );
  return deps.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const extractedAt = new Date();
    const inserted = await insertNewArticles(
      tx,
      rows.map((r, k) => ({ ...r, clusterId: stories[k]!, rulesetVersion: extractions[k]!.rulesetVersion, extractedAt })),
    );
    const index = new Map(rows.map((r, k) => [r.url, k]));
    const batch = inserted.map(({ id, url }) => {
      const k = index.get(url)!;
      return { article: { id, title: rows[k]!.title, clusterId: stories[k]! }, extraction: extractions[k]! };
    });
    const saved = await writeExtractions(tx, batch, { flagThreshold: deps.config.FLAG_THRESHOLD, fresh: true });
    return { ids: inserted.map((i) => i.id), newlyFlagged: saved.flatMap((s) => s.newlyFlagged) };
  });
}
