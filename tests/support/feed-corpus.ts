// The shared feed corpus (../shared/corpus/feeds, see its MANIFEST.md): its indexes and a way to run the real
// decode + parse path over one input. Read-only: variants are made in memory.
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeFeedBytes } from "../../src/ingest/decode.ts";
import { parseFeed, type ParseOptions } from "../../src/ingest/parse.ts";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const CORPUS = path.resolve(REPO, "../shared/corpus/feeds");

export interface CorpusInput {
  file: string;
  source: string;
  item_count?: number;
  http_content_type?: string;
  feed_url?: string;
  error_contains?: string;
  tags?: string[];
}

export const readJsonl = <T>(name: string): T[] =>
  readFileSync(path.join(CORPUS, name), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T);

export const corpusInputs = (): CorpusInput[] => readJsonl<CorpusInput>("inputs.jsonl");

/** Everything decode + parse produce for one input, or the error, as one comparable JSON string. */
export async function parseCorpusInputToJson(input: CorpusInput, opts: Omit<ParseOptions, "baseUrl"> = {}): Promise<string> {
  try {
    const decoded = decodeFeedBytes(readFileSync(path.join(CORPUS, input.file)), input.http_content_type ?? null);
    const feed = await parseFeed(decoded.text, { ...opts, baseUrl: input.feed_url });
    return JSON.stringify({ encoding: decoded.encoding, feed });
  } catch (err) {
    return JSON.stringify({ error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
}
