// /api/indicators, /api/claims, /api/rules: the aggregate views.
import { Hono } from "hono";
import { claimTable, ruleStats } from "../../store/repositories/analytics.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { indicatorOverview } from "../indicator-overview.ts";
import { claimQuerySchema, describeIssues, queryOf } from "../params.ts";

export function analyticsRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/indicators", async (c) => c.json({ items: await indicatorOverview(db) }));

  app.get("/claims", async (c) => {
    const parsed = claimQuerySchema.safeParse(queryOf(c));
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    return c.json({ items: await claimTable(db, parsed.data) });
  });

  app.get("/rules", async (c) => c.json({ items: await ruleStats(db) }));

  return app;
}
