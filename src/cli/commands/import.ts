// chipwatch import FILE.jsonl: archived articles through dedup, extraction, story linking and flagging, with
// progress on stderr and a summary on stdout (--json: one JSON object). A second import of the same file adds nothing.
import { readFileSync } from "node:fs";
import { importHistory, parseImportLines } from "../../jobs/import-history.ts";
import { UsageError, readArgs } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

export const importCommand: Command = async (argv, { config }) => {
  const args = readArgs(argv, { flags: ["json"] });
  const file = args.positionals[0];
  if (!file) throw new UsageError("usage: chipwatch import FILE.jsonl [--json]");
  const { lines, invalid } = parseImportLines(readFileSync(file, "utf8"));
  const summary = await withDatabase(config, (db) =>
    importHistory(lines, { db, config }, (done, total, added) => process.stderr.write(`\rimported ${done}/${total} (${added} new)`)),
  );
  process.stderr.write("\n");
  const result = { ...summary, invalid };
  if (args.options.has("json")) writeLine(result);
  else {
    writeLine(`${result.read} articles read: ${result.added} added, ${result.skipped} already stored, ${result.flagged} events flagged, ${invalid.length} invalid lines`);
    for (const bad of invalid.slice(0, 20)) writeLine(`  line ${bad.line}: ${bad.error}`);
  }
  return invalid.length > 0 && lines.length === 0 ? 1 : 0;
};
