// / (the review queue: one item per story with flagged indicators, by priority), /stories (its old address, now a
// redirect to it) and POST /review (confirm or dismiss several events: a story's flagged indicators, or the ticked ones).
import { Hono } from "hono";
import { filterOptions } from "../../store/repositories/events.ts";
import { storyQueue } from "../../store/repositories/story-queue.ts";
import { reviewEvents, UnknownEventsError } from "../../store/repositories/reviews.ts";
import { requirePageAuth, safeNext } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { ErrorPage } from "../pages/layout.tsx";
import { QueuePage } from "../pages/queue.tsx";
import { describeIssues, eventFilterOf, queryOf, reviewBodySchema, storyQuerySchema, type EventQuery } from "../params.ts";
import { formString, formStrings, render, who, type PageRoutes } from "./render.tsx";

export const queueRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  // Per route rather than app.use("*"), so that the login redirect never applies to /api or /static paths.
  const auth = requirePageAuth(db, secret);

  const stories = (q: EventQuery) => storyQueue(db, { filter: eventFilterOf(q), sort: q.sort, page: q.page, limit: q.limit });

  app.get("/", auth, async (c) => {
    const raw = queryOf(c);
    const parsed = storyQuerySchema.safeParse({ status: "flagged", ...raw });
    const options = await filterOptions(db);
    const now = new Date();
    if (!parsed.success) {
      const fallback = storyQuerySchema.parse({ status: "flagged" });
      return render(
        c,
        <QueuePage {...who(c)} raw={{}} query={fallback} page={await stories(fallback)} options={options} now={now} error={`Filter ignored: ${describeIssues(parsed.error)}`} />,
        400,
      );
    }
    const q = parsed.data;
    return render(c, <QueuePage {...who(c)} raw={raw} query={q} page={await stories(q)} options={options} now={now} />);
  });

  // The story queue used to live at /stories; bookmarks keep working.
  app.get("/stories", (c) => c.redirect(`/${new URL(c.req.url).search}`, 301));

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
