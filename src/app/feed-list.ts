// Feed lists in and out: OPML import/export and the default list loaded into an empty database.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { PACKAGE_ROOT } from "../package-root.ts";
import { parseOpml, toOpml } from "../ingest/opml.ts";
import type { Db } from "../store/db.ts";
import { addFeeds, countFeeds, listFeeds } from "../store/repositories/feeds.ts";

export async function importOpml(db: Db, opml: string): Promise<{ found: number; added: number }> {
  const entries = parseOpml(opml);
  const added = await addFeeds(
    db,
    entries.map((e) => ({ url: e.url, title: e.title, lang: e.lang ?? null, note: e.note ?? null })),
  );
  return { found: entries.length, added: added.length };
}

export async function exportOpml(db: Db): Promise<string> {
  const feeds = await listFeeds(db);
  return toOpml(feeds.map((f) => ({ url: f.url, title: f.title, lang: f.lang ?? undefined, note: f.note ?? undefined })));
}

/** Loads the default list when the database has no feeds at all (a first start). */
export async function loadDefaultFeedsIfEmpty(db: Db, path: string): Promise<number> {
  if ((await countFeeds(db)) > 0) return 0;
  // A relative path is taken from the working directory, else from the installed package (its shipped list).
  const file = existsSync(path) ? resolve(path) : resolve(PACKAGE_ROOT, path);
  const { added } = await importOpml(db, await readFile(file, "utf8"));
  return added;
}
