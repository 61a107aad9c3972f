// /indicators: each indicator's state and weekly chart.
import { Hono } from "hono";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { indicatorOverview } from "../indicator-overview.ts";
import { IndicatorsPage } from "../pages/indicators.tsx";
import { render, who, type PageRoutes } from "./render.tsx";

export const indicatorRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/indicators", requirePageAuth(db, secret), async (c) =>
    render(c, <IndicatorsPage {...who(c)} items={await indicatorOverview(db)} now={new Date()} />),
  );
  return app;
};
