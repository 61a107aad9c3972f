// POST /api/import (admin): a body of JSON lines {url, title, text, published, lang?, source?} -> the import summary
// {read, added, skipped, flagged, invalid: [{line, error}]}, as `chipwatch import` prints it. Idempotent.
import { Hono } from "hono";
import { importHistory, parseImportLines } from "../../jobs/import-history.ts";
import type { AppDeps, AppEnv } from "../env.ts";

/** A body this large is an archive for the command line, not a request. */
const MAX_BYTES = 20 * 1024 * 1024;

export function importRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post("/import", async (c) => {
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > MAX_BYTES) return c.json({ error: `body over ${MAX_BYTES} bytes: use chipwatch import FILE.jsonl` }, 413);
    const text = await c.req.text();
    if (text.length > MAX_BYTES) return c.json({ error: `body over ${MAX_BYTES} bytes: use chipwatch import FILE.jsonl` }, 413);
    const { lines, invalid } = parseImportLines(text);
    if (lines.length === 0) return c.json({ error: "no valid lines", invalid: invalid.slice(0, 100) }, 400);
    const summary = await importHistory(lines, { db, config });
    return c.json({ ...summary, invalid: invalid.slice(0, 100) });
  });
  return app;
}
