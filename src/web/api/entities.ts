// GET /api/entities/:type/:name -> {entity, aliases, claims, events, timeline} (type: org, model, chip).
import { Hono } from "hono";
import { z } from "zod";
import { entityView, ENTITY_TYPES } from "../../store/repositories/entities.ts";
import type { AppDeps, AppEnv } from "../env.ts";

const paramSchema = z.object({ type: z.enum(ENTITY_TYPES), name: z.string().trim().min(1).max(200) });

export function entityRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/entities/:type/:name", async (c) => {
    const parsed = paramSchema.safeParse({ type: c.req.param("type"), name: c.req.param("name") });
    if (!parsed.success) return c.json({ error: "type must be org, model or chip, with a name" }, 400);
    const view = await entityView(db, parsed.data.type, parsed.data.name);
    return view ? c.json(view) : c.json({ error: "no article names this entity" }, 404);
  });
  return app;
}
