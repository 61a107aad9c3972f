// Session cookies and CSRF tokens, both HMAC-SHA256 under the instance's session secret. A session is
// stateless: {actor, session id, expiry}, signed. The CSRF token is an HMAC of the session id, so it is bound to
// the session and needs no storage; a cross-site page can neither read it nor compute it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "chipwatch_session";
export const SESSION_TTL_MS = 12 * 3600_000;

export interface Session {
  actor: string;
  sid: string;
  /** Expiry, epoch ms. */
  exp: number;
}

function mac(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}\n${value}`).digest("base64url");
}

function equalStrings(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newSession(actor: string, now = Date.now()): Session {
  return { actor, sid: randomBytes(16).toString("base64url"), exp: now + SESSION_TTL_MS };
}

export function encodeSession(secret: string, s: Session): string {
  const payload = Buffer.from(JSON.stringify(s)).toString("base64url");
  return `${payload}.${mac(secret, "session", payload)}`;
}

/** The session in a cookie value, or null when the signature is wrong, the payload malformed, or it expired. */
export function decodeSession(secret: string, value: string | undefined, now = Date.now()): Session | null {
  if (!value || value.length > 2048) return null;
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const payload = value.slice(0, dot);
  if (!equalStrings(value.slice(dot + 1), mac(secret, "session", payload))) return null;
  try {
    const s = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Partial<Session>;
    if (typeof s.actor !== "string" || typeof s.sid !== "string" || typeof s.exp !== "number") return null;
    return s.exp > now ? { actor: s.actor, sid: s.sid, exp: s.exp } : null;
  } catch {
    return null;
  }
}

export function csrfToken(secret: string, session: Session): string {
  return mac(secret, "csrf", session.sid);
}

export function validCsrf(secret: string, session: Session, presented: string | undefined | null): boolean {
  return typeof presented === "string" && presented.length > 0 && equalStrings(presented, csrfToken(secret, session));
}
