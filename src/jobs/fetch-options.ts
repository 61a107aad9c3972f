// The fetch guards every job uses, from the one config object.
import type { Config } from "../config.ts";
import type { FetchOptions } from "../ingest/fetcher.ts";

export function fetchOptions(config: Config, feed: { allowPrivate: boolean }): FetchOptions {
  return {
    timeoutMs: config.FETCH_TIMEOUT_MS,
    connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    userAgent: `chipwatch/0.1 (+${config.CONTACT_URL})`,
    allowPrivate: config.ALLOW_PRIVATE_NETWORKS || feed.allowPrivate,
  };
}

export function scheduleBounds(config: Config) {
  return {
    minSeconds: config.FEED_MIN_INTERVAL_S,
    maxSeconds: config.FEED_MAX_INTERVAL_S,
    defaultSeconds: config.FEED_DEFAULT_INTERVAL_S,
    brokenAfter: config.FEED_BROKEN_AFTER,
  };
}
