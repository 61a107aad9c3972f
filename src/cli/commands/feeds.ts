import { readFile } from "node:fs/promises";
import type { Config } from "../../config.ts";
import { addFeed, sourceBases } from "../../feeds/add-feeds.ts";
import { checkFeedInput, type FeedInput } from "../../feeds/feed-input.ts";
import { exportOpml, importOpml } from "../../feeds/feed-list.ts";
import { previewFeed } from "../../feeds/preview-feed.ts";
import { FeedParseError, FetchError } from "../../ingest/types.ts";
import { createOffload } from "../../offload/offload.ts";
import { listFeeds } from "../../store/repositories/feeds.ts";
import { optionString, readArgs, UsageError, type Args } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

/** Options shared by `feeds add` and `feeds test`: what a feed is (kind, selectors) and how its dates read. */
const FEED_OPTIONS = ["kind", "item", "title-selector", "link", "date", "summary", "lang", "timezone"];

/** `--title` names the feed in `feeds add`; in `feeds test` (which saves nothing) it is the title selector. */
function feedFields(args: Args, titleIsSelector: boolean): Record<string, unknown> {
  const item = optionString(args, "item");
  const titleSelector = titleIsSelector ? optionString(args, "title") : optionString(args, "title-selector");
  const selectors =
    item !== undefined || titleSelector !== undefined || optionString(args, "link") !== undefined
      ? {
          item,
          title: titleSelector,
          link: optionString(args, "link"),
          date: optionString(args, "date"),
          summary: optionString(args, "summary"),
        }
      : undefined;
  return {
    url: args.positionals[0],
    kind: optionString(args, "kind"),
    selectors,
    lang: optionString(args, "lang"),
    timezone: optionString(args, "timezone"),
    allowPrivate: args.options.has("allow-private"),
  };
}

function checked(command: string, raw: Record<string, unknown>, config: Config): FeedInput {
  const result = checkFeedInput(raw, sourceBases(config));
  if (!result.ok) throw new UsageError(`${command}: ${result.reason}`);
  return result.feed;
}

/** `feeds test`: fetches once and prints one JSON line per item ({title, link, published}); saves nothing. */
async function testFeed(rest: string[], config: Config): Promise<number> {
  const args = readArgs(rest, { valued: [...FEED_OPTIONS, "title"], flags: ["allow-private"] });
  if (args.positionals.length !== 1) throw new UsageError("feeds test needs one URL");
  const input = checked("feeds test", feedFields(args, true), config);
  const offload = createOffload(config);
  try {
    const preview = await previewFeed(input, config, offload);
    for (const item of preview.items) writeLine(item);
    for (const sitemap of preview.sitemaps ?? []) process.stderr.write(`sitemap index: a poll also reads ${sitemap}\n`);
    if (preview.skippedItems > 0) process.stderr.write(`${preview.skippedItems} more items beyond FEED_MAX_ITEMS (${config.FEED_MAX_ITEMS})\n`);
    return 0;
  } catch (err) {
    if (!(err instanceof FetchError) && !(err instanceof FeedParseError)) throw err;
    process.stderr.write(`feeds test: ${err instanceof FetchError ? `${err.kind}: ` : ""}${err.message}\n`);
    return 1;
  } finally {
    await offload.close();
  }
}

export const feeds: Command = async (argv, { config }) => {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "add": {
      const args = readArgs(rest, { valued: [...FEED_OPTIONS, "title", "category", "note"], flags: ["allow-private", "full-text", "no-full-text"] });
      if (args.positionals.length !== 1) throw new UsageError("feeds add needs one URL (or OWNER/REPO, ORG with --kind github-releases, huggingface)");
      const fullText = args.options.has("full-text") ? true : args.options.has("no-full-text") ? false : undefined;
      const input = checked(
        "feeds add",
        {
          ...feedFields(args, false),
          title: optionString(args, "title"),
          category: optionString(args, "category"),
          note: optionString(args, "note"),
          fetchFullText: fullText,
        },
        config,
      );
      const { feed, created } = await withDatabase(config, (db) => addFeed(db, input, config));
      const shown = { id: feed.id, url: feed.url, kind: feed.kind };
      writeLine(created ? { added: true, ...shown } : { added: false, ...shown, reason: "already listed" });
      return 0;
    }
    case "test":
      return testFeed(rest, config);
    case "list": {
      const args = readArgs(rest, { flags: ["json"] });
      const list = await withDatabase(config, (db) => listFeeds(db));
      for (const f of list) {
        if (args.options.has("json")) writeLine(f);
        else
          writeLine(
            [f.id, f.kind, f.enabled ? (f.broken ? "broken" : "ok") : "disabled", f.lastStatus ?? "never", f.errorCount, f.url, f.title].join("\t"),
          );
      }
      return 0;
    }
    case "import": {
      const file = rest[0];
      if (!file) throw new UsageError("feeds import needs an OPML file");
      const result = await withDatabase(config, async (db) => importOpml(db, await readFile(file, "utf8"), config));
      writeLine(result);
      return 0;
    }
    case "export": {
      process.stdout.write(await withDatabase(config, (db) => exportOpml(db)));
      return 0;
    }
    default:
      throw new UsageError("feeds needs add|test|list|import|export");
  }
};
