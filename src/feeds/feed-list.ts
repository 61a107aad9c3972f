// Feed lists in and out: OPML import/export and the default list loaded into an empty database.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../package-root.ts";
import { parseOpml, toOpml } from "../ingest/opml.ts";
import type { Db } from "../store/db.ts";
import { countFeeds, listFeeds } from "../store/repositories/feeds.ts";
import { addFeedList, type FeedDefaults, type FeedListReport } from "./add-feeds.ts";

export async function importOpml(db: Db, opml: string, defaults: FeedDefaults): Promise<FeedListReport> {
  // OPML carries no allowPrivate: reaching private addresses stays an explicit decision per feed, not a file's.
  return addFeedList(db, parseOpml(opml), defaults);
}

export async function exportOpml(db: Db): Promise<string> {
  const feeds = await listFeeds(db);
  return toOpml(
    feeds.map((f) => ({
      url: f.url,
      title: f.title,
      lang: f.lang ?? undefined,
      note: f.note ?? undefined,
      category: f.category ?? undefined,
      timezone: f.timezone ?? undefined,
      fetchFullText: f.fetchFullText,
      kind: f.kind,
      selectors: f.selectors ?? undefined,
    })),
  );
}

/** Loads the default list when the database has no feeds at all (a first start). */
export async function loadDefaultFeedsIfEmpty(db: Db, path: string, defaults: FeedDefaults): Promise<FeedListReport | null> {
  if ((await countFeeds(db)) > 0) return null;
  // A relative path is taken from the working directory, else from the installed package (its shipped list).
  const file = existsSync(path) ? resolve(path) : resolve(PACKAGE_ROOT, path);
  return importOpml(db, await readFile(file, "utf8"), defaults);
}
