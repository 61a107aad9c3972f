// `chipwatch explain`: why one article got (or missed) its indicators. `--jsonl` reads the same lines as
// `extract --jsonl` and writes one explanation per article as JSON.
import { readFileSync } from "node:fs";
import { defaultExtractor } from "../../extract/extract.ts";
import { explain as explainAnalysis, formatExplanation } from "../../extract/explain.ts";
import { runJsonl } from "../../extract/jsonl.ts";
import type { ArticleInput } from "../../extract/types.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { writeLine, type Command } from "../context.ts";

/** A file is a JSON article ({title, text}) or plain text whose first line is the title. */
function articleFromFile(path: string): ArticleInput {
  const content = readFileSync(path, "utf8");
  if (content.trimStart().startsWith("{")) {
    const r = JSON.parse(content) as Record<string, unknown>;
    return { title: typeof r.title === "string" ? r.title : "", text: typeof r.text === "string" ? r.text : "" };
  }
  const nl = content.indexOf("\n");
  return nl < 0 ? { title: content.trim(), text: "" } : { title: content.slice(0, nl).trim(), text: content.slice(nl + 1) };
}

export const explain: Command = async (argv) => {
  const args = readArgs(argv, { valued: ["title", "text"], flags: ["jsonl", "json"] });
  const extractor = defaultExtractor();
  const explainOne = (a: ArticleInput) => explainAnalysis(extractor.analyse(a), extractor.models);
  if (args.options.has("jsonl")) {
    await runJsonl(process.stdin, process.stdout, (id, article) => ({ id, ...explainOne(article) }));
    return 0;
  }
  const title = optionString(args, "title");
  const text = optionString(args, "text");
  const [file, ...extra] = args.positionals;
  if (extra.length > 0 || (file !== undefined && (title !== undefined || text !== undefined))) throw new UsageError("explain takes one FILE, or --title/--text");
  if (file === undefined && title === undefined && text === undefined) throw new UsageError("explain needs --title/--text, a FILE, or --jsonl on stdin");
  const e = explainOne(file !== undefined ? articleFromFile(file) : { title: title ?? "", text: text ?? "" });
  if (args.options.has("json")) writeLine(e);
  else process.stdout.write(formatExplanation(e));
  return 0;
};
