// The ingest stage's contract: what a fetch returns and what a parsed feed looks like.

/** One entry of any feed format, normalised. Text fields are plain text (HTML stripped). */
export interface FeedItem {
  guid: string | null;
  /** Absolute URL as given by the feed (not yet canonicalised). */
  link: string | null;
  title: string;
  /** Plain-text summary or content from the feed. */
  summary: string;
  /** Raw HTML content when the feed carries it (untrusted: never rendered as HTML). */
  contentHtml: string | null;
  published: Date | null;
  /** Author's name (null when the feed gives only an email). */
  author: string | null;
  authorEmail: string | null;
}

/** Syndication formats, and the sources read by their own adapter (listing pages, sitemaps, the Hugging Face hub). */
export type FeedFormat = "rss" | "rdf" | "atom" | "json" | "html" | "sitemap" | "huggingface";

export interface ParsedFeed {
  format: FeedFormat;
  /** Which parser produced the result: the primary, or the lenient fallback. */
  parser: "rss-parser" | "feedsmith" | "json" | "selectors" | "sitemap" | "huggingface";
  title: string;
  link: string | null;
  /** Feed language when declared (e.g. "zh-cn"). */
  language: string | null;
  /** RSS <ttl> in minutes, when given. */
  ttlMinutes: number | null;
  items: FeedItem[];
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchResult =
  | { status: "not-modified"; httpStatus: 304; validators: Validators; finalUrl: string }
  | {
      status: "ok";
      httpStatus: number;
      body: Buffer;
      contentType: string | null;
      validators: Validators;
      finalUrl: string;
      /** Seconds from Cache-Control max-age, when given. */
      maxAgeSeconds: number | null;
    };

export type FetchErrorKind =
  | "timeout"
  | "too-large"
  | "http"
  | "blocked-address"
  | "dns"
  | "network"
  | "redirects"
  | "bad-url";

export class FetchError extends Error {
  constructor(
    readonly kind: FetchErrorKind,
    message: string,
    readonly httpStatus: number | null = null,
    /** Seconds to wait before retrying, from Retry-After on 429/503. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "FetchError";
  }
}

export class FeedParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FeedParseError";
  }
}
