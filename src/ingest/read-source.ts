// Decoded text -> items, by the source's kind: the one dispatch every caller uses (the poll job in a parse worker,
// `feeds test`, the add-feed preview), so a preview shows exactly what a poll would store.
import { newestItems } from "./item-cap.ts";
import { parseListing } from "./html-listing.ts";
import { parseHuggingFaceModels } from "./huggingface.ts";
import { dateReading, parseFeed, type ParseOptions } from "./parse.ts";
import { parseSitemap } from "./sitemap.ts";
import type { SourceSpec } from "./source-kind.ts";
import { githubRepoOf } from "./source-url.ts";
import { FeedParseError, type ParsedFeed } from "./types.ts";

export interface SourceReadOptions extends ParseOptions {
  /** URL the document was fetched from (required: links and relative dates need it). */
  baseUrl: string;
  /** Fetch time, for relative dates. */
  now: Date;
}

export interface SourceRead {
  feed: ParsedFeed;
  /** Items beyond `maxItems`, not taken. */
  skippedItems: number;
  /** A sitemap index: the child sitemaps to read next (newest first, bounded); `feed` has no items. */
  sitemaps?: string[];
}

/** Release titles are often just "v1.2.0": the repository's name makes them mean something on their own. */
function withRepoNames(feed: ParsedFeed, url: string): ParsedFeed {
  const repo = githubRepoOf(url);
  if (!repo) return feed;
  const name = repo.split("/")[1]!.toLowerCase();
  return { ...feed, items: feed.items.map((i) => (i.title.toLowerCase().includes(name) ? i : { ...i, title: `${repo} ${i.title}`.trim() })) };
}

export async function readSource(text: string, spec: SourceSpec, options: SourceReadOptions, maxItems: number): Promise<SourceRead> {
  const dates = dateReading(options, null);
  switch (spec.kind) {
    case "html": {
      if (!spec.selectors) throw new FeedParseError("an html source needs selectors");
      return parseListing(text, spec.selectors, { baseUrl: options.baseUrl, dates, now: options.now, maxItems });
    }
    case "sitemap": {
      const map = parseSitemap(text, { baseUrl: options.baseUrl, dates, maxItems });
      if (map.kind === "index") {
        return { feed: { format: "sitemap", parser: "sitemap", title: "", link: null, language: null, ttlMinutes: null, items: [] }, skippedItems: 0, sitemaps: map.sitemaps };
      }
      return { feed: map.feed, skippedItems: map.skippedItems };
    }
    case "huggingface": {
      const { feed, skipped } = parseHuggingFaceModels(text, new URL(options.baseUrl).origin, maxItems);
      return { feed, skippedItems: skipped };
    }
    case "rss":
    case "github-releases": {
      const parsed = await parseFeed(text, options);
      const feed = spec.kind === "github-releases" ? withRepoNames(parsed, options.baseUrl) : parsed;
      const { items, skipped } = newestItems(feed.items, maxItems);
      return { feed: { ...feed, items }, skippedItems: skipped };
    }
  }
}
