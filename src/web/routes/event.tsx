// /events/:id (one event with its evidence) and its review form's POST.
import { Hono } from "hono";
import { ruleStats } from "../../store/repositories/analytics.ts";
import { getEventDetail } from "../../store/repositories/events.ts";
import { reviewEvents, reviewHistory, UnknownEventsError } from "../../store/repositories/reviews.ts";
import { requirePageAuth, safeNext } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { explainEvent } from "../explain-event.ts";
import { canLabel } from "../access.ts";
import { EventPage } from "../pages/event.tsx";
import { ErrorPage } from "../pages/layout.tsx";
import { describeIssues, idParamSchema, reviewBodySchema } from "../params.ts";
import { ruleBreakdown } from "../rule-breakdown.ts";
import { formString, render, who, type PageRoutes } from "./render.tsx";

export const eventPageRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  const auth = requirePageAuth(db, secret);

  app.get("/events/:id", auth, async (c) => {
    const parsed = idParamSchema.safeParse({ id: c.req.param("id") });
    const detail = parsed.success ? await getEventDetail(db, parsed.data.id) : null;
    if (!detail) return render(c, <ErrorPage status={404} message="No such event." {...who(c)} />, 404);
    const [history, stats, explanation] = await Promise.all([reviewHistory(db, detail.event.id), ruleStats(db), explainEvent(db, detail)]);
    return render(
      c,
      <EventPage {...who(c)} detail={detail} history={history} rules={ruleBreakdown(detail, stats)} now={new Date()} explanation={explanation} canLabel={canLabel(c)} />,
    );
  });

  app.post("/events/:id/review", auth, async (c) => {
    const id = idParamSchema.safeParse({ id: c.req.param("id") });
    const body = await c.req.parseBody();
    const input = reviewBodySchema.safeParse({ action: formString(body, "action"), note: formString(body, "note") });
    if (!id.success || !input.success) {
      const msg = !id.success ? describeIssues(id.error) : describeIssues((input as { error: Parameters<typeof describeIssues>[0] }).error);
      return render(c, <ErrorPage status={400} message={msg} {...who(c)} />, 400);
    }
    try {
      await reviewEvents(db, { ids: [id.data.id], action: input.data.action, note: input.data.note, actor: c.get("actor") });
    } catch (err) {
      if (err instanceof UnknownEventsError) return render(c, <ErrorPage status={404} message="No such event." {...who(c)} />, 404);
      throw err;
    }
    const back = formString(body, "back");
    return c.redirect(back ? safeNext(back) : `/events/${id.data.id}`, 303);
  });

  return app;
};
