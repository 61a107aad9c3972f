// The one way a feed is added, whoever asks (API, web form, CLI, OPML import, the default list): checked by
// feedInputSchema, stored under its canonical URL, polled every FEED_DEFAULT_INTERVAL_S until the schedule
// learns the feed's own pace.
import type { Config } from "../config.ts";
import { addFeeds, findFeedByUrl, type Feed, type NewFeed } from "../store/repositories/feeds.ts";
import type { Db } from "../store/db.ts";
import { checkFeedInput, type FeedInput } from "./feed-input.ts";

export type FeedDefaults = Pick<Config, "FEED_DEFAULT_INTERVAL_S">;

/** Problems listed in a report; the rest are only counted, so a broken 50,000-line file gives a short answer. */
const MAX_LISTED_PROBLEMS = 100;

function toRow(input: FeedInput, defaults: FeedDefaults): NewFeed {
  return {
    url: input.url,
    title: input.title ?? "",
    lang: input.lang ?? null,
    timezone: input.timezone ?? null,
    category: input.category ?? null,
    note: input.note ?? null,
    allowPrivate: input.allowPrivate ?? false,
    fetchFullText: input.fetchFullText ?? false,
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
export async function addFeedList(db: Db, entries: readonly { url?: unknown }[], defaults: FeedDefaults): Promise<FeedListReport> {
  const rows = new Map<string, NewFeed>();
  const problems: FeedListReport["problems"] = [];
  let invalid = 0;
  let repeated = 0;
  for (const entry of entries) {
    const checked = checkFeedInput(entry);
    if (!checked.ok) {
      invalid++;
      if (problems.length < MAX_LISTED_PROBLEMS) problems.push({ url: String(entry.url ?? "").slice(0, 300), reason: checked.reason });
    } else if (rows.has(checked.feed.url)) repeated++;
    else rows.set(checked.feed.url, toRow(checked.feed, defaults));
  }
  const added = await addFeeds(db, [...rows.values()]);
  return { found: entries.length, added: added.length, alreadyPresent: rows.size - added.length + repeated, invalid, problems };
}
