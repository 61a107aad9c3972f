// / (the review queue, flagged events by priority) and POST /review (bulk confirm or dismiss from the queue).
import { Hono } from "hono";
import { filterOptions, listEvents } from "../../store/repositories/events.ts";
import { reviewEvents, UnknownEventsError } from "../../store/repositories/reviews.ts";
import { requirePageAuth, safeNext } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { ErrorPage } from "../pages/layout.tsx";
import { QueuePage } from "../pages/queue.tsx";
import { describeIssues, eventFilterOf, eventQuerySchema, queryOf, reviewBodySchema } from "../params.ts";
import { formString, formStrings, render, who, type PageRoutes } from "./render.tsx";

export const queueRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  // Per route rather than app.use("*"), so that the login redirect never applies to /api or /static paths.
  const auth = requirePageAuth(db, secret);

  app.get("/", auth, async (c) => {
    const raw = queryOf(c);
    const parsed = eventQuerySchema.safeParse({ status: "flagged", ...raw });
    const options = await filterOptions(db);
    const now = new Date();
    if (!parsed.success) {
      const fallback = eventQuerySchema.parse({ status: "flagged" });
      const page = await listEvents(db, eventFilterOf(fallback), { sort: "priority", page: 1, limit: 50 });
      return render(
        c,
        <QueuePage {...who(c)} raw={{}} query={fallback} page={page} options={options} now={now} error={`Filter ignored: ${describeIssues(parsed.error)}`} />,
        400,
      );
    }
    const q = parsed.data;
    const page = await listEvents(db, eventFilterOf(q), { sort: q.sort, page: q.page, limit: q.limit });
    return render(c, <QueuePage {...who(c)} raw={raw} query={q} page={page} options={options} now={now} />);
  });

  app.post("/review", auth, async (c) => {
    const body = await c.req.parseBody({ all: true });
    const ids = formStrings(body, "ids").map(Number);
    const input = reviewBodySchema.safeParse({ action: formString(body, "action"), note: formString(body, "note") });
    const back = safeNext(formString(body, "back"));
    if (ids.length === 0) return c.redirect(back, 303);
    if (!input.success || ids.some((n) => !Number.isSafeInteger(n) || n < 1) || ids.length > 500) {
      return render(c, <ErrorPage status={400} message="Choose confirm or dismiss for up to 500 events." {...who(c)} />, 400);
    }
    try {
      await reviewEvents(db, { ids, action: input.data.action, note: input.data.note, actor: c.get("actor") });
    } catch (err) {
      if (err instanceof UnknownEventsError) return render(c, <ErrorPage status={404} message="Some events no longer exist." {...who(c)} />, 404);
      throw err;
    }
    return c.redirect(back, 303);
  });

  return app;
};
