// Authentication for the API and the pages. API clients send `Authorization: Bearer <token>`; the browser carries
// a signed session cookie, and every write it makes must also carry the session's CSRF token (a header from
// fetch(), or a hidden `_csrf` form field), because a cookie is sent by the browser whoever asks it to.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import { findUser, verifyToken } from "../store/repositories/users.ts";
import type { Db } from "../store/db.ts";
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

/** Returns null when the request may proceed (context variables set), else the refusal reason. */
async function authenticate(
  c: Context<AppEnv>,
  db: Db,
  secret: () => Promise<string>,
): Promise<null | "unauthenticated" | "bad-token" | "csrf"> {
  const bearer = bearerToken(c);
  if (bearer !== undefined) {
    const user = bearer ? await verifyToken(db, bearer) : null;
    if (!user) return "bad-token";
    c.set("actor", user.actor);
    c.set("role", user.role);
    c.set("via", "bearer");
    c.set("csrf", null);
    return null;
  }
  const key = await secret();
  const session = decodeSession(key, getCookie(c, SESSION_COOKIE));
  if (!session) return "unauthenticated";
  if (!SAFE_METHODS.has(c.req.method) && !validCsrf(key, session, await presentedCsrf(c))) return "csrf";
  // The role is read per request, so a changed role applies at once; a removed user's session ends.
  const user = await findUser(db, session.actor);
  if (!user) return "unauthenticated";
  c.set("actor", session.actor);
  c.set("role", user.role);
  c.set("via", "session");
  c.set("csrf", csrfToken(key, session));
  return null;
}

export function requireApiAuth(db: Db, secret: () => Promise<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = await authenticate(c, db, secret);
    if (refusal === "csrf") return c.json({ error: "missing or invalid CSRF token" }, 403);
    if (refusal) {
      c.header("WWW-Authenticate", 'Bearer realm="chipwatch"');
      return c.json({ error: refusal === "bad-token" ? "invalid token" : "authentication required" }, 401);
    }
    await next();
  };
}

/** Only local paths may be a post-login destination, so the login page cannot be used as an open redirect. */
export function safeNext(next: string | undefined | null): string {
  return next && /^\/(?![/\\])/.test(next) ? next : "/";
}

export function requirePageAuth(db: Db, secret: () => Promise<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refusal = await authenticate(c, db, secret);
    if (refusal === "csrf") return c.text("Forbidden: missing or invalid CSRF token. Reload the page and try again.", 403);
    if (refusal) {
      const url = new URL(c.req.url);
      const target = SAFE_METHODS.has(c.req.method) ? url.pathname + url.search : "/";
      return c.redirect(`/login?next=${encodeURIComponent(target)}`, 303);
    }
    await next();
  };
}
