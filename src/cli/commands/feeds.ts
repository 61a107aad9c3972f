import { readFile } from "node:fs/promises";
import { exportOpml, importOpml } from "../../app/feed-list.ts";
import { canonicalUrl } from "../../ingest/canonical-url.ts";
import { addFeeds, listFeeds } from "../../store/repositories/feeds.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

export const feeds: Command = async (argv, { config }) => {
  const [sub, ...rest] = argv;
  switch (sub) {
    case "add": {
      const args = readArgs(rest, { valued: ["title", "lang", "note"], flags: ["allow-private", "full-text"] });
      const url = args.positionals[0];
      if (!url || !/^https?:\/\//i.test(url) || !canonicalUrl(url)) throw new UsageError("feeds add needs an http(s) URL");
      const added = await withDatabase(config, (db) =>
        addFeeds(db, [
          {
            url,
            title: optionString(args, "title"),
            lang: optionString(args, "lang") ?? null,
            note: optionString(args, "note") ?? null,
            allowPrivate: args.options.has("allow-private"),
            fetchFullText: args.options.has("full-text"),
          },
        ]),
      );
      writeLine(added.length > 0 ? { added: true, id: added[0]!.id, url } : { added: false, url, reason: "already listed" });
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
      const result = await withDatabase(config, async (db) => importOpml(db, await readFile(file, "utf8")));
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
