// /entities/:type/:name: one org, model or chip, from the same view as GET /api/entities/:type/:name. An unknown
// type or a name no stored article gives is a 404 page.
import { Hono } from "hono";
import { entityView } from "../../store/repositories/entities.ts";
import { requirePageAuth } from "../auth.ts";
import { entityMonths } from "../entity-timeline.ts";
import type { AppEnv } from "../env.ts";
import { EntityPage } from "../pages/entity.tsx";
import { ErrorPage } from "../pages/layout.tsx";
import { entityParamSchema } from "../params.ts";
import { render, who, type PageRoutes } from "./render.tsx";

export const entityPageRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/entities/:type/:name", requirePageAuth(db, secret), async (c) => {
    const parsed = entityParamSchema.safeParse({ type: c.req.param("type"), name: c.req.param("name") });
    const view = parsed.success ? await entityView(db, parsed.data.type, parsed.data.name) : null;
    if (!view) {
      return render(c, <ErrorPage status={404} message="No stored article names this org, model or chip." {...who(c)} />, 404);
    }
    const now = new Date();
    return render(c, <EntityPage {...who(c)} view={view} months={entityMonths(view.events, now)} now={now} />);
  });
  return app;
};
