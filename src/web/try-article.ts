// "Try an article": any text (or a page fetched through the guarded fetcher) run through the live extractor, the
// result in `extract --jsonl`'s shape plus the score explanation. Shared by POST /api/extract and the /try page.
import { z } from "zod";
import { explain, type Explanation } from "../extract/explain.ts";
import { toJsonlRecord, type JsonlRecord } from "../extract/jsonl.ts";
import type { Claim } from "../extract/types.ts";
import { languageCode } from "../feeds/feed-input.ts";
import { decodeFeedBytes } from "../ingest/decode.ts";
import { extractMainText } from "../ingest/article-text.ts";
import { fetchPage } from "../ingest/fetcher.ts";
import { FetchError } from "../ingest/types.ts";
import { fetchOptions } from "../jobs/fetch-options.ts";
import type { Config } from "../config.ts";
import type { Db } from "../store/db.ts";
import { liveExtractor } from "../teach/live-extractor.ts";

/** Text without NUL (PostgreSQL cannot store it, and a pasted article never needs it). */
const plain = (max: number) => z.string().max(max).refine((v) => !v.includes("\u0000"), "must not contain NUL characters");

export const tryArticleSchema = z
  .object({
    title: plain(2_000).default(""),
    text: plain(200_000).default(""),
    lang: languageCode.optional(),
    url: z
      .string()
      .trim()
      .max(2_000)
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "must be an http(s) URL")
      .optional(),
  })
  .refine((v) => v.title.trim() !== "" || v.text.trim() !== "" || v.url !== undefined, { message: "give a title, a text or a url", path: ["text"] });
export type TryArticleInput = z.output<typeof tryArticleSchema>;

export interface TryArticleResult extends JsonlRecord {
  rulesetVersion: string;
  /** Negated claims too (the jsonl line keeps affirmed ones only), for the page. */
  allClaims: Pick<Claim, "subject" | "subjectType" | "chip" | "stage" | "modality" | "negated">[];
  explanation: Explanation;
  /** The article as extracted: fetched from `url` when no text was given. */
  article: { title: string; text: string; lang?: string; url?: string };
}

export class TryFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TryFetchError";
  }
}

/** Fetches a page through the same guard as every job (never private addresses) and reads its main text. */
async function fetchArticle(url: string, config: Config): Promise<{ title: string; text: string }> {
  try {
    const page = await fetchPage(url, { ...fetchOptions(config, { allowPrivate: false }), accept: "text/html,application/xhtml+xml" });
    const html = decodeFeedBytes(page.body, page.contentType).text;
    return extractMainText(html, page.finalUrl);
  } catch (err) {
    if (err instanceof FetchError) throw new TryFetchError(`could not fetch ${url}: ${err.kind}: ${err.message}`);
    throw err;
  }
}

export async function tryArticle(db: Db, config: Config, input: TryArticleInput): Promise<TryArticleResult> {
  let { title, text } = input;
  if (input.url && title.trim() === "" && text.trim() === "") ({ title, text } = await fetchArticle(input.url, config));
  const extractor = await liveExtractor(db);
  const analysis = extractor.analyse({ title, text, lang: input.lang });
  return {
    ...toJsonlRecord(input.url ?? "", analysis.extraction),
    rulesetVersion: analysis.extraction.rulesetVersion,
    allClaims: analysis.extraction.claims.map(({ subject, subjectType, chip, stage, modality, negated }) => ({ subject, subjectType, chip, stage, modality, negated })),
    explanation: explain(analysis, extractor.models),
    article: { title, text, ...(input.lang ? { lang: input.lang } : {}), ...(input.url ? { url: input.url } : {}) },
  };
}
