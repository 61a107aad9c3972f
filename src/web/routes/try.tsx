// /try: the "try an article" page (GET: the form; POST: the form and what the live ruleset makes of it).
import { Hono } from "hono";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { TryPage, type TryForm } from "../pages/try.tsx";
import { describeIssues } from "../params.ts";
import { TryFetchError, tryArticle, tryArticleSchema } from "../try-article.ts";
import { canLabel } from "../access.ts";
import { formString, render, who, type PageRoutes } from "./render.tsx";

const EMPTY: TryForm = { title: "", text: "", lang: "", url: "" };

export const tryRoutes: PageRoutes = ({ db, config }, secret) => {
  const app = new Hono<AppEnv>();
  const auth = requirePageAuth(db, secret);

  app.get("/try", auth, (c) => render(c, <TryPage {...who(c)} form={EMPTY} canLabel={canLabel(c)} />));

  app.post("/try", auth, async (c) => {
    const body = await c.req.parseBody();
    const form: TryForm = {
      title: formString(body, "title") ?? "",
      text: formString(body, "text") ?? "",
      lang: formString(body, "lang")?.trim() ?? "",
      url: formString(body, "url")?.trim() ?? "",
    };
    const parsed = tryArticleSchema.safeParse({ title: form.title, text: form.text, lang: form.lang || undefined, url: form.url || undefined });
    if (!parsed.success) return render(c, <TryPage {...who(c)} form={form} error={describeIssues(parsed.error)} canLabel={canLabel(c)} />, 400);
    try {
      const result = await tryArticle(db, config, parsed.data);
      return render(c, <TryPage {...who(c)} form={{ ...form, title: result.article.title, text: result.article.text }} result={result} canLabel={canLabel(c)} />);
    } catch (err) {
      if (err instanceof TryFetchError) return render(c, <TryPage {...who(c)} form={form} error={err.message} canLabel={canLabel(c)} />, 400);
      throw err;
    }
  });

  return app;
};
