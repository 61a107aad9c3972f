// One poll's fetched body -> items, whatever the feed's kind: the body is read in a parse worker (under
// PARSE_TIMEOUT_MS) by the kind's adapter; a sitemap index has its newest child sitemaps (at most
// MAX_CHILD_SITEMAPS, one level down: an index inside an index is not followed) fetched through the same guarded
// fetcher and host limiter, and their items merged, the newest FEED_MAX_ITEMS kept.
import { fetchFeed } from "../ingest/fetcher.ts";
import { newestItems } from "../ingest/item-cap.ts";
import type { SourceRead, SourceReadOptions } from "../ingest/read-source.ts";
import type { FeedKind, SourceSpec } from "../ingest/source-kind.ts";
import { FetchError, type FeedItem } from "../ingest/types.ts";
import type { Feed } from "../store/repositories/feeds.ts";
import { fetchOptions } from "./fetch-options.ts";
import type { JobDeps } from "./types.ts";

/** What each kind asks the server for. */
const ACCEPT: Partial<Record<FeedKind, string>> = {
  html: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
  huggingface: "application/json",
  sitemap: "application/xml, text/xml;q=0.9, */*;q=0.5",
};

export function sourceSpec(feed: Pick<Feed, "kind" | "selectors">): SourceSpec {
  return { kind: feed.kind, selectors: feed.selectors };
}

export function fetchOptionsFor(deps: JobDeps, feed: Feed) {
  const accept = ACCEPT[feed.kind];
  return { ...fetchOptions(deps.config, feed), ...(accept ? { accept } : {}) };
}

function readOptions(feed: Feed, baseUrl: string, now: Date): SourceReadOptions {
  return { baseUrl, now, timezone: feed.timezone ?? undefined, lang: feed.lang ?? undefined };
}

async function childSitemaps(deps: JobDeps, feed: Feed, urls: string[], now: Date): Promise<{ items: FeedItem[]; skipped: number }> {
  const items: FeedItem[] = [];
  let skipped = 0;
  for (const url of urls) {
    const child = await deps.limitHost(new URL(url).host, () =>
      fetchFeed(url, { etag: null, lastModified: null }, fetchOptionsFor(deps, feed)).catch((err: unknown) => {
        throw err instanceof FetchError ? err : new FetchError("network", err instanceof Error ? err.message : String(err));
      }),
    );
    if (child.status !== "ok") continue;
    deps.metrics.fetchBytes.inc(child.body.length);
    const read = await deps.offload.readSource(child.body, child.contentType, sourceSpec(feed), readOptions(feed, child.finalUrl, now), deps.config.FEED_MAX_ITEMS);
    items.push(...read.feed.items);
    skipped += read.skippedItems;
  }
  return { items, skipped };
}

export async function readFetchedFeed(deps: JobDeps, feed: Feed, body: Buffer, contentType: string | null, finalUrl: string): Promise<SourceRead> {
  const now = new Date();
  const read = await deps.offload.readSource(body, contentType, sourceSpec(feed), readOptions(feed, finalUrl, now), deps.config.FEED_MAX_ITEMS);
  if (!read.sitemaps) return read;
  const children = await childSitemaps(deps, feed, read.sitemaps, now);
  const { items, skipped } = newestItems(children.items, deps.config.FEED_MAX_ITEMS);
  return { feed: { ...read.feed, items }, skippedItems: children.skipped + skipped };
}
