// JSON Lines in and out: one article per line in, one extraction record per line out (the scorer's format).
import { createInterface } from "node:readline";
import type { ArticleInput, Extraction } from "./types.ts";
import { extract } from "./extract.ts";

export interface JsonlRecord {
  id: string;
  entities: { type: string; name: string; surface: string; start: number; end: number }[];
  claims: { subject: string; chip: string; stage: string; modality: string }[];
  indicators: { id: string; score: number; rules: string[] }[];
}

export function toJsonlRecord(id: string, x: Extraction): JsonlRecord {
  return {
    id,
    // Orgs found by name shape stay out: they are written as in the text, so a Chinese one never equals
    // the English name it is labelled with, and on dev/dev2 they only added false positives (see
    // docs/EXTRACTION.md). They are kept in the database and listed by `chipwatch catalog discovered`.
    entities: x.entities.filter((e) => !(e.discovered && e.type === "org")).map(({ type, name, surface, start, end }) => ({ type, name, surface, start, end })),
    claims: x.claims.filter((c) => !c.negated).map(({ subject, chip, stage, modality }) => ({ subject, chip, stage, modality })),
    indicators: x.indicators.map(({ id: ind, score, rules }) => ({ id: ind, score, rules })),
  };
}

/** Reads {id, title, text, lang?, published?} lines; writes one JSON line per input line: `handle`'s result.
 * A bad line writes {id: null, error} (or the id when it could be read) and the run goes on. */
export async function runJsonl(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, handle: (id: string, article: ArticleInput) => unknown): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lines = 0;
  let errors = 0;
  const write = (obj: unknown) => new Promise<void>((resolve) => {
    if (output.write(JSON.stringify(obj) + "\n")) resolve();
    else output.once("drain", () => resolve());
  });
  for await (const line of rl) {
    if (!line.trim()) continue;
    lines++;
    let id: string | null = null;
    try {
      const row: unknown = JSON.parse(line);
      if (!row || typeof row !== "object") throw new Error("line is not a JSON object");
      const r = row as Record<string, unknown>;
      id = r.id === undefined || r.id === null ? null : String(r.id);
      if (typeof r.title !== "string" && typeof r.text !== "string") throw new Error("needs a string title or text");
      await write(handle(id ?? "", {
        title: typeof r.title === "string" ? r.title : "",
        text: typeof r.text === "string" ? r.text : "",
        lang: typeof r.lang === "string" ? r.lang : undefined,
        published: typeof r.published === "string" ? r.published : undefined,
      }));
    } catch (e) {
      errors++;
      await write({ id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { lines, errors };
}

/** `extract --jsonl`: one extraction record (the scorer's format) per article line. */
export const runExtractJsonl = (input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<{ lines: number; errors: number }> =>
  runJsonl(input, output, (id, article) => toJsonlRecord(id, extract(article)));
