// What a feed would give before it is saved: one guarded fetch, read by the same adapter a poll uses (in a parse
// worker, under PARSE_TIMEOUT_MS), nothing stored. Behind `chipwatch feeds test` and the add-feed form's preview,
// so a user can get an html source's selectors right first.
import type { Config } from "../config.ts";
import { fetchFeed } from "../ingest/fetcher.ts";
import type { Offload } from "../offload/offload.ts";
import { fetchOptions } from "../jobs/fetch-options.ts";
import type { FeedInput } from "./feed-input.ts";

/** What `feeds test` prints per item and the preview lists: exact field names are a contract. */
export interface PreviewItem {
  title: string;
  link: string | null;
  /** ISO 8601, or null when the item has no readable date. */
  published: string | null;
}

export interface FeedPreview {
  /** The URL fetched (after any redirects). */
  url: string;
  items: PreviewItem[];
  /** Items beyond FEED_MAX_ITEMS. */
  skippedItems: number;
  /** A sitemap index: the child sitemaps a poll would read (their items are not fetched by a preview). */
  sitemaps?: string[];
}

export async function previewFeed(input: FeedInput, config: Config, offload: Offload): Promise<FeedPreview> {
  const options = fetchOptions(config, { allowPrivate: input.allowPrivate ?? false });
  const fetched = await fetchFeed(input.url, { etag: null, lastModified: null }, options);
  if (fetched.status !== "ok") return { url: fetched.finalUrl, items: [], skippedItems: 0 };
  const read = await offload.readSource(
    fetched.body,
    fetched.contentType,
    { kind: input.kind, selectors: input.selectors ?? null },
    { baseUrl: fetched.finalUrl, now: new Date(), timezone: input.timezone, lang: input.lang },
    config.FEED_MAX_ITEMS,
  );
  return {
    url: fetched.finalUrl,
    items: read.feed.items.map((i) => ({ title: i.title, link: i.link, published: i.published?.toISOString() ?? null })),
    skippedItems: read.skippedItems,
    ...(read.sitemaps ? { sitemaps: read.sitemaps } : {}),
  };
}
