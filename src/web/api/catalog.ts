// The catalog overlay over the API: POST /api/catalog/aliases and /api/catalog/entries store a pending edit (checked
// against the live catalog), GET /api/catalog/edits lists them, GET .../:id/preview says what reprocessing would
// change, POST .../:id/apply applies it and reprocesses.
import { Hono, type Context } from "hono";
import { zValidator } from "@hono/zod-validator";
import { listCatalogEdits } from "../../store/repositories/catalog-edits.ts";
import { EditRefusedError, proposeEdit } from "../../teach/catalog-edits.ts";
import type { CatalogEdit } from "../../teach/overlay.ts";
import { aliasBodySchema, applyEdit, editJson, entryBodySchema, previewEdit, type EditOutcome } from "../catalog-actions.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { badRequest, idParamSchema } from "../params.ts";

function refused(c: Context, err: unknown) {
  if (err instanceof EditRefusedError) return c.json({ error: err.message }, err.status);
  throw err;
}

const outcomeJson = (o: EditOutcome, key: "preview" | "reprocessed") => ({ edit: editJson(o.edit), rulesetVersion: o.rulesetVersion, [key]: o.diff });

export function catalogRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps;
  const app = new Hono<AppEnv>();

  // An alias and an entry are proposed alike: checked against the live catalog, stored pending, answered 201.
  const propose = async (c: Context<AppEnv>, edit: CatalogEdit, reason: string | undefined) => {
    try {
      return c.json({ edit: editJson(await proposeEdit(db, edit, c.get("actor"), reason)) }, 201);
    } catch (err) {
      return refused(c, err);
    }
  };

  app.post("/catalog/aliases", zValidator("json", aliasBodySchema, badRequest), async (c) => {
    const { reason, ...edit } = c.req.valid("json");
    return propose(c, { kind: "alias", ...edit }, reason);
  });

  app.post("/catalog/entries", zValidator("json", entryBodySchema, badRequest), async (c) => {
    const { reason, ...edit } = c.req.valid("json");
    return propose(c, { kind: "entry", ...edit }, reason);
  });

  app.get("/catalog/edits", async (c) => c.json({ items: (await listCatalogEdits(db)).map(editJson) }));

  app.get("/catalog/edits/:id/preview", zValidator("param", idParamSchema, badRequest), async (c) => {
    try {
      return c.json(outcomeJson(await previewEdit(deps, c.req.valid("param").id), "preview"));
    } catch (err) {
      return refused(c, err);
    }
  });

  app.post("/catalog/edits/:id/apply", zValidator("param", idParamSchema, badRequest), async (c) => {
    try {
      return c.json(outcomeJson(await applyEdit(deps, c.req.valid("param").id, c.get("actor")), "reprocessed"));
    } catch (err) {
      return refused(c, err);
    }
  });

  return app;
}
