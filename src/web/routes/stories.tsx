// /stories: the review queue by story (one item per story, its indicators decided in one place).
import { Hono } from "hono";
import { z } from "zod";
import { storyQueue } from "../../store/repositories/story-queue.ts";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { StoriesPage } from "../pages/stories.tsx";
import { queryOf } from "../params.ts";
import { render, who, type PageRoutes } from "./render.tsx";

export const storyPageSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  limit: z.coerce.number().int().min(1).max(100).catch(25),
});

export const storyRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/stories", requirePageAuth(db, secret), async (c) => {
    const q = storyPageSchema.parse(queryOf(c));
    return render(c, <StoriesPage {...who(c)} page={await storyQueue(db, q)} now={new Date()} />);
  });
  return app;
};
