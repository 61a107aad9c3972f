// The command registry and its help text.
import type { Command } from "./context.ts";

// Loaded on demand: `extract --jsonl` should not pay for loading PGlite, BullMQ and the web server.
export const commands: Record<string, () => Promise<Command>> = {
  start: async () => (await import("./commands/start.ts")).start,
  worker: async () => (await import("./commands/queue.ts")).worker,
  scheduler: async () => (await import("./commands/queue.ts")).scheduler,
  web: async () => (await import("./commands/queue.ts")).web,
  migrate: async () => (await import("./commands/migrate.ts")).migrate,
  feeds: async () => (await import("./commands/feeds.ts")).feeds,
  extract: async () => (await import("./commands/extract.ts")).extract,
  eval: async () => (await import("./commands/eval.ts")).evaluate,
  explain: async () => (await import("./commands/explain.ts")).explain,
  "parse-feed": async () => (await import("./commands/parse-feed.ts")).parseFeedCommand,
  reprocess: async () => (await import("./commands/reprocess.ts")).reprocess,
  catalog: async () => (await import("./commands/catalog.ts")).catalog,
  digest: async () => (await import("./commands/digest.ts")).digest,
  users: async () => (await import("./commands/users.ts")).users,
  train: async () => (await import("./commands/train.ts")).train,
  import: async () => (await import("./commands/import.ts")).importCommand,
};

export function usage(): string {
  return `usage: chipwatch <command> [options]

  start [--demo] [--port N]       the monitor in embedded mode (PGlite in DATA_DIR, web on PORT)
  scheduler                       queue mode: enqueue due feeds (needs DATABASE_URL and REDIS_URL)
  worker [--concurrency N]        queue mode: run jobs (any number of processes)
  web                             queue mode: the web server and API
  migrate                         apply database migrations (every command also does this on start)
  feeds add URL [--kind rss|html|github-releases|huggingface|sitemap] [--title T] [--lang en|zh]
                [--timezone Asia/Shanghai] [--category C] [--note N] [--allow-private] [--full-text|--no-full-text]
                html: --item SEL --title-selector SEL --link SEL [--date SEL] [--summary SEL];
                github-releases: URL may be OWNER/REPO; huggingface: URL may be an organisation
  feeds test URL [--kind K] [--item SEL --title SEL --link SEL [--date SEL] [--summary SEL]] [--timezone Z]
                                  fetch once and print one {title, link, published} line per item; saves nothing
  feeds list [--json] | feeds import FILE.opml | feeds export
  extract --jsonl                 JSON lines {id, title, text, lang?, published?} on stdin -> extractions on stdout
  eval [--folds 5] [--sets a.jsonl,b.jsonl] [--l2 1] [--json] [--write]
                                  k-fold cross-validation of the learned indicator weights on labelled sets
                                  (default ../shared/eval/dev.jsonl,dev2.jsonl); --write refits on all of them
                                  and writes data/weights/indicators.json (a new ruleset version)
  eval --labels [--json]          the live ruleset scored against the team's labels (reviews, reported misses):
                                  precision and recall per indicator
  train [--sets a.jsonl,b.jsonl] [--folds 5] [--l2 1] [--apply] [--json]
                                  refit the indicator weights on the shipped sets plus the team's labels, show the
                                  cross-validated change and the reprocess preview; apply (stored in the database,
                                  a new ruleset version, then reprocess) only with --apply or "y" at the prompt
  explain [--title T --text X | FILE] [--json] | explain --jsonl
                                  why an article got or missed each indicator: rules, weights, contributions,
                                  evidence; --jsonl reads extract --jsonl's input and writes JSON per article
  parse-feed [--jsonl] FILE...    parse feed files, one JSON report per file
  reprocess [--since DATE] [--dry-run] [--json]
                                  re-run extraction where the ruleset changed; prints the diff per indicator
  catalog discovered [--json]     orgs, models and chips found by name shape or version, not in the catalog
  catalog export-overlay [--write] [--dir DIR]
                                  the catalog edits applied from the browser (who, when, why), one JSON line each;
                                  --write writes them into data/catalog, so git diff shows the patch
  import FILE.jsonl [--json]      archived articles {url, title, text, published, lang?, source?} through dedup,
                                  extraction, story linking and flagging (real dates; idempotent; no alerts)
  digest --week [YYYY-Www]        weekly Markdown digest per indicator
  users add NAME [--role admin|analyst|viewer]
                                  create a user (default analyst) with an own API token; prints {user, token, role}
  users remove NAME               remove a user: the token stops working, the sessions end

Global flags: --port, --host, --data-dir, --database-url, --redis-url, --concurrency, --log-level, --demo
Configuration is read from the environment (see README.md).
`;
}
