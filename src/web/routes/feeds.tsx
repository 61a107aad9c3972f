// /feeds: feed health, the add-feed form and enabling or disabling a feed.
import { Hono, type Context } from "hono";
import { feedHealth } from "../../store/repositories/analytics.ts";
import { setFeedEnabled } from "../../store/repositories/feeds.ts";
import { addFeed, sourceBases } from "../../feeds/add-feeds.ts";
import { feedInputSchemaFor } from "../../feeds/feed-input.ts";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { FeedsPage } from "../pages/feeds.tsx";
import { ErrorPage } from "../pages/layout.tsx";
import { describeIssues, feedIdParamSchema } from "../params.ts";
import { formString, render, who, type PageRoutes } from "./render.tsx";

export const feedPageRoutes: PageRoutes = ({ db, config }, secret) => {
  const app = new Hono<AppEnv>();
  const auth = requirePageAuth(db, secret);
  const feedInput = feedInputSchemaFor(sourceBases(config));

  const feedsPage = async (c: Context<AppEnv>, extra: { message?: string; error?: string }, status: 200 | 400 = 200) =>
    render(c, <FeedsPage {...who(c)} items={await feedHealth(db)} now={new Date()} {...extra} />, status);

  app.get("/feeds", auth, (c) => feedsPage(c, {}));

  app.post("/feeds", auth, async (c) => {
    const body = await c.req.parseBody();
    const kind = formString(body, "kind");
    const selector = (name: string) => formString(body, `selector-${name}`);
    const parsed = feedInput.safeParse({
      url: formString(body, "url"),
      kind,
      selectors: kind === "html" ? { item: selector("item"), title: selector("title"), link: selector("link"), date: selector("date"), summary: selector("summary") } : undefined,
      title: formString(body, "title"),
      lang: formString(body, "lang"),
      timezone: formString(body, "timezone"),
      // An unticked box leaves the kind's default (html, sitemap and huggingface pages are fetched).
      fetchFullText: formString(body, "fetchFullText") === "true" ? true : undefined,
    });
    if (!parsed.success) return feedsPage(c, { error: `Feed not added: ${describeIssues(parsed.error)}` }, 400);
    const { feed, created } = await addFeed(db, parsed.data, config);
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

  return app;
};
