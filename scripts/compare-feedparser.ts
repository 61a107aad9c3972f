// Agreement with feedparser (Debian's python3-feedparser 6.0.10, the reference parser) over the feed corpus:
// items, titles, links, dates, authors and text, by suite, with every disagreement classified (chipwatch right /
// feedparser right / policy) by the rules in ./feedparser-disagreements.ts.
//   npx tsx scripts/compare-feedparser.ts [--write-doc] [FILE...]     (FILE: paths relative to the corpus)
import { spawn, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { decodeFeedBytes } from "../src/ingest/decode.ts";
import { collapseWhitespace } from "../src/ingest/html-text.ts";
import { parseFeed } from "../src/ingest/parse.ts";
import { CORPUS, REPO, corpusInputs, type CorpusInput } from "../tests/support/feed-corpus.ts";
import { classify, type Verdict } from "./feedparser-disagreements.ts";

export const FIELDS = ["items", "title", "link", "date", "author", "text"] as const;
export type Field = (typeof FIELDS)[number];

/** One item as both sides report it: plain text, absolute links, UTC ISO dates. */
export interface ComparedItem {
  title: string | null;
  link: string | null;
  published: string | null;
  author: string | null;
  email: string | null;
  summary: string | null;
}

export interface SideResult {
  error?: string;
  items: ComparedItem[];
}

export interface Disagreement {
  file: string;
  field: Field;
  /** First differing item (index), or null for the item count. */
  index: number | null;
  ours: unknown;
  theirs: unknown;
  verdict: Verdict;
}

export interface Comparison {
  files: number;
  /** suite -> field -> [agree, compared] */
  bySuite: Map<string, Record<Field, [number, number]>>;
  disagreements: Disagreement[];
}

const FEEDPARSER_HELPER = path.join(REPO, "scripts/feedparser-dump.py");
const PYTHONS = ["/usr/bin/python3", "python3"];

/** A python that can import feedparser, or null when python3-feedparser is not installed. */
export function findFeedparserPython(): string | null {
  for (const python of PYTHONS) {
    const probe = spawnSync(python, ["-c", "import feedparser"], { stdio: "ignore" });
    if (probe.status === 0) return python;
  }
  return null;
}

async function runFeedparser(python: string, inputs: CorpusInput[]): Promise<Map<string, SideResult>> {
  const child = spawn(python, [FEEDPARSER_HELPER], { stdio: ["pipe", "pipe", "inherit"] });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((ok, fail) => {
    child.on("error", fail);
    child.on("close", (code) => (code === 0 ? ok() : fail(new Error(`feedparser helper exited with ${code}`))));
  });
  for (const input of inputs) {
    child.stdin.write(
      `${JSON.stringify({ file: input.file, path: path.join(CORPUS, input.file), content_type: input.http_content_type ?? null, base_url: input.feed_url ?? null })}\n`,
    );
  }
  child.stdin.end();
  await done;
  const results = new Map<string, SideResult>();
  for (const line of Buffer.concat(chunks).toString("utf8").split("\n")) {
    if (line.trim() === "") continue;
    const r = JSON.parse(line) as { file: string; error?: string; bozo?: boolean; items: ComparedItem[] };
    results.set(r.file, { error: r.error, items: r.items });
  }
  return results;
}

async function runChipwatch(input: CorpusInput): Promise<SideResult> {
  try {
    const decoded = decodeFeedBytes(readFileSync(path.join(CORPUS, input.file)), input.http_content_type ?? null);
    const feed = await parseFeed(decoded.text, { baseUrl: input.feed_url });
    return {
      items: feed.items.map((i) => ({
        title: i.title,
        link: i.link,
        published: i.published?.toISOString() ?? null,
        author: i.author,
        email: i.authorEmail,
        summary: i.summary,
      })),
    };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err), items: [] };
  }
}

const blank = (v: string | null | undefined): string => collapseWhitespace(v ?? "");

/** The value of one field of one item, normalised so that only real differences remain. */
function fieldValue(item: ComparedItem, field: Exclude<Field, "items">): string {
  switch (field) {
    case "title":
      return blank(item.title);
    case "link":
      return (item.link ?? "").trim();
    case "date":
      return item.published ?? "";
    case "author":
      return `${blank(item.author)} <${blank(item.email).toLowerCase()}>`;
    case "text":
      // Whitespace placement around block elements differs between HTML-to-text conversions: compare the rest.
      return (item.summary ?? "").normalize("NFC").replace(/[\s\u00a0\u3000]+/g, "");
  }
}

export function suiteOf(file: string): string {
  const parts = file.split("/");
  if (parts[0] !== "feedparser") return parts[0]!;
  return parts[1] === "tests" ? `feedparser/${parts[2]}` : "feedparser/docs";
}

