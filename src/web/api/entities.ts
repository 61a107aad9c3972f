// GET /api/entities/:type/:name -> {entity, aliases, claims, events, timeline, related} (type: org, model, chip).
import { Hono } from "hono";
import { entityView } from "../../store/repositories/entities.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { entityParamSchema } from "../params.ts";

export function entityRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/entities/:type/:name", async (c) => {
    const parsed = entityParamSchema.safeParse({ type: c.req.param("type"), name: c.req.param("name") });
    if (!parsed.success) return c.json({ error: "type must be org, model or chip, with a name" }, 400);
    const view = await entityView(db, parsed.data.type, parsed.data.name);
    return view ? c.json(view) : c.json({ error: "no article names this entity" }, 404);
  });
  return app;
}
