// Authentication and authorisation for the API and the pages. API clients send `Authorization: Bearer <token>`;
// the browser carries a signed session cookie naming a server-side session (so logout and a new token end it), and
// every write it makes must also carry the session's CSRF token (a header from fetch(), or a hidden `_csrf` form
// field), because a cookie is sent by the browser whoever asks it to. Then the role must allow the request
// (access.ts): a forbidden action is a 403.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { sessionUser, verifyToken } from "../store/repositories/users.ts";
import type { Db } from "../store/db.ts";
import { hasRole, requiredRole } from "./access.ts";
import type { AppEnv } from "./env.ts";
import { SESSION_COOKIE, csrfToken, decodeSession, validCsrf } from "./session.ts";

const CSRF_HEADER = "x-csrf-token";
const CSRF_FIELD = "_csrf";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function bearerToken(c: Context): string | null | undefined {
  const header = c.req.header("authorization");
  if (header === undefined) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1]! : null;
}

async function presentedCsrf(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    // Hono caches the parsed body, so the route handler can read it again.
    const body = await c.req.parseBody();
    const v = body[CSRF_FIELD];
    return typeof v === "string" ? v : undefined;
  }
  return undefined;
}

type Refusal = "unauthenticated" | "bad-token" | "csrf" | "forbidden";

/** Returns null when the request may proceed (context variables set), else the refusal reason. */
async function authenticate(c: Context<AppEnv>, db: Db, secret: () => Promise<string>): Promise<null | Refusal> {
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    const user = bearer ? await verifyToken(db, bearer) : null;
    if (!user) return "bad-token";
    c.set("actor", user.actor);
    c.set("role", user.role);
    c.set("via", "bearer");
    c.set("csrf", null);
  } else {
    const key = await secret();
    const session = decodeSession(key, getCookie(c, SESSION_COOKIE));
    if (!session) return "unauthenticated";
    // The signed cookie only names the session: it must still exist server-side (logout, a new token or a
    // removed user end it), and the role is read now, so a changed role applies at once.
    const user = await sessionUser(db, session.sid);
    if (!user) return "unauthenticated";
    if (!SAFE_METHODS.has(c.req.method) && !validCsrf(key, session, await presentedCsrf(c))) return "csrf";
    c.set("actor", user.actor);
    c.set("role", user.role);
    c.set("via", "session");
    c.set("csrf", csrfToken(key, session));
  }
  return hasRole(c.get("role"), requiredRole(c.req.method, c.req.path)) ? null : "forbidden";
}

const forbiddenMessage = (c: Context<AppEnv>) => `forbidden: ${c.get("actor")} is ${c.get("role") === "admin" ? "an" : "a"} ${c.get("role")}; this needs ${requiredRole(c.req.method, c.req.path)}`;

export function requireApiAuth(db: Db, secret: () => Promise<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = await authenticate(c, db, secret);
    if (refusal === "csrf") return c.json({ error: "missing or invalid CSRF token" }, 403);
    if (refusal === "forbidden") return c.json({ error: forbiddenMessage(c) }, 403);
    if (refusal) {
      c.header("WWW-Authenticate", 'Bearer realm="chipwatch"');
      return c.json({ error: refusal === "bad-token" ? "invalid token" : "authentication required" }, 401);
    }
    await next();
  };
}

/**
 * A post-login or post-review destination: a path on this origin, or "/". Control characters and whitespace are
 * refused outright (`/\t/evil.example` is read by browsers as `//evil.example`), as are backslashes and `//`; what
 * remains must resolve to this origin.
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || next.length > 2000 || !next.startsWith("/") || next.startsWith("//")) return "/";
  for (let i = 0; i < next.length; i++) {
    const code = next.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return "/";
  }
  const base = "http://chipwatch.invalid";
  const url = new URL(next, base);
  return url.origin === base ? url.pathname + url.search + url.hash : "/";
}

export function requirePageAuth(db: Db, secret: () => Promise<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = await authenticate(c, db, secret);
    if (refusal === "csrf") return c.text("Forbidden: missing or invalid CSRF token. Reload the page and try again.", 403);
    if (refusal === "forbidden") return c.text(`${forbiddenMessage(c)}.`, 403);
    if (refusal) {
      const url = new URL(c.req.url);
      const target = SAFE_METHODS.has(c.req.method) ? url.pathname + url.search : "/";
      return c.redirect(`/login?next=${encodeURIComponent(target)}`, 303);
    }
    await next();
  };
}
