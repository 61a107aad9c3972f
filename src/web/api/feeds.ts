// /api/feeds: feed health, adding a feed, disabling and re-enabling one.
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { addFeed } from "../../feeds/add-feeds.ts";
import { feedInputSchema } from "../../feeds/feed-input.ts";
import { setFeedEnabled } from "../../store/repositories/feeds.ts";
import { feedHealth } from "../../store/repositories/analytics.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { badRequest, feedIdParamSchema, feedPatchSchema } from "../params.ts";

export function feedRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/feeds", async (c) => c.json({ items: await feedHealth(db) }));

  app.post("/feeds", zValidator("json", feedInputSchema, badRequest), async (c) => {
    const { feed, created } = await addFeed(db, c.req.valid("json"), config);
    return c.json({ feed, created }, created ? 201 : 200);
  });

  app.patch("/feeds/:id", zValidator("param", feedIdParamSchema, badRequest), zValidator("json", feedPatchSchema, badRequest), async (c) => {
    const { id } = c.req.valid("param");
    const { enabled, reason } = c.req.valid("json");
    const feed = await setFeedEnabled(db, id, enabled, enabled ? null : reason || `disabled by ${c.get("actor")}`);
    if (!feed) return c.json({ error: "feed not found" }, 404);
    return c.json({ feed });
  });

  return app;
}
