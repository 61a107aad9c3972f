// What a user may say about a new feed, checked once: the API, the web form, the CLI and OPML import all hand
// their fields to this schema, so a feed means the same thing whichever way it was added. A new setting is one more
// field here. A feed's `kind` decides what its `url` may be (OWNER/REPO for github-releases, ORG for huggingface,
// expanded to the service's URL) and whether it needs `selectors` (html only; each one checked as hostile input).
import { z } from "zod";
import { describeIssues } from "../describe-issues.ts";
import { selectorProblem } from "../ingest/css-selector.ts";
import { FEED_KINDS, type FeedKind } from "../ingest/source-kind.ts";
import { DEFAULT_SOURCE_BASES, githubReleasesSource, huggingfaceSource, type SourceBases } from "../ingest/source-url.ts";

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

/** The URL a feed of `kind` is fetched from, canonical; or the reason `raw` cannot be one. */
function sourceUrl(kind: FeedKind, raw: string, bases: SourceBases): { url: string } | { problem: string } {
  const expanded =
    kind === "github-releases" ? githubReleasesSource(raw, bases) : kind === "huggingface" ? huggingfaceSource(raw, bases) : raw;
  if (expanded === null) {
    return { problem: kind === "github-releases" ? "must be OWNER/REPO or a GitHub repository URL" : "must be an organisation name or its Hugging Face URL" };
  }
  const url = canonicalFeedUrl(expanded);
  if (url === null) return { problem: "must be an http(s) URL" };
  if (url.length > FEED_URL_MAX_CHARS) return { problem: `must be at most ${FEED_URL_MAX_CHARS} characters` };
  return { url };
}

const rawUrl = z
  .string()
  .trim()
  .min(1, "a feed needs a URL")
  // Checked before parsing too, so a megabyte of URL is refused without building it.
  .max(FEED_URL_MAX_CHARS, `must be at most ${FEED_URL_MAX_CHARS} characters`);

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

const selector = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = selectorProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** CSS selectors of an html source: the item container, and inside it the title, link, date and summary. */
export const selectorsSchema = z.strictObject({
  item: selector,
  title: selector,
  link: selector,
  date: optional(selector),
  summary: optional(selector),
});

/** The add-feed schema with the given base URLs for the github-releases and huggingface short forms. */
export function feedInputSchemaFor(bases: SourceBases) {
  return z
    .object({
      url: rawUrl,
      kind: optional(z.enum(FEED_KINDS, { error: `must be one of ${FEED_KINDS.join(", ")}` })).default("rss"),
      selectors: selectorsSchema.optional(),
      title: optional(z.string().trim().max(300)),
      lang: optional(languageCode),
      timezone: optional(timeZone),
      category: optional(z.string().trim().max(100)),
      note: optional(z.string().trim().max(2000)),
      allowPrivate: z.boolean().optional(),
      fetchFullText: z.boolean().optional(),
    })
    .transform((input, ctx) => {
      const resolved = sourceUrl(input.kind, input.url, bases);
      if ("problem" in resolved) {
        ctx.addIssue({ code: "custom", path: ["url"], message: resolved.problem });
        return z.NEVER;
      }
      if (input.kind === "html" && !input.selectors) {
        ctx.addIssue({ code: "custom", path: ["selectors"], message: "an html feed needs selectors {item, title, link}" });
        return z.NEVER;
      }
      if (input.kind !== "html" && input.selectors) {
        ctx.addIssue({ code: "custom", path: ["selectors"], message: "selectors are only for kind html" });
        return z.NEVER;
      }
      return { ...input, url: resolved.url };
    });
}

export const feedInputSchema = feedInputSchemaFor(DEFAULT_SOURCE_BASES);

/** A checked new feed: canonical URL, canonical zone name, lengths within limits. */
export type FeedInput = z.output<typeof feedInputSchema>;

export type CheckedFeed = { ok: true; feed: FeedInput } | { ok: false; reason: string };

export function checkFeedInput(raw: unknown, bases: SourceBases = DEFAULT_SOURCE_BASES): CheckedFeed {
  const parsed = (bases === DEFAULT_SOURCE_BASES ? feedInputSchema : feedInputSchemaFor(bases)).safeParse(raw);
  return parsed.success ? { ok: true, feed: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}
