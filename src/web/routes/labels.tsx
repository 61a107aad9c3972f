// POST /labels: the "report a miss" forms of the try page (a pasted article) and the event page (a stored one).
import { Hono } from "hono";
import { articleExists, insertLabel } from "../../store/repositories/labels.ts";
import { requirePageAuth, safeNext } from "../auth.ts";
import { canLabel } from "../access.ts";
import type { AppEnv } from "../env.ts";
import { labelInputSchema, labelRow } from "../label-input.ts";
import { ErrorPage } from "../pages/layout.tsx";
import { TryPage } from "../pages/try.tsx";
import { describeIssues } from "../params.ts";
import { tryArticle } from "../try-article.ts";
import { formString, render, who, type PageRoutes } from "./render.tsx";

export const labelPageRoutes: PageRoutes = ({ db, config }, secret) => {
  const app = new Hono<AppEnv>();

  app.post("/labels", requirePageAuth(db, secret), async (c) => {
    const body = await c.req.parseBody();
    const f = (k: string) => formString(body, k) || undefined;
    const kind = f("kind");
    const parsed = labelInputSchema.safeParse({
      articleId: f("articleId"),
      title: formString(body, "title") ?? "",
      text: formString(body, "text") ?? "",
      lang: f("lang"),
      url: f("url"),
      kind,
      indicator: kind === "claim_missing" ? undefined : f("indicator"),
      claim: kind === "claim_missing" ? { subject: formString(body, "subject") ?? "", chip: formString(body, "chip") ?? "", stage: f("stage") } : undefined,
      note: f("note"),
    });
    if (!parsed.success) return render(c, <ErrorPage status={400} message={`Label not saved: ${describeIssues(parsed.error)}`} {...who(c)} />, 400);
    const input = parsed.data;
    if (input.articleId !== undefined && !(await articleExists(db, input.articleId))) {
      return render(c, <ErrorPage status={404} message="No such article." {...who(c)} />, 404);
    }
    await insertLabel(db, labelRow(input, c.get("actor")));
    if (input.articleId !== undefined) return c.redirect(safeNext(formString(body, "back")), 303);
    // A pasted article: show it again, with the label acknowledged.
    const result = await tryArticle(db, config, { title: input.title, text: input.text, lang: input.lang, url: undefined });
    const form = { title: input.title, text: input.text, lang: input.lang ?? "", url: input.url ?? "" };
    const what = input.kind === "claim_missing" ? `claim missing: ${input.claim!.subject} / ${input.claim!.chip} / ${input.claim!.stage}` : `${input.kind === "missing" ? "should be" : "should not be"} ${input.indicator}`;
    return render(c, <TryPage {...who(c)} form={form} result={result} canLabel={canLabel(c)} message={`Label saved: ${what}.`} />);
  });

  return app;
};
