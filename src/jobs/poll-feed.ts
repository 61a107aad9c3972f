// pollFeed: fetch one feed, store its new articles, extract them, and set when the feed is due next.
// Feed-level failures (network, HTTP, parse, a parse timeout, extraction) are recorded on the feed and backed off: the job itself succeeds, so a
// queue does not hammer a broken server with retries. Database failures throw, so the runner retries the job.
import { createHash } from "node:crypto";
import { canonicalUrl } from "../ingest/canonical-url.ts";
import { fingerprint } from "../ingest/dedup.ts";
import { SELECTORS_MATCHED_NOTHING } from "../ingest/html-listing.ts";
import { fetchFeed } from "../ingest/fetcher.ts";
import { FeedParseError, FetchError, type FeedItem, type FetchResult, type ParsedFeed } from "../ingest/types.ts";
import { statusClass } from "../observability/metrics.ts";
import { storedUrlsAndHashes, type NewArticle } from "../store/repositories/articles.ts";
import { storableText } from "../text/storable-text.ts";
import { getFeed, recordFetch, type Feed, type FetchOutcome } from "../store/repositories/feeds.ts";
import { ExtractionError, storeNewArticles } from "./extract-and-store.ts";
import { delayAfterFailure, intervalAfterSuccess, isSilent, jitter, publishingGapSeconds, type FailureCause } from "./feed-schedule.ts";
import { scheduleBounds } from "./fetch-options.ts";
import { fetchOptionsFor, readFetchedFeed } from "./read-feed.ts";
import { mapInSlices } from "./time-slices.ts";
import type { JobDeps, PollFeedResult } from "./types.ts";

