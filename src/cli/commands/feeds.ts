import { readFile } from "node:fs/promises";
import { addFeed } from "../../feeds/add-feeds.ts";
import { checkFeedInput } from "../../feeds/feed-input.ts";
import { exportOpml, importOpml } from "../../feeds/feed-list.ts";
import { listFeeds } from "../../store/repositories/feeds.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

export const feeds: Command = async (argv, { config }) => {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "add": {
      const args = readArgs(rest, { valued: ["title", "lang", "timezone", "category", "note"], flags: ["allow-private", "full-text"] });
      if (args.positionals.length !== 1) throw new UsageError("feeds add needs one http(s) URL");
      const checked = checkFeedInput({
        url: args.positionals[0],
        title: optionString(args, "title"),
        lang: optionString(args, "lang"),
        timezone: optionString(args, "timezone"),
        category: optionString(args, "category"),
        note: optionString(args, "note"),
        allowPrivate: args.options.has("allow-private"),
        fetchFullText: args.options.has("full-text"),
      });
      if (!checked.ok) throw new UsageError(`feeds add: ${checked.reason}`);
      const { feed, created } = await withDatabase(config, (db) => addFeed(db, checked.feed, config));
      writeLine(created ? { added: true, id: feed.id, url: feed.url } : { added: false, id: feed.id, url: feed.url, reason: "already listed" });
      return 0;
    }
    case "list": {
      const args = readArgs(rest, { flags: ["json"] });
      const list = await withDatabase(config, (db) => listFeeds(db));
      for (const f of list) {
        if (args.options.has("json")) writeLine(f);
        else
          writeLine(
            [f.id, f.enabled ? (f.broken ? "broken" : "ok") : "disabled", f.lastStatus ?? "never", f.errorCount, f.url, f.title].join("\t"),
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
      throw new UsageError("feeds needs add|list|import|export");
  }
};
