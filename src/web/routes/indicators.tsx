// /indicators: each indicator's state and its timeline by event date over any range (?from&to&bucket, default: the
// current month and the 12 before it, by month).
import { Hono } from "hono";
import { INDICATOR_IDS } from "../../extract/types.ts";
import { timeline } from "../../store/repositories/timeline.ts";
import { timelineQuerySchema } from "../api/timeline.ts";
import { requirePageAuth } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { indicatorOverview } from "../indicator-overview.ts";
import { IndicatorsPage } from "../pages/indicators.tsx";
import { queryOf } from "../params.ts";
import { render, who, type PageRoutes } from "./render.tsx";

export const indicatorRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();
  app.get("/indicators", requirePageAuth(db, secret), async (c) => {
    const parsed = timelineQuerySchema.safeParse({ ...queryOf(c), indicator: undefined });
    const range = parsed.success ? parsed.data : timelineQuerySchema.parse({});
    const lines = await Promise.all(INDICATOR_IDS.map(async (id) => [id, await timeline(db, { ...range, indicator: id })] as const));
    return render(
      c,
      <IndicatorsPage
        {...who(c)}
        items={await indicatorOverview(db)}
        timelines={new Map(lines)}
        range={{ from: range.from.toISOString().slice(0, 10), to: new Date(range.to.getTime() - 86_400_000).toISOString().slice(0, 10), bucket: range.bucket }}
        now={new Date()}
      />,
    );
  });
  return app;
};
