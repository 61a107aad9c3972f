// /api/feeds: feed health, adding a feed (any kind), previewing one before it is added, disabling and re-enabling.
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { addFeed, sourceBases } from "../../feeds/add-feeds.ts";
import { feedInputSchemaFor } from "../../feeds/feed-input.ts";
import { previewFeed } from "../../feeds/preview-feed.ts";
import { FeedParseError, FetchError } from "../../ingest/types.ts";
import { setFeedEnabled } from "../../store/repositories/feeds.ts";
import { feedHealth } from "../../store/repositories/analytics.ts";
import type { AppEnv, RouteDeps } from "../env.ts";
import { badRequest, feedIdParamSchema, feedPatchSchema } from "../params.ts";

export function feedRoutes({ db, config, offload }: RouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const feedInput = feedInputSchemaFor(sourceBases(config));

  app.get("/feeds", async (c) => c.json({ items: await feedHealth(db) }));

  app.post("/feeds", zValidator("json", feedInput, badRequest), async (c) => {
    const { feed, created } = await addFeed(db, c.req.valid("json"), config);
    return c.json({ feed, created }, created ? 201 : 200);
  });

  // The same body as POST /feeds; fetches once and answers with the items a poll would create, storing nothing.
  app.post("/feeds/preview", zValidator("json", feedInput, badRequest), async (c) => {
    try {
      return c.json(await previewFeed(c.req.valid("json"), config, offload()));
    } catch (err) {
      if (err instanceof FeedParseError) return c.json({ error: err.message }, 422);
      if (err instanceof FetchError) return c.json({ error: `${err.kind}: ${err.message}` }, 502);
      throw err;
    }
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
