// /login and /logout: a token in, a signed session cookie out.
import { Hono, type Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { verifyToken } from "../../store/repositories/users.ts";
import { safeNext } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { LoginPage } from "../pages/layout.tsx";
import { SESSION_COOKIE, SESSION_TTL_MS, encodeSession, newSession } from "../session.ts";
import { formString, render, type PageRoutes } from "./render.tsx";

export const loginRoutes: PageRoutes = ({ db }, secret) => {
  const app = new Hono<AppEnv>();

  app.get("/login", (c) => render(c, <LoginPage next={safeNext(c.req.query("next"))} />));

  app.post("/login", async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(formString(body, "next"));
    const user = await verifyToken(db, (formString(body, "token") ?? "").trim());
    if (!user) return render(c, <LoginPage next={next} error="That token is not valid." />, 401);
    const session = newSession(user.actor);
    setCookie(c, SESSION_COOKIE, encodeSession(await secret(), session), {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure: new URL(c.req.url).protocol === "https:",
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect(next, 303);
  });

  const logout = (c: Context) => {
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login", 303);
  };
  app.get("/logout", logout);
  app.post("/logout", logout);

  return app;
};