/** An item's stable URL: its canonical link, else a URN built from the feed and the item's GUID or title. */
function itemUrl(feed: Feed, item: FeedItem, base: string): string | null {
  const link = item.link ? canonicalUrl(item.link, base) : null;
  if (link) return link;
  const key = item.guid ?? (item.title ? `${item.title}|${item.published?.toISOString() ?? ""}` : null);
  if (!key) return null;
  return `urn:chipwatch:${feed.id}:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

/** One row per item with a URL not seen before in this document; fingerprinting 500 long items takes a while, so
 * in time slices (./time-slices.ts). */
export async function toArticleRows(feed: Feed, parsed: ParsedFeed, base: string): Promise<NewArticle[]> {
  const seen = new Set<string>();
  const rows: NewArticle[] = [];
  await mapInSlices(parsed.items, (item) => {
    const url = itemUrl(feed, item, base);
    if (!url || seen.has(url)) return;
    seen.add(url);
    // Stored as Postgres can hold it, so that extraction offsets computed before the write match the stored text.
    const summary = storableText(item.summary);
    const title = storableText(item.title) || summary.slice(0, 120) || url;
    const { contentHash, simhash } = fingerprint(title, summary);
    rows.push({
      feedId: feed.id,
      url,
      guid: item.guid,
      title,
      summary,
      lang: feed.lang ?? parsed.language,
      author: item.author ?? item.authorEmail,
      publishedAt: item.published,
      contentHash,
      // Postgres bigint is signed; the hash is 64 unsigned bits.
      simhash: BigInt.asIntN(64, simhash),
    });
  });
  return rows;
}

/** Drops rows whose URL or exact text is already stored. */
async function onlyNew(deps: JobDeps, rows: NewArticle[]): Promise<NewArticle[]> {
  const { urls, hashes } = await storedUrlsAndHashes(
    deps.db,
    rows.map((r) => r.url),
    rows.map((r) => r.contentHash),
  );
  const batchHashes = new Set<string>();
  return rows.filter((r) => {
    if (urls.has(r.url) || hashes.has(r.contentHash) || batchHashes.has(r.contentHash)) return false;
    batchHashes.add(r.contentHash);
    return true;
  });
}

interface Failure {
  cause: FailureCause;
  httpStatus: number | null;
  retryAfter: number | null;
  message: string;
}

/** Failures of this feed's own input (network, HTTP, document, extraction); null for anything else (the database). */
function failureOf(err: unknown): Failure | null {
  if (err instanceof FetchError) {
    return { cause: err.kind, httpStatus: err.httpStatus, retryAfter: err.retryAfterSeconds, message: `${err.kind}: ${err.message}` };
  }
  if (err instanceof FeedParseError) {
    // The reason a listing page stopped matching is a contract (UI, API, /metrics): recorded exactly as it is.
    const message = err.message === SELECTORS_MATCHED_NOTHING ? err.message : `parse: ${err.message}`;
    return { cause: "parse", httpStatus: null, retryAfter: null, message };
  }
  if (err instanceof ExtractionError) return { cause: "parse", httpStatus: null, retryAfter: null, message: `extract: ${err.message}` };
  return null;
}

/** What identifies one poll in its fetch record. */
interface PollRun {
  feedId: number;
  jobKey: string;
  startedAt: Date;
}

type OutcomeFields = Pick<FetchOutcome, "outcome" | "httpStatus" | "intervalSeconds"> &
  Partial<Omit<FetchOutcome, "feedId" | "jobKey" | "startedAt" | "finishedAt" | "nextFetchAt">> & {
    /** Seconds from now until the feed is due again. */
    nextInSeconds: number;
  };

/** The one builder of a poll's fetch record: what every outcome shares, then what this one adds. */
function fetchRecord(run: PollRun, { nextInSeconds, ...fields }: OutcomeFields): FetchOutcome {
  return {
    bytes: 0,
    items: 0,
    newItems: 0,
    parser: null,
    error: null,
    ...fields,
    ...run,
    finishedAt: new Date(),
    nextFetchAt: new Date(Date.now() + nextInSeconds * 1000),
  };
}

/** Fetches a feed; anything the fetch throws is this feed's failure (a host lease's error is not, so it passes). */
function fetchOrFail(deps: JobDeps, feed: Feed): Promise<FetchResult> {
  return deps.limitHost(new URL(feed.url).host, () =>
    fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, fetchOptionsFor(deps, feed)).catch((err: unknown) => {
      throw err instanceof FetchError ? err : new FetchError("network", err instanceof Error ? err.message : String(err));
    }),
  );
}

export async function pollFeed(data: { feedId: number }, deps: JobDeps, jobKey: string): Promise<PollFeedResult> {
  const feed = await getFeed(deps.db, data.feedId);
  if (!feed || !feed.enabled) return { feedId: data.feedId, outcome: "skipped", items: 0, newArticles: 0, flagged: 0 };
  const log = deps.logger.child({ feedId: feed.id, jobKey });
  const bounds = scheduleBounds(deps.config);
  const run: PollRun = { feedId: feed.id, jobKey, startedAt: new Date() };

  try {
    const fetched = await fetchOrFail(deps, feed);
    if (fetched.status === "not-modified") {
      deps.metrics.fetches.inc({ outcome: "not-modified", status_class: "3xx" });
      const interval = intervalAfterSuccess(bounds, { gapSeconds: null, ttlMinutes: null, maxAgeSeconds: null, previousSeconds: feed.intervalSeconds });
      await recordFetch(
        deps.db,
        fetchRecord(run, {
          outcome: "not-modified",
          httpStatus: 304,
          intervalSeconds: interval,
          nextInSeconds: jitter(interval, feed.id),
          etag: fetched.validators.etag,
          lastModified: fetched.validators.lastModified,
        }),
      );
      return { feedId: feed.id, outcome: "not-modified", items: 0, newArticles: 0, flagged: 0 };
    }
    deps.metrics.fetchBytes.inc(fetched.body.length);
    // Decoding and parsing run in a worker under PARSE_TIMEOUT_MS: no document can hold this event loop.
    const { feed: parsed, skippedItems } = await readFetchedFeed(deps, feed, fetched.body, fetched.contentType, fetched.finalUrl);
    deps.metrics.parsedBy.inc({ parser: parsed.parser });
    const itemsInDocument = parsed.items.length + skippedItems;
    if (skippedItems > 0) {
      deps.metrics.itemsSkipped.inc(skippedItems);
      log.warn({ items: itemsInDocument, taken: parsed.items.length, skipped: skippedItems }, "feed has more items than FEED_MAX_ITEMS: took the newest");
    }

    const rows = await onlyNew(deps, await toArticleRows(feed, parsed, fetched.finalUrl));
    const stored = await storeNewArticles(rows, deps);
    deps.metrics.fetches.inc({ outcome: "ok", status_class: statusClass(fetched.httpStatus) });
    const inserted = stored.ids;
    deps.metrics.newItems.inc(inserted.length);
    const flagged = stored.newlyFlagged.length;
    if (flagged > 0) {
      deps.metrics.flagged.inc(flagged);
      await deps.onFlagged(stored.newlyFlagged);
    }

    const gap = publishingGapSeconds(parsed.items.map((i) => i.published));
    const interval = intervalAfterSuccess(bounds, {
      gapSeconds: gap,
      ttlMinutes: parsed.ttlMinutes,
      maxAgeSeconds: fetched.maxAgeSeconds,
      previousSeconds: feed.intervalSeconds,
    });
    const newest = parsed.items.reduce<Date | null>((m, i) => (i.published && (!m || i.published > m) ? i.published : m), null);
    await recordFetch(
      deps.db,
      fetchRecord(run, {
        outcome: "ok",
        httpStatus: fetched.httpStatus,
        bytes: fetched.body.length,
        // Items the document holds: with FEED_MAX_ITEMS reached, more than were taken.
        items: itemsInDocument,
        newItems: inserted.length,
        parser: parsed.parser,
        intervalSeconds: interval,
        nextInSeconds: jitter(interval, feed.id),
        etag: fetched.validators.etag,
        lastModified: fetched.validators.lastModified,
        title: parsed.title,
        siteUrl: parsed.link,
        lang: parsed.language,
        silent: isSilent(new Date(), newest, gap),
      }),
    );
    if (feed.fetchFullText) {
      await Promise.all(inserted.map((id) => deps.enqueue("fetchArticle", { articleId: id }, `article-${id}`)));
    }
    log.info({ items: itemsInDocument, newArticles: inserted.length, flagged, parser: parsed.parser }, "feed polled");
    return {
      feedId: feed.id,
      outcome: "ok",
      items: itemsInDocument,
      newArticles: inserted.length,
      flagged,
      ...(skippedItems > 0 ? { skippedItems } : {}),
    };
  } catch (err) {
    const failure = failureOf(err);
    if (!failure) throw err;
    if (failure.cause === "parse") deps.metrics.parseFailures.inc({ parser: feed.kind === "rss" ? "feedsmith" : feed.kind });
    deps.metrics.fetches.inc({ outcome: "error", status_class: statusClass(failure.httpStatus) });
    const consecutive = feed.consecutiveErrors + 1;
    const delay = delayAfterFailure(bounds, { ...failure, consecutive, retryAfterSeconds: failure.retryAfter });
    await recordFetch(
      deps.db,
      fetchRecord(run, {
        outcome: "error",
        httpStatus: failure.httpStatus,
        error: failure.message.slice(0, 500),
        intervalSeconds: feed.intervalSeconds,
        nextInSeconds: delay,
        brokenReason: consecutive >= bounds.brokenAfter ? `${consecutive} failures in a row; last: ${failure.message.slice(0, 200)}` : null,
      }),
    );
    log.warn({ err: failure.message, consecutive, retryInSeconds: delay }, "feed poll failed");
    return { feedId: feed.id, outcome: "error", items: 0, newArticles: 0, flagged: 0, error: failure.message };
  }
}
