import { runExtractJsonl } from "../../extract/jsonl.ts";
import { readArgs, UsageError } from "../args.ts";
import type { Command } from "../context.ts";

export const extract: Command = async (argv) => {
  const args = readArgs(argv, { flags: ["jsonl"] });
  if (!args.options.has("jsonl")) throw new UsageError("extract reads JSON lines on stdin: use extract --jsonl");
  await runExtractJsonl(process.stdin, process.stdout);
  return 0;
};
