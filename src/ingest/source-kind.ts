// What a feed row can point at. `rss` is any syndication document (RSS, Atom, RDF, JSON Feed: auto-detected);
// the others are sources without a feed, read by their own adapter over the same guarded fetcher.

export const FEED_KINDS = ["rss", "html", "github-releases", "huggingface", "sitemap"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * CSS selectors (cheerio) for a listing page: `item` selects each entry's container in the page; the others are
 * read inside each item (an item that itself matches one counts as its own match).
 */
export interface ListingSelectors {
  item: string;
  title: string;
  link: string;
  date?: string;
  summary?: string;
}

/** A source as its adapter needs it: the kind and, for `html`, its selectors. */
export interface SourceSpec {
  kind: FeedKind;
  selectors?: ListingSelectors | null;
}

/** Kinds whose items are links to article pages with no text of their own: their pages are fetched by default. */
export function fullTextByDefault(kind: FeedKind): boolean {
  return kind === "html" || kind === "sitemap" || kind === "huggingface";
}
