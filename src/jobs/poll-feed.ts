// pollFeed: fetch one feed, store its new articles, extract them, and set when the feed is due next.
// Feed-level failures (network, HTTP, parse) are recorded on the feed and backed off: the job itself succeeds, so a
// queue does not hammer a broken server with retries. Database failures throw, so the runner retries the job.
import { createHash } from "node:crypto";
import { canonicalUrl } from "../ingest/canonical-url.ts";
import { decodeFeedBytes } from "../ingest/decode.ts";
import { fingerprint } from "../ingest/dedup.ts";
import { fetchFeed } from "../ingest/fetcher.ts";
import { parseFeed } from "../ingest/parse.ts";
import { FeedParseError, FetchError, type FeedItem, type FetchResult, type ParsedFeed } from "../ingest/types.ts";
import { statusClass } from "../observability/metrics.ts";
import { storedUrlsAndHashes, type NewArticle } from "../store/repositories/articles.ts";
import { storableText } from "../text/storable-text.ts";
import { getFeed, recordFetch, type Feed, type FetchOutcome } from "../store/repositories/feeds.ts";
import { storeNewArticles } from "./extract-and-store.ts";
import { delayAfterFailure, intervalAfterSuccess, isSilent, jitter, publishingGapSeconds, type FailureCause } from "./feed-schedule.ts";
import { fetchOptions, scheduleBounds } from "./fetch-options.ts";
import type { JobDeps, PollFeedResult } from "./types.ts";

/** An item's stable URL: its canonical link, else a URN built from the feed and the item's GUID or title. */
function itemUrl(feed: Feed, item: FeedItem, base: string): string | null {
  const link = item.link ? canonicalUrl(item.link, base) : null;
  if (link) return link;
  const key = item.guid ?? (item.title ? `${item.title}|${item.published?.toISOString() ?? ""}` : null);
  if (!key) return null;
  return `urn:chipwatch:${feed.id}:${createHash("sha256").update(key).digest("hex").slice(0, 32)}`;
}

export function toArticleRows(feed: Feed, parsed: ParsedFeed, base: string): NewArticle[] {
  const seen = new Set<string>();
  const rows: NewArticle[] = [];
  for (const item of parsed.items) {
    const url = itemUrl(feed, item, base);
    if (!url || seen.has(url)) continue;
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
  }
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

function failureOf(err: unknown): { cause: FailureCause; httpStatus: number | null; retryAfter: number | null; message: string } | null {
  if (err instanceof FetchError) {
    return { cause: err.kind, httpStatus: err.httpStatus, retryAfter: err.retryAfterSeconds, message: `${err.kind}: ${err.message}` };
  }
  if (err instanceof FeedParseError) return { cause: "parse", httpStatus: null, retryAfter: null, message: `parse: ${err.message}` };
  return null;
}

export async function pollFeed(data: { feedId: number }, deps: JobDeps, jobKey: string): Promise<PollFeedResult> {
  const feed = await getFeed(deps.db, data.feedId);
  if (!feed || !feed.enabled) return { feedId: data.feedId, outcome: "skipped", items: 0, newArticles: 0, flagged: 0 };
  const log = deps.logger.child({ feedId: feed.id, jobKey });
  const bounds = scheduleBounds(deps.config);
  const startedAt = new Date();
  const base = { feedId: feed.id, jobKey, startedAt };

  let fetched: FetchResult;
  let parsed: ParsedFeed;
  try {
    const host = new URL(feed.url).host;
    fetched = await deps.limitHost(host, () =>
      fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, fetchOptions(deps.config, feed)),
    );
    if (fetched.status === "not-modified") {
      deps.metrics.fetches.inc({ outcome: "not-modified", status_class: "3xx" });
      const interval = intervalAfterSuccess(bounds, {
        gapSeconds: null,
        ttlMinutes: null,
        maxAgeSeconds: null,
        previousSeconds: feed.intervalSeconds,
      });
      await recordFetch(deps.db, {
        ...base,
        finishedAt: new Date(),
        outcome: "not-modified",
        httpStatus: 304,
        bytes: 0,
        items: 0,
        newItems: 0,
        parser: null,
        error: null,
        intervalSeconds: interval,
        nextFetchAt: new Date(Date.now() + jitter(interval, feed.id) * 1000),
        etag: fetched.validators.etag,
        lastModified: fetched.validators.lastModified,
      });
      return { feedId: feed.id, outcome: "not-modified", items: 0, newArticles: 0, flagged: 0 };
    }
    deps.metrics.fetchBytes.inc(fetched.body.length);
    const decoded = decodeFeedBytes(fetched.body, fetched.contentType);
    parsed = await parseFeed(decoded.text, {
      baseUrl: fetched.finalUrl,
      timezone: feed.timezone ?? undefined,
      lang: feed.lang ?? undefined,
    });
    deps.metrics.parsedBy.inc({ parser: parsed.parser });
  } catch (err) {
    const failure = failureOf(err);
    if (!failure) throw err;
    if (failure.cause === "parse") deps.metrics.parseFailures.inc({ parser: "feedsmith" });
    deps.metrics.fetches.inc({ outcome: "error", status_class: statusClass(failure.httpStatus) });
    const consecutive = feed.consecutiveErrors + 1;
    const delay = delayAfterFailure(bounds, { ...failure, consecutive, retryAfterSeconds: failure.retryAfter });
    const outcome: FetchOutcome = {
      ...base,
      finishedAt: new Date(),
      outcome: "error",
      httpStatus: failure.httpStatus,
      bytes: 0,
      items: 0,
      newItems: 0,
      parser: null,
      error: failure.message.slice(0, 500),
      intervalSeconds: feed.intervalSeconds,
      nextFetchAt: new Date(Date.now() + delay * 1000),
      brokenReason: consecutive >= bounds.brokenAfter ? `${consecutive} failures in a row; last: ${failure.message.slice(0, 200)}` : null,
    };
    await recordFetch(deps.db, outcome);
    log.warn({ err: failure.message, consecutive, retryInSeconds: delay }, "feed fetch failed");
    return { feedId: feed.id, outcome: "error", items: 0, newArticles: 0, flagged: 0, error: failure.message };
  }

  deps.metrics.fetches.inc({ outcome: "ok", status_class: statusClass(fetched.httpStatus) });
  const rows = await onlyNew(deps, toArticleRows(feed, parsed, fetched.finalUrl));
  const stored = await storeNewArticles(rows, deps);
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
  await recordFetch(deps.db, {
    ...base,
    finishedAt: new Date(),
    outcome: "ok",
    httpStatus: fetched.httpStatus,
    bytes: fetched.body.length,
    items: parsed.items.length,
    newItems: inserted.length,
    parser: parsed.parser,
    error: null,
    intervalSeconds: interval,
    nextFetchAt: new Date(Date.now() + jitter(interval, feed.id) * 1000),
    etag: fetched.validators.etag,
    lastModified: fetched.validators.lastModified,
    title: parsed.title,
    siteUrl: parsed.link,
    lang: parsed.language,
    silent: isSilent(new Date(), newest, gap),
  });
  if (feed.fetchFullText) {
    await Promise.all(inserted.map((id) => deps.enqueue("fetchArticle", { articleId: id }, `article-${id}`)));
  }
  log.info({ items: parsed.items.length, newArticles: inserted.length, flagged, parser: parsed.parser }, "feed polled");
  return { feedId: feed.id, outcome: "ok", items: parsed.items.length, newArticles: inserted.length, flagged };
}
