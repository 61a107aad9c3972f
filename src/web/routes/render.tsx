// What every page route shares: rendering a view as a response, the not-found page, form fields, the signed-in user.
import type { Context, Hono } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { AppDeps, AppEnv } from "../env.ts";
import { ErrorPage } from "../pages/layout.tsx";

/** A page route module: its routes, given the app's deps and the session secret. */
export type PageRoutes = (deps: AppDeps, secret: () => Promise<string>) => Hono<AppEnv>;

export async function render(c: Context, page: JSX.Element, status: 200 | 400 | 401 | 403 | 404 | 429 | 500 = 200) {
  return c.html(`<!doctype html>${await page.toString()}`, status);
}

export function notFoundPage(c: Context) {
  return render(c, <ErrorPage status={404} message="No such page." />, 404);
}

/** The signed-in analyst and the CSRF token their forms carry. */
export const who = (c: Context<AppEnv>) => ({ actor: c.get("actor"), csrf: c.get("csrf") });

export function formString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (typeof v === "string") return v;
  if (Array.isArray(v) && typeof v[0] === "string") return v[0];
  return undefined;
}

export function formStrings(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  return typeof v === "string" ? [v] : [];
}
