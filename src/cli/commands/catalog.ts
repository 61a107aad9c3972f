import { discoveredNames } from "../../store/repositories/extractions.ts";
import { readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

/** `catalog discovered`: names found by version patterns that the catalog does not list yet, for an analyst to add. */
export const catalog: Command = async (argv, { config }) => {
  const [sub, ...rest] = argv;
  if (sub !== "discovered") throw new UsageError("catalog needs a subcommand: discovered");
  const args = readArgs(rest, { flags: ["json"] });
  const names = await withDatabase(config, (db) => discoveredNames(db));
  for (const n of names) writeLine(args.options.has("json") ? n : `${n.type}\t${n.name}\t${n.count} articles\tfirst in #${n.firstArticleId} (${n.feed ?? "?"})`);
  if (names.length === 0 && !args.options.has("json")) writeLine("no discovered names");
  return 0;
};
