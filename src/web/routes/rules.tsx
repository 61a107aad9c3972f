// /rules: every rule's events and review precision.
import { Hono } from "hono";
import { ruleStats } from "../../store/repositories/analytics.ts";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { RulesPage } from "../pages/rules.tsx";
import { ruleWeights } from "../rule-weights.ts";
import { liveExtractor } from "../../teach/live-extractor.ts";
import { render, who, type PageRoutes } from "./render.tsx";

export const ruleRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/rules", requirePageAuth(db, secret), async (c) =>
    render(c, <RulesPage {...who(c)} items={await ruleStats(db)} weights={ruleWeights(await liveExtractor(db))} />),
  );
  return app;
};
