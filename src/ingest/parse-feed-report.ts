// `chipwatch parse-feed FILE...`: the real decode + parse path on a file, as a report that never throws.
import { readFile } from "node:fs/promises";
import { decodeFeedBytes } from "./decode.ts";
import { parseFeed } from "./parse.ts";
import type { FeedFormat } from "./types.ts";

export interface ParseFeedReportItem {
  title: string;
  link: string | null;
  guid: string | null;
  /** ISO 8601, or null when the item has no readable date. */
  published: string | null;
}

export interface ParseFeedReport {
  file: string;
  ok: boolean;
  format: FeedFormat | null;
  /** Parser used (rss-parser, feedsmith, json), when parsing succeeded. */
  parser: string | null;
  encoding: string | null;
  title: string | null;
  items: ParseFeedReportItem[];
  error?: string;
}

export interface ParseBytesOptions {
  /** HTTP Content-Type, when known: its charset outranks the XML declaration. */
  contentType?: string | null;
  baseUrl?: string;
}

export async function parseFeedBytes(file: string, bytes: Buffer, opts: ParseBytesOptions = {}): Promise<ParseFeedReport> {
  let encoding: string | null = null;
  try {
    const decoded = decodeFeedBytes(bytes, opts.contentType ?? null);
    encoding = decoded.encoding;
    const feed = await parseFeed(decoded.text, { baseUrl: opts.baseUrl });
    return {
      file,
      ok: true,
      format: feed.format,
      parser: feed.parser,
      encoding,
      title: feed.title,
      items: feed.items.map((i) => ({
        title: i.title,
        link: i.link,
        guid: i.guid,
        published: i.published ? i.published.toISOString() : null,
      })),
    };
  } catch (err) {
    const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { file, ok: false, format: null, parser: null, encoding, title: null, items: [], error };
  }
}

export async function parseFeedFile(path: string, opts: ParseBytesOptions = {}): Promise<ParseFeedReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { file: path, ok: false, format: null, parser: null, encoding: null, title: null, items: [], error: String(err) };
  }
  return parseFeedBytes(path, bytes, opts);
}
