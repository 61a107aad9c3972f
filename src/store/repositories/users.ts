// API tokens and who they belong to. Only SHA-256 hashes of tokens are stored; a token is shown once, when made.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "../db.ts";
import { sessions, settings, users, type Role } from "../schema.ts";

/** The user the instance token (API_TOKEN, or the one generated on first start) belongs to. */
const ADMIN_USER = "admin";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

async function setUserHash(db: Db, name: string, tokenHash: string, role: Role | undefined): Promise<void> {
  await db
    .insert(users)
    .values({ name, tokenHash, ...(role ? { role } : {}) })
    .onConflictDoUpdate({ target: users.name, set: { tokenHash, ...(role ? { role } : {}) } });
}

/**
 * Makes sure the instance has an admin token. With API_TOKEN configured, its hash becomes the admin token (so
 * rotating API_TOKEN and restarting rotates it). Without, the first start generates one and returns it so the
 * caller can print it once; later starts return null.
 */
export async function ensureAdminToken(db: Db, configuredToken: string | undefined): Promise<{ generated: string | null }> {
  if (configuredToken) {
    const hash = hashToken(configuredToken);
    const [before] = await db.select({ tokenHash: users.tokenHash }).from(users).where(eq(users.name, ADMIN_USER));
    await setUserHash(db, ADMIN_USER, hash, "admin");
    // A rotated API_TOKEN ends the admin's sessions, as a new token does for any user.
    if (before && before.tokenHash !== hash) await endUserSessions(db, ADMIN_USER);
    return { generated: null };
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.name, ADMIN_USER));
  if (existing) return { generated: null };
  const token = newToken();
  const inserted = await db
    .insert(users)
    .values({ name: ADMIN_USER, tokenHash: hashToken(token), role: "admin" })
    .onConflictDoNothing()
    .returning({ id: users.id });
  // Another process started at the same moment and won: its token is the one it printed.
  return { generated: inserted.length > 0 ? token : null };
}

/** Creates a user with a new token, or gives an existing user a new one (the old token stops working); a role given
 * replaces the user's role, else a new user is an analyst and an existing one keeps theirs. */
export async function createUserToken(db: Db, name: string, role?: Role): Promise<string> {
  const clean = name.trim();
  if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(clean)) {
    throw new Error("user name: 1-64 letters, digits or . _ @ -");
  }
  const token = newToken();
  await setUserHash(db, clean, hashToken(token), role);
  // A new token ends the sessions made with the old one.
  await endUserSessions(db, clean);
  return token;
}

/** Removes a user: their token stops working and their sessions end. False when there was no such user. */
export async function removeUser(db: Db, name: string): Promise<boolean> {
  const gone = await db.delete(users).where(eq(users.name, name)).returning({ id: users.id });
  await endUserSessions(db, name);
  return gone.length > 0;
}

export async function createSession(db: Db, session: { id: string; userName: string; expiresAt: Date }): Promise<void> {
  await db.insert(sessions).values(session);
}

/** The live session's user and role, or null when the session ended, expired, or its user is gone. */
export async function sessionUser(db: Db, id: string, now = new Date()): Promise<{ actor: string; role: Role } | null> {
  const [row] = await db
    .select({ name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.name, sessions.userName))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row ? { actor: row.name, role: row.role } : null;
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function endUserSessions(db: Db, name: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userName, name));
}

/** The user a token belongs to, with their role, or null. */
export async function verifyToken(db: Db, token: string): Promise<{ actor: string; role: Role } | null> {
  if (!token || token.length > 512) return null;
  const hash = hashToken(token);
  const [row] = await db.select({ name: users.name, tokenHash: users.tokenHash, role: users.role }).from(users).where(eq(users.tokenHash, hash));
  if (!row) return null;
  // The lookup is by hash (a preimage is needed to exploit its timing); the compare stays constant-time anyway.
  const a = Buffer.from(row.tokenHash, "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b) ? { actor: row.name, role: row.role } : null;
}

const SESSION_SECRET_KEY = "session_secret";

/**
 * The key that signs session cookies: SESSION_SECRET when configured, else a random one kept in settings so that
 * all web processes of one deployment share it and sessions survive restarts.
 */
export async function sessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(settings)
    .values({ key: SESSION_SECRET_KEY, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, SESSION_SECRET_KEY));
  if (!row) throw new Error("session secret missing from settings");
  return row.value;
}
