// Roles (admin, analyst, viewer), the session rules (server-side sessions ended by logout, a new token or a removed
// user; Secure cookies; login throttling and its Origin check) and the web input rules, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserToken, removeUser } from "../../src/store/repositories/users.ts";
import { safeNext } from "../../src/web/auth.ts";
import { availableDrivers } from "../support/db.ts";
import { ADMIN_TOKEN, createHarness, createSeededHarness, type Harness } from "./harness.ts";

const FORM = "application/x-www-form-urlencoded";
const form = (data: Record<string, string>) => new URLSearchParams(data).toString();
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
const csrfOf = (html: string) => /<meta name="csrf-token" content="([^"]+)"/.exec(html)![1]!;

async function login(h: Harness, token: string, headers: Record<string, string> = {}) {
  return h.app.request("/login", { method: "POST", headers: { "content-type": FORM, ...headers }, body: form({ token, next: "/" }) });
}

/** A logged-in browser: its cookie and CSRF token. */
async function session(h: Harness, token: string, headers: Record<string, string> = {}) {
  const res = await login(h, token, headers);
  expect(res.status).toBe(303);
  const cookie = cookieOf(res);
  const page = await h.app.request("/", { headers: { cookie } });
  expect(page.status).toBe(200);
  return { cookie, csrf: csrfOf(await page.text()) };
}

describe.each(availableDrivers())("roles on %s", (driver) => {
  let h: Harness;
  let ids: Record<string, number>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    ({ h, ids } = await createSeededHarness(driver));
    tokens.viewer = await createUserToken(h.t.db, "vera", "viewer");
    tokens.analyst = await createUserToken(h.t.db, "ana", "analyst");
    tokens.admin = ADMIN_TOKEN;
  });
  afterAll(async () => h?.t.destroy());

  const as = (role: string, path: string, init: RequestInit = {}) =>
    h.api(path, { ...init, headers: { authorization: `Bearer ${tokens[role]}`, ...(init.body ? { "content-type": "application/json" } : {}) } });
  const post = (role: string, path: string, body: unknown) => as(role, path, { method: "POST", body: JSON.stringify(body) });
  const privateFeed = { url: "http://10.0.0.7/feed.xml", allowPrivate: true };

  it("lets a viewer read and try articles, but not review, label, edit feeds or the catalog (403)", async () => {
    expect((await as("viewer", "/api/events")).status).toBe(200);
    expect((await as("viewer", "/api/export/labels.jsonl")).status).toBe(200);
    expect((await post("viewer", "/api/extract", { title: "Ascend 910C", text: "" })).status).toBe(200);
    const review = await post("viewer", `/api/events/${ids.glm}/review`, { action: "confirm" });
    expect(review.status).toBe(403);
    expect(((await review.json()) as { error: string }).error).toMatch(/vera is a viewer; this needs analyst/);
    expect((await post("viewer", "/api/events/review", { ids: [ids.glm], action: "dismiss" })).status).toBe(403);
    expect((await post("viewer", "/api/labels", { title: "x", kind: "missing", indicator: "export_controls" })).status).toBe(403);
    expect((await post("viewer", "/api/catalog/aliases", { type: "chip", name: "Huawei Ascend", alias: "x" })).status).toBe(403);
    expect((await post("viewer", "/api/feeds", { url: "https://example.com/a.xml" })).status).toBe(403);
    // The same in the browser: the review form is refused.
    const { cookie, csrf } = await session(h, tokens.viewer!);
    const res = await h.app.request("/review", { method: "POST", headers: { cookie, "content-type": FORM }, body: form({ _csrf: csrf, ids: String(ids.glm), action: "confirm" }) });
    expect(res.status).toBe(403);
  });

  it("lets an analyst review and label, but not manage feeds or set allowPrivate (403)", async () => {
    expect((await post("analyst", `/api/events/${ids.deepseek}/review`, { action: "confirm" })).status).toBe(200);
    expect((await post("analyst", "/api/labels", { title: "x", kind: "missing", indicator: "export_controls" })).status).toBe(201);
    expect((await post("analyst", "/api/feeds", privateFeed)).status).toBe(403);
    expect((await post("analyst", "/api/feeds", { url: "https://example.com/b.xml" })).status).toBe(403);
    expect((await as("analyst", "/api/feeds/1", { method: "PATCH", body: JSON.stringify({ enabled: false }) })).status).toBe(403);
    const { cookie, csrf } = await session(h, tokens.analyst!);
    const page = await h.app.request("/feeds", { method: "POST", headers: { cookie, "content-type": FORM }, body: form({ _csrf: csrf, url: "https://example.com/c.xml" }) });
    expect(page.status).toBe(403);
  });

  it("lets an admin manage feeds, allowPrivate included", async () => {
    const res = await post("admin", "/api/feeds", privateFeed);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { feed: { allowPrivate: boolean } }).feed.allowPrivate).toBe(true);
  });
});

