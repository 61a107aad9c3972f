// /claims: the claims table, filtered by the query string.
import { Hono } from "hono";
import { claimTable } from "../../store/repositories/analytics.ts";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { ClaimsPage } from "../pages/claims.tsx";
import { claimQuerySchema, describeIssues, queryOf } from "../params.ts";
import { render, who, type PageRoutes } from "./render.tsx";

export const claimRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/claims", requirePageAuth(db, secret), async (c) => {
    const raw = queryOf(c);
    const parsed = claimQuerySchema.safeParse(raw);
    if (!parsed.success) {
      return render(c, <ClaimsPage {...who(c)} raw={{}} items={await claimTable(db, {})} error={describeIssues(parsed.error)} />, 400);
    }
    return render(c, <ClaimsPage {...who(c)} raw={raw} items={await claimTable(db, parsed.data)} />);
  });
  return app;
};
