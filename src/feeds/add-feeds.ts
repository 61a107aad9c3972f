// The one way a feed is added, whoever asks (API, web form, CLI, OPML import, the default list): checked by
// feedInputSchema, stored under its canonical URL, polled every FEED_DEFAULT_INTERVAL_S until the schedule
// learns the feed's own pace.
import type { Config } from "../config.ts";
import { addFeeds, findFeedByUrl, type Feed, type NewFeed } from "../store/repositories/feeds.ts";
import { fullTextByDefault } from "../ingest/source-kind.ts";
import { DEFAULT_SOURCE_BASES, type SourceBases } from "../ingest/source-url.ts";
import type { Db } from "../store/db.ts";
import { checkFeedInput, type FeedInput } from "./feed-input.ts";

export type FeedDefaults = Pick<Config, "FEED_DEFAULT_INTERVAL_S">;
type SourceBaseSettings = Partial<Pick<Config, "GITHUB_BASE_URL" | "HUGGINGFACE_BASE_URL">>;

/** The github-releases and huggingface base URLs from the config (the public services unless set). */
export function sourceBases(config: SourceBaseSettings): SourceBases {
  return {
    github: config.GITHUB_BASE_URL ?? DEFAULT_SOURCE_BASES.github,
    huggingface: config.HUGGINGFACE_BASE_URL ?? DEFAULT_SOURCE_BASES.huggingface,
  };
}

/** Problems listed in a report; the rest are only counted, so a broken 50,000-line file gives a short answer. */
const MAX_LISTED_PROBLEMS = 100;

function toRow(input: FeedInput, defaults: FeedDefaults): NewFeed {
  return {
    url: input.url,
    kind: input.kind,
    selectors: input.selectors ?? null,
    title: input.title ?? "",
    lang: input.lang ?? null,
    timezone: input.timezone ?? null,
    category: input.category ?? null,
    note: input.note ?? null,
    allowPrivate: input.allowPrivate ?? false,
    // Listing pages, sitemaps and model listings give a title and a link only: the text is on the article's page.
    fetchFullText: input.fetchFullText ?? fullTextByDefault(input.kind),
    intervalSeconds: defaults.FEED_DEFAULT_INTERVAL_S,
  };
}

/** Adds one checked feed; `created` is false when that URL was already listed (the listed feed is returned). */
export async function addFeed(db: Db, input: FeedInput, defaults: FeedDefaults): Promise<{ feed: Feed; created: boolean }> {
  const [created] = await addFeeds(db, [toRow(input, defaults)]);
  if (created) return { feed: created, created: true };
  const existing = await findFeedByUrl(db, input.url);
  // Only a concurrent delete between the two statements could get here; there is no feed deletion.
  if (!existing) throw new Error(`feed ${input.url} was neither added nor found`);
  return { feed: existing, created: false };
}

export interface FeedListReport {
  /** Entries in the list. */
  found: number;
  added: number;
  /** Already monitored, or listed twice in this list (after URL canonicalisation). */
  alreadyPresent: number;
  invalid: number;
  /** The first invalid entries with the reason each was refused. */
  problems: { url: string; reason: string }[];
}

/** Adds every valid entry of a list (OPML import, the default list); invalid ones are counted with reasons. */
export async function addFeedList(db: Db, entries: readonly { url?: unknown }[], defaults: FeedDefaults & SourceBaseSettings): Promise<FeedListReport> {
  const rows = new Map<string, NewFeed>();
  const problems: FeedListReport["problems"] = [];
  let invalid = 0;
  let repeated = 0;
  for (const entry of entries) {
    const checked = checkFeedInput(entry, sourceBases(defaults));
    if (!checked.ok) {
      invalid++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ url: String(entry.url ?? "").slice(0, 300), reason: checked.reason });
    } else if (rows.has(checked.feed.url)) repeated++;
    else rows.set(checked.feed.url, toRow(checked.feed, defaults));
  }
  const added = await addFeeds(db, [...rows.values()]);
  return { found: entries.length, added: added.length, alreadyPresent: rows.size - added.length + repeated, invalid, problems };
}
