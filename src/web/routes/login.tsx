// /login and /logout: a token in, a server-side session and its signed cookie out. Login checks the form's Origin,
// is throttled per address and per user (429 past the limit) and logged; logout is a POST that ends the session.
import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createSession, endSession, verifyToken } from "../../store/repositories/users.ts";
import { safeNext } from "../auth.ts";
import { allowedOrigins, clientAddress, servedOverTls } from "../client-origin.ts";
import type { AppEnv } from "../env.ts";
import { LoginThrottle } from "../login-throttle.ts";
import { LoginPage } from "../pages/layout.tsx";
import { SESSION_COOKIE, SESSION_TTL_MS, decodeSession, encodeSession, newSession } from "../session.ts";
import { formString, render, type PageRoutes } from "./render.tsx";

export const loginRoutes: PageRoutes = ({ db, config, logger }, secret) => {
  const app = new Hono<AppEnv>();
  const byAddress = new LoginThrottle();
  const byUser = new LoginThrottle();

  // Every login form (the page, and the page again after a refusal) is served same-origin, so that the browser
  // sends this origin (not `null`, as Chromium does from a no-referrer page) with its post, which POST /login checks.
  app.use("/login", async (c, next) => {
    await next();
    c.header("Referrer-Policy", "same-origin");
  });

  app.get("/login", (c) => render(c, <LoginPage next={safeNext(c.req.query("next"))} />));

  app.post("/login", async (c) => {
    const address = clientAddress(c, config);
    // A browser always sends Origin with a form post; one from another site is a login CSRF.
    const origin = c.req.header("origin");
    if (origin !== undefined && !allowedOrigins(c, config).has(origin)) {
      logger.warn({ address, origin }, "login refused: cross-origin form");
      return c.text("Forbidden: this login form was posted from another site.", 403);
    }
    const waitAddress = byAddress.attempt(address);
    if (waitAddress > 0) {
      logger.warn({ address }, "login throttled: too many attempts from this address");
      c.header("Retry-After", String(waitAddress));
      return render(c, <LoginPage next="/" error={`Too many login attempts. Try again in ${waitAddress} s.`} />, 429);
    }
    const body = await c.req.parseBody();
    const next = safeNext(formString(body, "next"));
    const user = await verifyToken(db, (formString(body, "token") ?? "").trim());
    if (!user) {
      logger.warn({ address }, "login failed: invalid token");
      return render(c, <LoginPage next={next} error="That token is not valid." />, 401);
    }
    const waitUser = byUser.attempt(user.actor);
    if (waitUser > 0) {
      logger.warn({ address, user: user.actor }, "login throttled: too many logins for this user");
      c.header("Retry-After", String(waitUser));
      return render(c, <LoginPage next={next} error={`Too many logins for ${user.actor}. Try again in ${waitUser} s.`} />, 429);
    }
    const session = newSession(user.actor);
    await createSession(db, { id: session.sid, userName: user.actor, expiresAt: new Date(session.exp) });
    logger.info({ address, user: user.actor, role: user.role }, "login");
    setCookie(c, SESSION_COOKIE, encodeSession(await secret(), session), {
      httpOnly: true,
      sameSite: "Strict",
      path: "/",
      secure: servedOverTls(c, config),
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect(next, 303);
  });

  // Logout changes state, so it is a POST (SameSite=Strict keeps other sites from sending the cookie with it).
  app.post("/logout", async (c) => {
    const session = decodeSession(await secret(), getCookie(c, SESSION_COOKIE));
    if (session) {
      await endSession(db, session.sid);
      logger.info({ user: session.actor }, "logout");
    }
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/login", 303);
  });
  app.get("/logout", (c) => {
    c.header("Allow", "POST");
    return c.text("Log out with the button on any page (a POST).", 405);
  });

  return app;
};
