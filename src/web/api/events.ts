// /api/events: the queue, one event with its evidence, and reviews (single and bulk).
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { getEventDetail, listEvents } from "../../store/repositories/events.ts";
import { reviewEvents, reviewHistory, UnknownEventsError } from "../../store/repositories/reviews.ts";
import { ruleStats } from "../../store/repositories/analytics.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { ruleBreakdown } from "../rule-breakdown.ts";
import { badRequest, bulkReviewBodySchema, describeIssues, eventFilterOf, eventQuerySchema, idParamSchema, queryOf, reviewBodySchema } from "../params.ts";

export function eventRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/events", async (c) => {
    const parsed = eventQuerySchema.safeParse(queryOf(c));
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    const q = parsed.data;
    return c.json(await listEvents(db, eventFilterOf(q), { sort: q.sort, page: q.page, limit: q.limit }));
  });

  // Registered before /events/:id so that "review" is not taken for an id.
  app.post("/events/review", zValidator("json", bulkReviewBodySchema, badRequest), async (c) => {
    const body = c.req.valid("json");
    try {
      const done = await reviewEvents(db, { ...body, actor: c.get("actor") });
      return c.json({ ok: true, ...done, actor: c.get("actor") });
    } catch (err) {
      if (err instanceof UnknownEventsError) return c.json({ error: "unknown event ids", missing: err.missing }, 404);
      throw err;
    }
  });

  app.get("/events/:id", zValidator("param", idParamSchema, badRequest), async (c) => {
    const { id } = c.req.valid("param");
    const detail = await getEventDetail(db, id);
    if (!detail) return c.json({ error: "event not found" }, 404);
    const rules = ruleBreakdown(detail, await ruleStats(db));
    const history = (await reviewHistory(db, id)).map((r) => ({
      id: r.id,
      action: r.action,
      note: r.note,
      actor: r.actor,
      createdAt: r.createdAt.toISOString(),
    }));
    return c.json({ ...detail.event, rules, ruleIds: detail.event.rules, sources: detail.sources, history });
  });

  app.post(
    "/events/:id/review",
    zValidator("param", idParamSchema, badRequest),
    zValidator("json", reviewBodySchema, badRequest),
    async (c) => {
      const { id } = c.req.valid("param");
      const body = c.req.valid("json");
      try {
        const done = await reviewEvents(db, { ids: [id], action: body.action, note: body.note, actor: c.get("actor") });
        return c.json({ ok: true, id, status: done.status, actor: c.get("actor") });
      } catch (err) {
        if (err instanceof UnknownEventsError) return c.json({ error: "event not found" }, 404);
        throw err;
      }
    },
  );

  return app;
}
