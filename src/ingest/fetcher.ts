// HTTP GET with the guards a crawler of user-supplied URLs needs: real timeouts (aborted, not abandoned), a byte
// cap on the decoded body, manual redirects re-checked per hop, the SSRF guard at connect time, conditional GET.
//
// Transport: Node's global fetch (its bundled undici). The `undici` package is not a dependency, so the Agent class
// is taken from the global dispatcher that fetch creates (Symbol.for("undici.globalDispatcher.1")), the same
// registration undici itself uses to share a dispatcher. `fetch(url, { dispatcher })` then dials through our
// `connect.lookup`, which is where the address check happens (see address-guard.ts).
import { assertUrlHostAllowed, guardedLookup, type AddressPolicy } from "./address-guard.ts";
import { parseMaxAge, parseRetryAfter } from "./http-headers.ts";
import { FetchError, type FetchResult, type Validators } from "./types.ts";

export interface FetchOptions extends AddressPolicy {
  /** Whole request, headers and body, in ms. */
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Cap on the decoded (decompressed) body. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  accept?: string;
}

export interface PageResult {
  httpStatus: number;
  body: Buffer;
  contentType: string | null;
  finalUrl: string;
}

const FEED_ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";
const PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

interface Dispatcher {
  destroy(): Promise<void>;
}
type AgentClass = new (opts: {
  connect: { timeout: number; lookup?: unknown };
  headersTimeout: number;
  bodyTimeout: number;
}) => Dispatcher;

let agentClass: AgentClass | null = null;

async function undiciAgent(): Promise<AgentClass> {
  if (agentClass) return agentClass;
  const key = Symbol.for("undici.globalDispatcher.1");
  const globals = globalThis as unknown as Record<symbol, { constructor: AgentClass } | undefined>;
  // fetch creates its global dispatcher lazily; a data: URL initialises it without any network traffic.
  if (!globals[key]) await fetch("data:,");
  const dispatcher = globals[key];
  if (!dispatcher) throw new FetchError("network", "Node's fetch exposes no undici dispatcher: cannot pin addresses");
  agentClass = dispatcher.constructor;
  return agentClass;
}

const TIMEOUT_CODES = new Set(["UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT"]);
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_NODATA", "ENODATA"]);

/** Maps whatever fetch threw (TypeError with a cause chain, AbortError) to a FetchError. */
function toFetchError(err: unknown, signal: AbortSignal, timeoutMs: number): FetchError {
  if (signal.aborted && signal.reason instanceof FetchError) return signal.reason;
  let cur: unknown = err;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (cur instanceof FetchError) return cur;
    const code = (cur as { code?: string }).code;
    if (code && TIMEOUT_CODES.has(code)) return new FetchError("timeout", `timed out (${code})`);
    if (code && DNS_CODES.has(code)) return new FetchError("dns", `DNS lookup failed (${code})`);
    if (code) return new FetchError("network", `${code}: ${(cur as Error).message}`);
    cur = (cur as { cause?: unknown }).cause;
  }
  if (signal.aborted) return new FetchError("timeout", `timed out after ${timeoutMs} ms`);
  return new FetchError("network", err instanceof Error ? err.message : String(err));
}

