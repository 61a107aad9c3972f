// The analyst workspace: server-rendered pages and their form posts (each form carries the session's CSRF token).
import { explainEvent } from "./explain-event.ts";
import type { Context } from "hono";
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import { claimTable, feedHealth, ruleStats } from "../store/repositories/analytics.ts";
import { filterOptions, getEventDetail, listEvents } from "../store/repositories/events.ts";
import { setFeedEnabled } from "../store/repositories/feeds.ts";
import { reviewEvents, reviewHistory, UnknownEventsError } from "../store/repositories/reviews.ts";
import { verifyToken } from "../store/repositories/users.ts";
import { addFeed } from "./api/feeds.ts";
import { requirePageAuth, safeNext } from "./auth.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { indicatorOverview } from "./indicator-overview.ts";
import { ruleBreakdown } from "./rule-breakdown.ts";
import {
  claimQuerySchema,
  describeIssues,
  eventFilterOf,
  eventQuerySchema,
  feedIdParamSchema,
  idParamSchema,
  newFeedSchema,
  queryOf,
  reviewBodySchema,
} from "./params.ts";
import { ClaimsPage } from "./pages/claims.tsx";
import { EventPage } from "./pages/event.tsx";
import { FeedsPage } from "./pages/feeds.tsx";
import { IndicatorsPage } from "./pages/indicators.tsx";
import { ErrorPage, LoginPage } from "./pages/layout.tsx";
import { QueuePage } from "./pages/queue.tsx";
import { RulesPage } from "./pages/rules.tsx";
import { SESSION_COOKIE, SESSION_TTL_MS, encodeSession, newSession } from "./session.ts";

export async function render(c: Context, page: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 500 = 200) {
  return c.html(`<!doctype html>${await page.toString()}`, status);
}

export function notFoundPage(c: Context) {
  return render(c, <ErrorPage status={404} message="No such page." />, 404);
}

function formString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (typeof v === "string") return v;
  if (Array.isArray(v) && typeof v[0] === "string") return v[0];
  return undefined;
}

function formStrings(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}

export function pageRoutes(deps: AppDeps, secret: () => Promise<string>): Hono<AppEnv> {
  const { db, config } = deps;
  const app = new Hono<AppEnv>();
  const who = (c: Context<AppEnv>) => ({ actor: c.get("actor"), csrf: c.get("csrf") });

  app.get("/login", (c) => render(c, <LoginPage next={safeNext(c.req.query("next"))} />));

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(formString(body, "next"));
    const user = await verifyToken(db, (formString(body, "token") ?? "").trim());
    if (!user) return render(c, <LoginPage next={next} error="That token is not valid." />, 401);
    const session = newSession(user.actor);
    setCookie(c, SESSION_COOKIE, encodeSession(await secret(), session), {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure: new URL(c.req.url).protocol === "https:",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect(next, 303);
  });

  const logout = (c: Context) => {
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login", 303);
  };
  app.get("/logout", logout);
  app.post("/logout", logout);

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

  app.get("/events/:id", auth, async (c) => {
    const parsed = idParamSchema.safeParse({ id: c.req.param("id") });
    const detail = parsed.success ? await getEventDetail(db, parsed.data.id) : null;
    if (!detail) return render(c, <ErrorPage status={404} message="No such event." {...who(c)} />, 404);
    const [history, stats, explanation] = await Promise.all([reviewHistory(db, detail.event.id), ruleStats(db), explainEvent(db, detail)]);
    return render(c, <EventPage {...who(c)} detail={detail} history={history} rules={ruleBreakdown(detail, stats)} now={new Date()} explanation={explanation} />);
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

  app.get("/indicators", auth, async (c) => render(c, <IndicatorsPage {...who(c)} items={await indicatorOverview(db)} now={new Date()} />));

  app.get("/claims", auth, async (c) => {
    const raw = queryOf(c);
    const parsed = claimQuerySchema.safeParse(raw);
    if (!parsed.success) {
      return render(c, <ClaimsPage {...who(c)} raw={{}} items={await claimTable(db, {})} error={describeIssues(parsed.error)} />, 400);
    }
    return render(c, <ClaimsPage {...who(c)} raw={raw} items={await claimTable(db, parsed.data)} />);
  });

  const feedsPage = async (c: Context<AppEnv>, extra: { message?: string; error?: string }, status: 200 | 400 = 200) =>
    render(c, <FeedsPage {...who(c)} items={await feedHealth(db)} now={new Date()} {...extra} />, status);

  app.get("/feeds", auth, (c) => feedsPage(c, {}));

  app.post("/feeds", auth, async (c) => {
    const body = await c.req.parseBody();
    const parsed = newFeedSchema.safeParse({
      url: formString(body, "url")?.trim(),
      title: formString(body, "title") || undefined,
      lang: formString(body, "lang") || undefined,
      fetchFullText: formString(body, "fetchFullText") === "true",
    });
    if (!parsed.success) return feedsPage(c, { error: `Feed not added: ${describeIssues(parsed.error)}` }, 400);
    const { feed, created } = await addFeed(db, parsed.data, config.FEED_DEFAULT_INTERVAL_S);
    return feedsPage(c, { message: created ? `Added ${feed.url}; it will be fetched shortly.` : `${feed.url} is already monitored.` });
  });

  app.post("/feeds/:id/enabled", auth, async (c) => {
    const id = feedIdParamSchema.safeParse({ id: c.req.param("id") });
    const body = await c.req.parseBody();
    const enabled = formString(body, "enabled") === "true";
    const reason = formString(body, "reason")?.trim().slice(0, 500) || `disabled by ${c.get("actor")}`;
    const feed = id.success ? await setFeedEnabled(db, id.data.id, enabled, enabled ? null : reason) : undefined;
    if (!feed) return render(c, <ErrorPage status={404} message="No such feed." {...who(c)} />, 404);
    return c.redirect("/feeds", 303);
  });

  app.get("/rules", auth, async (c) => render(c, <RulesPage {...who(c)} items={await ruleStats(db)} />));

  return app;
}
