// /api/feeds: feed health, adding a feed, disabling and re-enabling one.
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { addFeeds, listFeeds, setFeedEnabled } from "../../store/repositories/feeds.ts";
import { feedHealth } from "../../store/repositories/analytics.ts";
import type { Db } from "../../store/db.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { badRequest, feedIdParamSchema, feedPatchSchema, newFeedSchema } from "../params.ts";
import type { z } from "zod";

/** Adds a feed; `created` is false when a feed with that URL already existed (which is returned instead). */
export async function addFeed(db: Db, input: z.output<typeof newFeedSchema>, intervalSeconds: number) {
  const url = new URL(input.url).toString();
  const [created] = await addFeeds(db, [
    {
      url,
      title: input.title ?? "",
      lang: input.lang ?? null,
      note: input.note ?? null,
      allowPrivate: input.allowPrivate ?? false,
      fetchFullText: input.fetchFullText ?? false,
      intervalSeconds,
    },
  ]);
  if (created) return { feed: created, created: true };
  const existing = (await listFeeds(db)).find((f) => f.url === url);
  return { feed: existing!, created: false };
}

export function feedRoutes({ db, config }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/feeds", async (c) => c.json({ items: await feedHealth(db) }));

  app.post("/feeds", zValidator("json", newFeedSchema, badRequest), async (c) => {
    const { feed, created } = await addFeed(db, c.req.valid("json"), config.FEED_DEFAULT_INTERVAL_S);
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
