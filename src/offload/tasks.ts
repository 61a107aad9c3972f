// The work that runs in a parse worker: everything that reads a fetched body (decode, parse, article text). Inputs
// and results cross a thread boundary, so they are plain data (structured clone: strings, numbers, Dates, arrays).
import { extractMainText, type MainText } from "../ingest/article-text.ts";
import { decodeFeedBytes } from "../ingest/decode.ts";
import { newestItems } from "../ingest/item-cap.ts";
import { parseFeed, type ParseOptions } from "../ingest/parse.ts";
import { readSource, type SourceRead, type SourceReadOptions } from "../ingest/read-source.ts";
import type { SourceSpec } from "../ingest/source-kind.ts";
import type { ParsedFeed } from "../ingest/types.ts";

export interface ParsedBody {
  /** The feed with at most `maxItems` items (the newest). */
  feed: ParsedFeed;
  /** Items the document held beyond `maxItems`. */
  skippedItems: number;
  /** Encoding the body was decoded with. */
  encoding: string;
}

export async function parseFeedBody(body: Uint8Array, contentType: string | null, options: ParseOptions, maxItems: number): Promise<ParsedBody> {
  const decoded = decodeFeedBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType);
  const feed = await parseFeed(decoded.text, options);
  const { items, skipped } = newestItems(feed.items, maxItems);
  return { feed: { ...feed, items }, skippedItems: skipped, encoding: decoded.encoding };
}

/** A fetched body of any source kind (rss, html, sitemap, ...) read into items, at most `maxItems` of them. */
export async function readSourceBody(body: Uint8Array, contentType: string | null, spec: SourceSpec, options: SourceReadOptions, maxItems: number): Promise<SourceRead & { encoding: string }> {
  const decoded = decodeFeedBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType);
  return { ...(await readSource(decoded.text, spec, options, maxItems)), encoding: decoded.encoding };
}

export function mainTextOfPage(body: Uint8Array, contentType: string | null, url: string): MainText {
  const html = decodeFeedBytes(Buffer.from(body.buffer, body.byteOffset, body.byteLength), contentType).text;
  return extractMainText(html, url);
}

export const tasks = { parseFeedBody, readSourceBody, mainTextOfPage };
export type TaskName = keyof typeof tasks;
