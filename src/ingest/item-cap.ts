// FEED_MAX_ITEMS: a poll takes at most this many items, newest first. A 100,000-item feed once stored 100,000
// articles in one poll (~30 s of blocked event loop, 972 MB RSS); the items left out are counted, never silently lost.
import type { FeedItem } from "./types.ts";

export interface CappedItems<T = FeedItem> {
  items: T[];
  /** Items in the document beyond the cap, not taken. */
  skipped: number;
}

/**
 * The `max` newest items (dated ones by date, newest first, then undated ones in document order, as feeds list
 * newest first), kept in document order.
 */
export function newestItems<T extends Pick<FeedItem, "published">>(items: T[], max: number): CappedItems<T> {
  if (items.length <= max) return { items, skipped: 0 };
  const rank = items
    .map((item, index) => ({ index, time: item.published?.getTime() ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.time - a.time || a.index - b.index);
  const keep = new Set(rank.slice(0, max).map((r) => r.index));
  return { items: items.filter((_, i) => keep.has(i)), skipped: items.length - max };
}
