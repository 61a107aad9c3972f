// What a user may say about a new feed, checked once: the API, the web form, the CLI and OPML import all hand
// their fields to this schema, so a feed means the same thing whichever way it was added. A new setting (a
// feed kind and its selectors, say) is one more field here.
import { z } from "zod";
import { describeIssues } from "../describe-issues.ts";

/** Longest feed URL we store, counted after canonicalisation (percent-encoding can lengthen it). */
export const FEED_URL_MAX_CHARS = 2000;

/**
 * The form a feed URL is stored and compared in: WHATWG serialisation (lowercase scheme and host, default port
 * dropped, path dot-segments resolved, non-ASCII percent-encoded or punycoded) without the fragment, which is
 * never sent to the server. Unlike article URLs (canonical-url.ts), query parameters are kept as given and in
 * order and a trailing slash stays: a feed URL is an address we fetch, and `?from=rss` or `/feed/` may select
 * what the server returns. Null for anything but an absolute http(s) URL with a host.
 */
export function canonicalFeedUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") return null;
  url.hash = "";
  return url.toString();
}

let zoneSpellings: Map<string, string> | null = null;

/**
 * An IANA time zone name as it is stored: the name given if the runtime's time zone data knows it, in the
 * spelling of ICU's list when the case differs ("asia/shanghai" -> "Asia/Shanghai"); null if unknown. Only
 * Area/Location names and UTC: abbreviations (CST is China, Cuba or US Central) and offsets (+08:00, no DST
 * rules) are refused. The name is not replaced by ICU's canonical one, which is often the older spelling
 * (Asia/Kolkata resolves to Asia/Calcutta).
 */
export function canonicalTimeZone(name: string): string | null {
  if (name !== "UTC" && !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(name)) return null;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
  } catch {
    return null;
  }
  zoneSpellings ??= new Map(Intl.supportedValuesOf("timeZone").map((z) => [z.toLowerCase(), z]));
  return zoneSpellings.get(name.toLowerCase()) ?? name;
}

export const languageCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a language code like en or zh-CN");

const feedUrl = z
  .string()
  .trim()
  .min(1, "a feed needs a URL")
  // Checked before parsing too, so a megabyte of URL is refused without building it.
  .max(FEED_URL_MAX_CHARS, `must be at most ${FEED_URL_MAX_CHARS} characters`)
  .transform((raw, ctx) => {
    const url = canonicalFeedUrl(raw);
    if (url === null) {
      ctx.addIssue({ code: "custom", message: "must be an http(s) URL" });
      return z.NEVER;
    }
    if (url.length > FEED_URL_MAX_CHARS) {
      ctx.addIssue({ code: "custom", message: `must be at most ${FEED_URL_MAX_CHARS} characters` });
      return z.NEVER;
    }
    return url;
  });

const timeZone = z
  .string()
  .trim()
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone === null) {
      ctx.addIssue({ code: "custom", message: "must be an IANA time zone name like Asia/Shanghai or UTC" });
      return z.NEVER;
    }
    return zone;
  });

/** Empty strings (an empty form field, an OPML attribute without a value) mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const feedInputSchema = z.object({
  url: feedUrl,
  title: optional(z.string().trim().max(300)),
  lang: optional(languageCode),
  timezone: optional(timeZone),
  category: optional(z.string().trim().max(100)),
  note: optional(z.string().trim().max(2000)),
  allowPrivate: z.boolean().optional(),
  fetchFullText: z.boolean().optional(),
});

/** A checked new feed: canonical URL, canonical zone name, lengths within limits. */
export type FeedInput = z.output<typeof feedInputSchema>;

export type CheckedFeed = { ok: true; feed: FeedInput } | { ok: false; reason: string };

export function checkFeedInput(raw: unknown): CheckedFeed {
  const parsed = feedInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, feed: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
