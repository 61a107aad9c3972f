// The addresses of the thin adapters, in the real services' URL shapes: a GitHub repository's releases Atom feed and
// the Hugging Face hub's model listing for one organisation, newest first. Users may give the short form (OWNER/REPO,
// ORG) or the service's page URL; the base URLs are settings (GITHUB_BASE_URL, HUGGINGFACE_BASE_URL) so that tests
// point them at a local server.

export interface SourceBases {
  github: string;
  huggingface: string;
}

export const DEFAULT_SOURCE_BASES: SourceBases = { github: "https://github.com", huggingface: "https://huggingface.co" };

/** Models asked for per poll: the newest this many. */
export const HUGGINGFACE_LISTING_LIMIT = 50;

const NAME = /^[A-Za-z0-9][\w.-]{0,99}$/;

const trimSlash = (base: string) => base.replace(/\/+$/, "");

export function githubReleasesUrl(base: string, owner: string, repo: string): string {
  return `${trimSlash(base)}/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/releases.atom`;
}

export function huggingfaceModelsUrl(base: string, org: string, limit = HUGGINGFACE_LISTING_LIMIT): string {
  return `${trimSlash(base)}/api/models?author=${encodeURIComponent(org)}&sort=createdAt&direction=-1&limit=${limit}`;
}

function asUrl(raw: string): URL | null {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The URL to fetch for a github-releases source: OWNER/REPO, or https://github.com/OWNER/REPO[/releases[.atom]]
 * (any host: GitHub Enterprise, a test server). Null when `raw` is neither.
 */
export function githubReleasesSource(raw: string, bases: SourceBases): string | null {
  const short = /^([^/\s]+)\/([^/\s]+)$/.exec(raw.trim());
  if (short && NAME.test(short[1]!) && NAME.test(short[2]!)) return githubReleasesUrl(bases.github, short[1]!, short[2]!);
  const url = asUrl(raw.trim());
  if (!url) return null;
  const parts = url.pathname.split("/").filter(Boolean);
  const [owner, repo, rest] = parts;
  if (!owner || !repo || !NAME.test(owner) || !NAME.test(repo.replace(/\.atom$/, ""))) return null;
  if (rest !== undefined && rest !== "releases" && rest !== "releases.atom") return null;
  return githubReleasesUrl(url.origin, owner, repo);
}

/** OWNER/REPO of a releases feed URL (for item titles). */
export function githubRepoOf(url: string): string | null {
  const parts = asUrl(url)?.pathname.split("/").filter(Boolean) ?? [];
  return parts.length >= 2 ? `${decodeURIComponent(parts[0]!)}/${decodeURIComponent(parts[1]!)}` : null;
}

/**
 * The URL to fetch for a huggingface source: ORG, https://huggingface.co/ORG, or a listing URL (/api/models?...)
 * kept as given. Null when `raw` is none of these.
 */
export function huggingfaceSource(raw: string, bases: SourceBases): string | null {
  const text = raw.trim();
  if (NAME.test(text)) return huggingfaceModelsUrl(bases.huggingface, text);
  const url = asUrl(text);
  if (!url) return null;
  if (url.pathname.replace(/\/+$/, "") === "/api/models") return url.searchParams.get("author") ? url.toString() : null;
  const parts = url.pathname.split("/").filter(Boolean);
  const org = parts[0] === "organizations" ? parts[1] : parts.length === 1 ? parts[0] : undefined;
  return org && NAME.test(org) ? huggingfaceModelsUrl(url.origin, org) : null;
}
