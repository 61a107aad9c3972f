// GET /api/timeline?indicator=ID&from=YYYY-MM-DD&to=YYYY-MM-DD&bucket=week|month -> {items: [{period, flagged,
// confirmed, dismissed}]} by event date. Defaults: the last 12 months, by month.
import { Hono } from "hono";
import { z } from "zod";
import { INDICATOR_IDS } from "../../extract/types.ts";
import { timeline, TIMELINE_BUCKETS } from "../../store/repositories/timeline.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { describeIssues, queryOf } from "../params.ts";

const DAY = 86_400_000;
const day = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)), "must be a date (YYYY-MM-DD)");

export const timelineQuerySchema = z
  .object({
    indicator: z.enum(INDICATOR_IDS).optional(),
    from: day.optional(),
    to: day.optional(),
    bucket: z.enum(TIMELINE_BUCKETS).default("month"),
  })
  .transform((v) => {
    // `to` includes its whole day; the default range is the 12 months up to today.
    const to = v.to ? new Date(Date.parse(v.to) + DAY) : new Date(Math.floor(Date.now() / DAY) * DAY + DAY);
    const from = v.from ? new Date(v.from) : new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), 1));
    return { indicator: v.indicator, from, to, bucket: v.bucket };
  })
  .refine((q) => q.from < q.to, "from must be before to")
  .refine((q) => q.to.getTime() - q.from.getTime() <= 20 * 366 * DAY, "range must be at most 20 years");

export function timelineRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/timeline", async (c) => {
    const parsed = timelineQuerySchema.safeParse(queryOf(c));
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    return c.json({ items: await timeline(db, parsed.data) });
  });
  return app;
}