/** Reads the (already decompressed) body, stopping as soon as it exceeds `maxBytes`. */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length"));
  if (!res.headers.has("content-encoding") && Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchError("too-large", `body of ${declared} bytes exceeds the ${maxBytes}-byte cap`, res.status);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new FetchError("too-large", `body exceeds the ${maxBytes}-byte cap`, res.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FetchError("bad-url", `not a URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("bad-url", `not http(s): ${url.protocol}`);
  return url;
}

interface Exchange {
  res: Response;
  finalUrl: string;
  /** Reads the body under the byte cap and the running timeout. */
  read(): Promise<Buffer>;
}

/**
 * Runs one guarded GET (following redirects by hand) and passes the final response to `handle` while the
 * timeout and the connection pool are still alive; everything is torn down afterwards.
 */
async function guardedGet<T>(
  rawUrl: string,
  headers: Record<string, string>,
  opts: FetchOptions,
  handle: (ex: Exchange) => Promise<T>,
): Promise<T> {
  let url = parseHttpUrl(rawUrl);
  const Agent = await undiciAgent();
  const agent = new Agent({
    connect: {
      timeout: opts.connectTimeoutMs,
      lookup: opts.allowPrivate ? undefined : guardedLookup(opts),
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
  });
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new FetchError("timeout", `timed out after ${opts.timeoutMs} ms`)),
    opts.timeoutMs,
  );
  try {
    for (let hop = 0; ; hop++) {
      assertUrlHostAllowed(url, opts);
      const res = await fetch(url, {
        headers: { "user-agent": opts.userAgent, ...headers },
        redirect: "manual",
        signal: controller.signal,
        // @ts-expect-error -- `dispatcher` is an undici extension of RequestInit that lib.dom does not declare.
        dispatcher: agent,
      });
      const location = res.headers.get("location");
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location !== null) {
        await res.body?.cancel();
        if (hop + 1 > opts.maxRedirects) {
          throw new FetchError("redirects", `more than ${opts.maxRedirects} redirects`, res.status);
        }
        url = parseHttpUrl(location, url);
        continue;
      }
      return await handle({ res, finalUrl: url.toString(), read: () => readCapped(res, opts.maxBytes) });
    }
  } catch (err) {
    throw toFetchError(err, controller.signal, opts.timeoutMs);
  } finally {
    clearTimeout(timer);
    void agent.destroy().catch(() => undefined);
  }
}

/** Non-2xx (other than 304, handled by the caller) as a FetchError carrying Retry-After when given. */
async function assertSuccess(res: Response): Promise<void> {
  if (res.status >= 200 && res.status < 300) return;
  await res.body?.cancel();
  const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get("retry-after")) : null;
  throw new FetchError("http", `HTTP ${res.status}`, res.status, retryAfter);
}

function validatorsOf(res: Response, fallback: Validators): Validators {
  return {
    etag: res.headers.get("etag") ?? fallback.etag,
    lastModified: res.headers.get("last-modified") ?? fallback.lastModified,
  };
}

/** Media types that cannot be a feed or a page: refusing them early saves reading the body. */
const BINARY_TYPE = /^\s*(image|audio|video|font)\//i;

export async function fetchFeed(url: string, validators: Validators, opts: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = { accept: opts.accept ?? FEED_ACCEPT };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  return guardedGet(url, headers, opts, async ({ res, finalUrl, read }) => {
    if (res.status === 304) {
      await res.body?.cancel();
      return { status: "not-modified", httpStatus: 304, validators: validatorsOf(res, validators), finalUrl };
    }
    await assertSuccess(res);
    const contentType = res.headers.get("content-type");
    if (contentType && BINARY_TYPE.test(contentType)) {
      await res.body?.cancel();
      throw new FetchError("http", `unexpected content type for a feed: ${contentType}`, res.status);
    }
    return {
      status: "ok",
      httpStatus: res.status,
      body: await read(),
      contentType,
      validators: validatorsOf(res, { etag: null, lastModified: null }),
      finalUrl,
      maxAgeSeconds: parseMaxAge(res.headers.get("cache-control")),
    };
  });
}

const PAGE_TYPE = /^\s*(text\/html|application\/xhtml\+xml|text\/plain)\b/i;

/** An article page: same guards as feeds, no validators; only HTML (or plain text) is accepted. */
export async function fetchPage(url: string, opts: FetchOptions): Promise<PageResult> {
  return guardedGet(url, { accept: opts.accept ?? PAGE_ACCEPT }, opts, async ({ res, finalUrl, read }) => {
    await assertSuccess(res);
    const contentType = res.headers.get("content-type");
    if (contentType && !PAGE_TYPE.test(contentType)) {
      await res.body?.cancel();
      throw new FetchError("http", `unexpected content type for a page: ${contentType}`, res.status);
    }
    return { httpStatus: res.status, body: await read(), contentType, finalUrl };
  });
}
