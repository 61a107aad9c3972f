import { parseFeedFile } from "../../ingest/parse-feed-report.ts";
import { readArgs, UsageError } from "../args.ts";
import { writeLine, type Command } from "../context.ts";

/** One JSON line per file; a file that cannot be read or parsed gives ok: false with the error, never a crash. */
export const parseFeedCommand: Command = async (argv) => {
  const args = readArgs(argv, { flags: ["jsonl"] });
  if (args.positionals.length === 0) throw new UsageError("parse-feed needs at least one FILE");
  let failures = 0;
  for (const file of args.positionals) {
    const report = await parseFeedFile(file);
    if (!report.ok) failures++;
    writeLine(args.options.has("jsonl") ? report : JSON.stringify(report, null, 2));
  }
  // Parsing is reported per file; the command itself succeeded when it reported on every file.
  return failures === args.positionals.length && failures > 0 ? 1 : 0;
};