describe.each(availableDrivers())("session rules on %s", (driver) => {
  let h: Harness;
  beforeAll(async () => {
    ({ h } = await createSeededHarness(driver, { PUBLIC_URL: "http://localhost" }));
  });
  afterAll(async () => h?.t.destroy());

  const still = async (cookie: string) => (await h.app.request("/", { headers: { cookie } })).status;

  it("ends a user's sessions when their token is rotated or they are removed", async () => {
    const first = await createUserToken(h.t.db, "rosa", "analyst");
    const a = await session(h, first);
    const second = await createUserToken(h.t.db, "rosa");
    expect(await still(a.cookie)).toBe(303);
    const b = await session(h, second);
    expect(await still(b.cookie)).toBe(200);
    expect(await removeUser(h.t.db, "rosa")).toBe(true);
    expect(await still(b.cookie)).toBe(303);
  });

  it("ends the session server-side on logout (a replayed cookie is refused); logout is a POST", async () => {
    const { cookie, csrf } = await session(h, ADMIN_TOKEN);
    const out = await h.app.request("/logout", { method: "POST", headers: { cookie, "content-type": FORM }, body: form({ _csrf: csrf }) });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/i);
    expect(await still(cookie)).toBe(303);
    expect((await h.app.request("/api/events", { headers: { cookie } })).status).toBe(401);
    expect((await h.app.request("/logout")).status).toBe(405);
  });

  it("checks the login form's Origin", async () => {
    expect((await login(h, ADMIN_TOKEN, { origin: "https://evil.example" })).status).toBe(403);
    expect((await login(h, ADMIN_TOKEN, { origin: "http://localhost" })).status).toBe(303);
  });

  it("sets Secure cookies only over https (PUBLIC_URL, or a trusted proxy's X-Forwarded-Proto)", async () => {
    expect((await login(h, ADMIN_TOKEN)).headers.get("set-cookie")).not.toMatch(/Secure/i);
    const tls = await createHarness(driver, { PUBLIC_URL: "https://chipwatch.example" });
    const proxied = await createHarness(driver, { TRUST_PROXY: "true" });
    try {
      await expect(login(tls, ADMIN_TOKEN).then((r) => r.headers.get("set-cookie"))).resolves.toMatch(/Secure/i);
      await expect(login(proxied, ADMIN_TOKEN, { "x-forwarded-proto": "https" }).then((r) => r.headers.get("set-cookie"))).resolves.toMatch(/Secure/i);
      await expect(login(proxied, ADMIN_TOKEN, { "x-forwarded-proto": "http" }).then((r) => r.headers.get("set-cookie"))).resolves.not.toMatch(/Secure/i);
    } finally {
      await tls.t.destroy();
      await proxied.t.destroy();
    }
  });

  it("throttles logins per address and per user with a clear 429", async () => {
    const p = await createHarness(driver, { TRUST_PROXY: "true" });
    try {
      const from = (ip: string, token: string) => login(p, token, { "x-forwarded-for": ip });
      for (let i = 0; i < 10; i++) expect((await from("203.0.113.5", "wrong-token")).status).toBe(401);
      const blocked = await from("203.0.113.5", ADMIN_TOKEN);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await blocked.text()).toMatch(/Too many login attempts/);
      // Another address is not affected; but one user logging in from many addresses is.
      for (let i = 0; i < 10; i++) expect((await from(`198.51.100.${i}`, ADMIN_TOKEN)).status).toBe(303);
      const user = await from("198.51.100.200", ADMIN_TOKEN);
      expect(user.status).toBe(429);
      expect(await user.text()).toMatch(/Too many logins for admin/);
    } finally {
      await p.t.destroy();
    }
  });
});

describe.each(availableDrivers())("web input on %s", (driver) => {
  let h: Harness;
  beforeAll(async () => {
    ({ h } = await createSeededHarness(driver, { METRICS_TOKEN: "metrics-token-0123456789" }));
  });
  afterAll(async () => h?.t.destroy());

  it("redirects only to same-origin paths after login and review", async () => {
    for (const bad of ["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/\u0000x", " /x", "/%09/../x"]) {
      expect(safeNext(bad), JSON.stringify(bad)).toMatch(/^\/(?!\/)/);
      expect(new URL(safeNext(bad), "http://app.local").origin).toBe("http://app.local");
    }
    expect(safeNext("/\t/evil.example")).toBe("/");
    expect(safeNext("/events/3?x=1#h")).toBe("/events/3?x=1#h");
    const res = await h.app.request("/login", { method: "POST", headers: { "content-type": FORM }, body: `token=${ADMIN_TOKEN}&next=/%09/evil.example` });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/");
  });

  it("answers out-of-range dates, weeks and NUL bytes with 400, not 500", async () => {
    for (const q of ["to=9999-12-31", "from=0001-01-01", "q=%00", "org=a%00b", "to=2026-13-45"]) {
      expect((await h.api(`/api/events?${q}`)).status, q).toBe(400);
      expect((await h.api(`/api/export/events.csv?${q}`)).status, q).toBe(400);
    }
    expect((await h.api("/api/digest?week=9999-W52")).status).toBe(400);
    expect((await h.api("/api/events?to=2026-12-31")).status).toBe(200);
    const { cookie } = await session(h, ADMIN_TOKEN);
    expect((await h.app.request("/?q=%00", { headers: { cookie } })).status).toBe(400);
  });

  it("isolates titles with <bdi>, so a U+202E cannot reorder the row", async () => {
    const { cookie } = await session(h, ADMIN_TOKEN);
    const html = await (await h.app.request("/", { headers: { cookie } })).text();
    const headlines = [...html.matchAll(/<a class="headline"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1]!.trim());
    expect(headlines.length).toBeGreaterThan(3);
    for (const inner of headlines) expect(inner).toMatch(/^<bdi>[\s\S]*<\/bdi>$/);
  });

  it("serves /metrics only with METRICS_TOKEN", async () => {
    expect((await h.app.request("/metrics")).status).toBe(401);
    expect((await h.app.request("/metrics", { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(401);
    const ok = await h.app.request("/metrics", { headers: { authorization: "Bearer metrics-token-0123456789" } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/feeds_broken/);
  });
});
