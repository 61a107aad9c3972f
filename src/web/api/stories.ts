// GET /api/stories: the review queue by story, as the queue page (/) shows it, with the same filters (status,
// indicator, org, chip, lang, from, to, q, sort, page, limit; flagged stories by default).
import { Hono } from "hono";
import { storyQueue } from "../../store/repositories/story-queue.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { describeIssues, eventFilterOf, queryOf, storyQuerySchema } from "../params.ts";

export function storyApiRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/stories", async (c) => {
    const parsed = storyQuerySchema.safeParse({ status: "flagged", ...queryOf(c) });
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    const q = parsed.data;
    return c.json(await storyQueue(db, { filter: eventFilterOf(q), sort: q.sort, page: q.page, limit: q.limit }));
  });
  return app;
}
