// POST /api/extract: try any article against the live ruleset (files plus the catalog overlay), no restart needed.
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import type { AppDeps, AppEnv } from "../env.ts";
import { badRequest } from "../params.ts";
import { TryFetchError, tryArticle, tryArticleSchema } from "../try-article.ts";

export function extractRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post("/extract", zValidator("json", tryArticleSchema, badRequest), async (c) => {
    try {
      const { allClaims: _all, article: _article, ...record } = await tryArticle(db, config, c.req.valid("json"));
      return c.json(record);
    } catch (err) {
      if (err instanceof TryFetchError) return c.json({ error: err.message }, 422);
      throw err;
    }
  });
  return app;
}