export async function compareWithFeedparser(python: string, inputs: CorpusInput[]): Promise<Comparison> {
  const theirs = await runFeedparser(python, inputs);
  const bySuite = new Map<string, Record<Field, [number, number]>>();
  const disagreements: Disagreement[] = [];
  for (const input of inputs) {
    const ours = await runChipwatch(input);
    const their = theirs.get(input.file) ?? { error: "no result", items: [] };
    const suite = suiteOf(input.file);
    const row = bySuite.get(suite) ?? (Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>);
    bySuite.set(suite, row);
    const count = (field: Field, agree: boolean) => {
      row[field][1]++;
      if (agree) row[field][0]++;
    };
    const disagree = (field: Field, index: number | null, a: unknown, b: unknown) =>
      disagreements.push({ file: input.file, field, index, ours: a, theirs: b, verdict: classify({ file: input.file, field, ours: a, theirs: b, input }) });

    const sameCount = ours.items.length === their.items.length;
    count("items", sameCount);
    if (!sameCount) disagree("items", null, ours.error ? `error: ${ours.error}` : ours.items.length, their.error ? `error: ${their.error}` : their.items.length);
    if (!sameCount || ours.items.length === 0) continue;
    for (const field of FIELDS) {
      if (field === "items") continue;
      const index = ours.items.findIndex((item, i) => fieldValue(item, field) !== fieldValue(their.items[i]!, field));
      count(field, index < 0);
      if (index >= 0) disagree(field, index, fieldValue(ours.items[index]!, field), fieldValue(their.items[index]!, field));
    }
  }
  return { files: inputs.length, bySuite, disagreements };
}

const pct = ([a, n]: [number, number]) => (n === 0 ? "-" : `${a}/${n} (${((100 * a) / n).toFixed(1)}%)`);

export function renderMarkdown(c: Comparison, exampleLimit = 12): string {
  const total = Object.fromEntries(FIELDS.map((f) => [f, [0, 0]])) as Record<Field, [number, number]>;
  for (const row of c.bySuite.values()) for (const f of FIELDS) total[f] = [total[f][0] + row[f][0], total[f][1] + row[f][1]];
  const lines = [
    "## Agreement with feedparser",
    "",
    `Written by \`npx tsx scripts/compare-feedparser.ts --write-doc\`: Debian's python3-feedparser 6.0.10 and chipwatch`,
    `(decode + parse) over all ${c.files} corpus inputs. \`items\`: same item count (both refusing counts as agreement).`,
    "The other fields are compared on files where both read the same number of items (at least one), item by item:",
    "a file agrees when every item does. Titles and text are compared as plain text (text ignoring whitespace),",
    "authors as name and email, dates as UTC instants.",
    "",
    `| suite | ${FIELDS.join(" | ")} |`,
    `|---|${FIELDS.map(() => "---:").join("|")}|`,
    ...[...c.bySuite.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, row]) => `| ${s} | ${FIELDS.map((f) => pct(row[f])).join(" | ")} |`),
    `| **total** | ${FIELDS.map((f) => pct(total[f])).join(" | ")} |`,
    "",
  ];
  const byClass = new Map<string, Map<string, Disagreement[]>>();
  for (const d of c.disagreements) {
    const reasons = byClass.get(d.verdict.class) ?? new Map<string, Disagreement[]>();
    byClass.set(d.verdict.class, reasons);
    reasons.set(d.verdict.reason, [...(reasons.get(d.verdict.reason) ?? []), d]);
  }
  lines.push(`### Disagreements (${c.disagreements.length}), by class and reason`, "");
  lines.push("| class | disagreements |", "|---|---:|");
  for (const cls of ["feedparser right", "chipwatch right", "policy", "unclassified"]) {
    const n = [...(byClass.get(cls)?.values() ?? [])].reduce((s, l) => s + l.length, 0);
    lines.push(`| ${cls} | ${n} |`);
  }
  lines.push("");
  for (const cls of ["feedparser right", "chipwatch right", "policy", "unclassified"]) {
    const reasons = byClass.get(cls);
    if (!reasons) continue;
    lines.push(`#### ${cls}`, "");
    for (const [reason, list] of [...reasons.entries()].sort((a, b) => b[1].length - a[1].length)) {
      lines.push(`- **${reason}** (${list.length})`);
      for (const d of list.slice(0, exampleLimit)) {
        const at = d.index === null ? "" : `[${d.index}]`;
        lines.push(`  - \`${d.file}\` ${d.field}${at}: chipwatch ${short(d.ours)}, feedparser ${short(d.theirs)}`);
      }
      if (list.length > exampleLimit) lines.push(`  - … and ${list.length - exampleLimit} more`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

function short(v: unknown): string {
  const s = JSON.stringify(v) ?? "null";
  return `\`${(s.length > 90 ? `${s.slice(0, 87)}…` : s).replace(/`/g, "'")}\``;
}

const DOC = path.join(REPO, "docs/CORPUS.md");
export const AGREEMENT_HEADING = "## Agreement with feedparser";

/** Replaces (or appends) the agreement section of docs/CORPUS.md. */
function writeDoc(markdown: string): void {
  const current = readFileSync(DOC, "utf8");
  const at = current.indexOf(AGREEMENT_HEADING);
  writeFileSync(DOC, `${(at < 0 ? current : current.slice(0, at)).trimEnd()}\n\n${markdown.trimEnd()}\n`);
}

async function main(argv: string[]): Promise<void> {
  const python = findFeedparserPython();
  if (!python) throw new Error("python3-feedparser is not installed (apt-get install -y python3-feedparser)");
  const files = argv.filter((a) => !a.startsWith("--"));
  const all = corpusInputs();
  const inputs = files.length === 0 ? all : all.filter((i) => files.includes(i.file));
  const comparison = await compareWithFeedparser(python, inputs);
  const markdown = renderMarkdown(comparison, argv.includes("--all") ? Infinity : 12);
  if (argv.includes("--write-doc")) writeDoc(markdown);
  console.log(markdown);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
