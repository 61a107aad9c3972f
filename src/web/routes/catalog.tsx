// /catalog: the overlay's edits and the forms to add one; /catalog/edits/:id: its preview and the apply button.
import { Hono, type Context } from "hono";
import { listCatalogEdits, getCatalogEdit } from "../../store/repositories/catalog-edits.ts";
import { discoveredNames } from "../../store/repositories/extractions.ts";
import { EditRefusedError, proposeEdit } from "../../teach/catalog-edits.ts";
import type { CatalogEdit } from "../../teach/overlay.ts";
import { hasRole } from "../access.ts";
import { requirePageAuth } from "../auth.ts";
import { aliasBodySchema, applyEdit, entryBodySchema, previewEdit } from "../catalog-actions.ts";
import type { AppEnv } from "../env.ts";
import { CatalogEditPage, CatalogPage } from "../pages/catalog.tsx";
import { ErrorPage } from "../pages/layout.tsx";
import { describeIssues, idParamSchema } from "../params.ts";
import { formString, render, who, type PageRoutes } from "./render.tsx";

export const catalogPageRoutes: PageRoutes = (deps, secret) => {
  const { db } = deps;
  const app = new Hono<AppEnv>();
  const auth = requirePageAuth(db, secret);
  const canEdit = (c: Context<AppEnv>) => hasRole(c.get("role"), "analyst");

  const catalogPage = async (c: Context<AppEnv>, error?: string, status: 200 | 400 = 200) =>
    render(
      c,
      <CatalogPage {...who(c)} edits={(await listCatalogEdits(db)).reverse()} discovered={await discoveredNames(db)} canEdit={canEdit(c)} error={error} />,
      status,
    );

  app.get("/catalog", auth, (c) => catalogPage(c));

  const propose = async (c: Context<AppEnv>, edit: CatalogEdit, reason: string | undefined) => {
    try {
      const row = await proposeEdit(db, edit, c.get("actor"), reason);
      return c.redirect(`/catalog/edits/${row.id}`, 303);
    } catch (err) {
      if (err instanceof EditRefusedError) return catalogPage(c, `Not added: ${err.message}`, 400);
      throw err;
    }
  };

  app.post("/catalog/aliases", auth, async (c) => {
    const body = await c.req.parseBody();
    const parsed = aliasBodySchema.safeParse({ type: formString(body, "type"), name: formString(body, "name"), alias: formString(body, "alias"), reason: formString(body, "reason") || undefined });
    if (!parsed.success) return catalogPage(c, `Not added: ${describeIssues(parsed.error)}`, 400);
    const { reason, ...edit } = parsed.data;
    return propose(c, { kind: "alias", ...edit }, reason);
  });

  app.post("/catalog/entries", auth, async (c) => {
    const body = await c.req.parseBody();
    const opt = (k: string) => formString(body, k)?.trim() || undefined;
    const aliases = opt("aliases")?.split(",").map((a) => a.trim()).filter(Boolean);
    const parsed = entryBodySchema.safeParse({
      type: opt("type"),
      name: opt("name"),
      aliases,
      org: opt("org"),
      vendor: opt("vendor"),
      family: opt("family"),
      domestic: opt("domestic") === "true" ? true : undefined,
      reason: opt("reason"),
    });
    if (!parsed.success) return catalogPage(c, `Not added: ${describeIssues(parsed.error)}`, 400);
    const { reason, ...edit } = parsed.data;
    return propose(c, { kind: "entry", ...edit }, reason);
  });

  const editPage = async (c: Context<AppEnv>, apply: boolean) => {
    const id = idParamSchema.safeParse({ id: c.req.param("id") });
    const row = id.success ? await getCatalogEdit(db, id.data.id) : undefined;
    if (!row) return render(c, <ErrorPage status={404} message="No such catalog edit." {...who(c)} />, 404);
    if (!apply && row.appliedAt) return render(c, <CatalogEditPage {...who(c)} edit={row} canEdit={canEdit(c)} />);
    try {
      const outcome = apply ? await applyEdit(deps, row.id, c.get("actor")) : await previewEdit(deps, row.id);
      return render(c, <CatalogEditPage {...who(c)} edit={outcome.edit} rulesetVersion={outcome.rulesetVersion} diff={outcome.diff} applied={apply} canEdit={canEdit(c)} />);
    } catch (err) {
      if (err instanceof EditRefusedError) return render(c, <CatalogEditPage {...who(c)} edit={row} canEdit={canEdit(c)} error={err.message} />, 400);
      throw err;
    }
  };

  app.get("/catalog/edits/:id", auth, (c) => editPage(c, false));
  app.post("/catalog/edits/:id/apply", auth, (c) => editPage(c, true));

  return app;
};
