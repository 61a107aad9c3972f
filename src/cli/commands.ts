// The command registry and its help text.
import { catalog } from "./commands/catalog.ts";
import { digest } from "./commands/digest.ts";
import { extract } from "./commands/extract.ts";
import { feeds } from "./commands/feeds.ts";
import { migrate } from "./commands/migrate.ts";
import { parseFeedCommand } from "./commands/parse-feed.ts";
import { scheduler, web, worker } from "./commands/queue.ts";
import { reprocess } from "./commands/reprocess.ts";
import { start } from "./commands/start.ts";
import { users } from "./commands/users.ts";
import type { Command } from "./context.ts";

export const commands: Record<string, Command> = {
  start,
  worker,
  scheduler,
  web,
  migrate,
  feeds,
  extract,
  "parse-feed": parseFeedCommand,
  reprocess,
  catalog,
  digest,
  users,
};

export function usage(): string {
  return `usage: chipwatch <command> [options]

  start [--demo] [--port N]       the monitor in embedded mode (PGlite in DATA_DIR, web on PORT)
  scheduler                       queue mode: enqueue due feeds (needs DATABASE_URL and REDIS_URL)
  worker [--concurrency N]        queue mode: run jobs (any number of processes)
  web                             queue mode: the web server and API
  migrate                         apply database migrations (every command also does this on start)
  feeds add URL [--title T] [--lang en|zh] [--note N] [--allow-private] [--full-text]
  feeds list [--json] | feeds import FILE.opml | feeds export
  extract --jsonl                 JSON lines {id, title, text, lang?, published?} on stdin -> extractions on stdout
  parse-feed [--jsonl] FILE...    parse feed files, one JSON report per file
  reprocess [--since DATE] [--dry-run] [--json]
                                  re-run extraction where the ruleset changed; prints the diff per indicator
  catalog discovered [--json]     model and chip names found by version patterns, not yet in the catalog
  digest --week [YYYY-Www]        weekly Markdown digest per indicator
  users add NAME                  create an analyst with an own API token

Global flags: --port, --host, --data-dir, --database-url, --redis-url, --concurrency, --log-level, --demo
Configuration is read from the environment (see README.md).
`;
}
