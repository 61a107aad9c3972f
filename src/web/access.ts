// Who may do what. Viewers read; analysts also review, label and edit the catalog; admins also manage feeds,
// users and imports (and so `allowPrivate`, which switches the SSRF guard off for a feed). One table for the API
// and the pages, so a new write route is an analyst's by default and never open to viewers by accident.
import type { Context } from "hono";
import type { Role } from "../store/schema.ts";
import type { AppEnv } from "./env.ts";

export const ROLES = ["admin", "analyst", "viewer"] as const satisfies readonly Role[];

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Writes that only read: trying an article changes nothing, so viewers may. */
const READING_WRITES = new Set(["/api/extract", "/try"]);

const ADMIN_PREFIXES = ["/api/feeds", "/feeds", "/api/users", "/users", "/api/import", "/import"];

const under = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + "/");

/** The least role a request needs. */
export function requiredRole(method: string, path: string): Role {
  if (SAFE_METHODS.has(method) || READING_WRITES.has(path) || path === "/logout") return "viewer";
  if (ADMIN_PREFIXES.some((p) => under(path, p))) return "admin";
  return "analyst";
}

export const hasRole = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** May the signed-in user store labels (report a miss)? */
export const canLabel = (c: Context<AppEnv>) => hasRole(c.get("role"), "analyst");
