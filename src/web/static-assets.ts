// The UI's one stylesheet and one script, read once at start-up and served from this origin (the CSP forbids
// inline script and style, and nothing is fetched from a CDN).
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Hono } from "hono";
import type { AppEnv } from "./env.ts";

const FILES = { "app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8" } as const;
type AssetName = keyof typeof FILES;

// Next to this module when run from source; the build (tsc) does not copy non-TS files, so fall back to src/.
const CANDIDATE_DIRS = [resolve(import.meta.dirname, "static"), resolve(import.meta.dirname, "../../../src/web/static")];

function load(name: AssetName): string {
  for (const dir of CANDIDATE_DIRS) {
    try {
      return readFileSync(resolve(dir, name), "utf8");
    } catch {
      // try the next location
    }
  }
  throw new Error(`web asset ${name} not found in ${CANDIDATE_DIRS.join(", ")}`);
}

const assets = Object.fromEntries(
  (Object.keys(FILES) as AssetName[]).map((name) => {
    const body = load(name);
    return [name, { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 16)}"` }];
  }),
) as Record<AssetName, { body: string; etag: string }>;

/** Versioned URL of an asset, so browsers cache it and still pick up a new release. */
export function assetUrl(name: AssetName): string {
  return `/static/${name}?v=${assets[name].etag.slice(1, 9)}`;
}

export function mountStatic(app: Hono<AppEnv>): void {
  app.get("/static/:name", (c) => {
    const name = c.req.param("name") as AssetName;
    if (!Object.hasOwn(FILES, name)) return c.text("not found", 404);
    const asset = assets[name];
    c.header("ETag", asset.etag);
    c.header("Cache-Control", "public, max-age=86400");
    if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
    c.header("Content-Type", FILES[name]);
    return c.body(asset.body);
  });
}
