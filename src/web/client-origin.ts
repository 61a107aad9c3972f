// Where a request came from and where this instance lives, as the login rules need them: the client's address
// (X-Forwarded-For's first entry only behind a trusted proxy), whether the browser reached us over TLS, and the
// origin a login form must come from.
import type { Context } from "hono";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Config } from "../config.ts";

export function clientAddress(c: Context, config: Pick<Config, "TRUST_PROXY">): string {
  if (config.TRUST_PROXY) {
    const first = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}

/** Cookies get `Secure` when the UI is served over https: PUBLIC_URL says so, or a trusted proxy does. */
export function servedOverTls(c: Context, config: Pick<Config, "TRUST_PROXY" | "PUBLIC_URL">): boolean {
  if (config.PUBLIC_URL?.startsWith("https:")) return true;
  if (config.TRUST_PROXY && c.req.header("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return new URL(c.req.url).protocol === "https:";
}

/** The origins a form post may come from: PUBLIC_URL's, and the one the request was addressed to. */
export function allowedOrigins(c: Context, config: Pick<Config, "TRUST_PROXY" | "PUBLIC_URL">): Set<string> {
  const out = new Set<string>();
  if (config.PUBLIC_URL) out.add(new URL(config.PUBLIC_URL).origin);
  const url = new URL(c.req.url);
  const host = (config.TRUST_PROXY && c.req.header("x-forwarded-host")) || c.req.header("host") || url.host;
  out.add(`${servedOverTls(c, config) ? "https" : url.protocol.slice(0, -1)}://${host}`);
  out.add(url.origin);
  return out;
}
