// GET /api/stories?page&limit: the review queue by story, as the /stories page shows it.
import { Hono } from "hono";
import { storyQueue } from "../../store/repositories/story-queue.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { queryOf } from "../params.ts";
import { storyPageSchema } from "../routes/stories.tsx";

export function storyApiRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/stories", async (c) => c.json(await storyQueue(db, storyPageSchema.parse(queryOf(c)))));
  return app;
}
