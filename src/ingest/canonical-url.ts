// Canonical form of an article URL, so the same story reached through different links dedups by URL.

/** Query parameters that only track the visit and never select content. */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "mkt_tok",
  "_hsenc",
  "_hsmi",
  "spm",
  "scm",
  "from",
  "share_token",
  "share_source",
  "share_medium",
  "sharer_shareinfo",
  "sharer_shareinfo_first",
  "isappinstalled",
  "wt.mc_id",
  "cmpid",
  "ocid",
  "ref_src",
  "ref_url",
]);

/** Prefixes of tracking parameter families (utm_source, utm_medium, ...). */
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "ga_", "hmsr", "hmpl", "hmcu", "hmkw", "hmci"];

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * Canonicalises an http(s) URL: lowercase scheme and host (the URL parser does both), default port,
 * fragment and tracking parameters dropped, remaining parameters sorted, duplicate slashes in the path
 * collapsed, a trailing slash removed except for the root. Relative URLs are resolved against `base`.
 * Returns null for anything that is not an absolute http(s) URL after resolution.
 */
export function canonicalUrl(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url.trim()) : new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  if (parsed.hostname === "") return null;

  parsed.hash = "";
  parsed.username = "";
  parsed.password = "";
  // WHATWG URL already drops :80 for http and :443 for https; a trailing dot on the host is the same host.
  if (parsed.hostname.endsWith(".")) parsed.hostname = parsed.hostname.replace(/\.+$/, "");

  const kept = [...parsed.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  parsed.search = "";
  for (const [name, value] of kept) parsed.searchParams.append(name, value);

  let path = parsed.pathname.replace(/\/{2,}/g, "/");
  if (path.length > 1 && path.endsWith("/")) path = path.replace(/\/+$/, "");
  parsed.pathname = path;

  return parsed.toString();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
