// POST /api/labels (report a miss) and GET /api/export/labels.jsonl (every reviewed or labelled article as a gold set).
import { Hono } from "hono";
import { zValidator } from "@hono/zod-validator";
import { articleExists, insertLabel } from "../../store/repositories/labels.ts";
import { goldJsonl, teamGold } from "../../teach/team-labels.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { labelInputSchema, labelRow } from "../label-input.ts";
import { badRequest } from "../params.ts";

export function labelRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post("/labels", zValidator("json", labelInputSchema, badRequest), async (c) => {
    const input = c.req.valid("json");
    if (input.articleId !== undefined && !(await articleExists(db, input.articleId))) return c.json({ error: "article not found" }, 404);
    const label = await insertLabel(db, labelRow(input, c.get("actor")));
    return c.json({ label: { ...label, createdAt: label.createdAt.toISOString() } }, 201);
  });

  app.get("/export/labels.jsonl", async (c) => {
    c.header("Content-Disposition", 'attachment; filename="labels.jsonl"');
    c.header("Content-Type", "application/x-ndjson; charset=utf-8");
    return c.body(goldJsonl(await teamGold(db)));
  });

  return app;
}
