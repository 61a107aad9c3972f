// The web application: health and metrics, the JSON API (bearer token or session + CSRF), the analyst pages.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { pingDatabase } from "../store/db.ts";
import { SELECTORS_MATCHED_NOTHING } from "../ingest/html-listing.ts";
import { failureReasonLabel } from "../observability/metrics.ts";
import { countBrokenFeeds, failingFeeds } from "../store/repositories/feeds.ts";
import { sessionSecret } from "../store/repositories/users.ts";
import { analyticsRoutes } from "./api/analytics.ts";
import { eventRoutes } from "./api/events.ts";
import { exportRoutes } from "./api/exports.ts";
import { extractRoutes } from "./api/extract.ts";
import { labelRoutes } from "./api/labels.ts";
import { timelineRoutes } from "./api/timeline.ts";
import { catalogRoutes } from "./api/catalog.ts";
import { storyApiRoutes } from "./api/stories.ts";
import { importRoutes } from "./api/import.ts";
import { entityRoutes } from "./api/entities.ts";
import { feedRoutes } from "./api/feeds.ts";
import { requireApiAuth } from "./auth.ts";
import { createOffload, type Offload } from "../offload/offload.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { claimRoutes } from "./routes/claims.tsx";
import { eventPageRoutes } from "./routes/event.tsx";
import { feedPageRoutes } from "./routes/feeds.tsx";
import { indicatorRoutes } from "./routes/indicators.tsx";
import { loginRoutes } from "./routes/login.tsx";
import { queueRoutes } from "./routes/queue.tsx";
import { notFoundPage } from "./routes/render.tsx";
import { ruleRoutes } from "./routes/rules.tsx";
import { tryRoutes } from "./routes/try.tsx";
import { labelPageRoutes } from "./routes/labels.tsx";
import { catalogPageRoutes } from "./routes/catalog.tsx";
import { entityPageRoutes } from "./routes/entities.tsx";
import { securityHeaders } from "./security-headers.ts";
import { metricsAuthorized } from "../observability/metrics-token.ts";
import { mountStatic } from "./static-assets.ts";

export type { AppDeps } from "./env.ts";

/** Memoises a successful result only, so a database that was down at first use is asked again next time. */
function memoOnSuccess<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () => {
    cached ??= load().catch((err: unknown) => {
      cached = null;
      throw err;
    });
    return cached;
  };
}

const BROKEN_FEEDS_TTL_MS = 30_000;

/** The last successful result for `ttlMs`; concurrent callers share one load. */
function cachedFor<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; result: Promise<T> } | null = null;
  return () => {
    const now = Date.now();
    if (!value || now - value.at >= ttlMs) {
      const result = load();
      value = { at: now, result };
      result.catch(() => {
        value = null;
      });
    }
    return value.result;
  };
}

const isApi = (path: string) => path === "/api" || path.startsWith("/api/");

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { db, logger, metrics } = deps;
  const secret = memoOnSuccess(() => sessionSecret(db, deps.config.SESSION_SECRET));
  // Feed previews parse fetched pages in worker threads, started on the first preview; idle ones exit on their own.
  let pool: Offload | null = null;
  const offload = () => (pool ??= createOffload(deps.config));
  const app = new Hono<AppEnv>();

  app.use("*", securityHeaders());
  app.use("*", bodyLimit({ maxSize: 1024 * 1024, onError: (c) => c.json({ error: "request body too large" }, 413) }));

  app.get("/healthz", async (c) => {
    try {
      await pingDatabase(db);
      return c.json({ ok: true, db: "up" });
    } catch (err) {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "health check: database down");
      return c.json({ ok: false, db: "down" }, 503);
    }
  });

  // Counters only, no event data; METRICS_TOKEN makes scrapers present a token.
  // Feed health lives in the database (any process may have marked a feed broken): read at most every 30 s, so a
  // scrape (or a flood of them) costs no query.
  const brokenFeeds = cachedFor(BROKEN_FEEDS_TTL_MS, () => countBrokenFeeds(db));
  // Failing feeds by kind and reason (a listing page whose selectors matched nothing), on the same 30 s cache.
  const failingFeedList = cachedFor(BROKEN_FEEDS_TTL_MS, () => failingFeeds(db));
  app.get("/metrics", async (c) => {
    if (!metricsAuthorized(deps.config.METRICS_TOKEN, c.req.header("authorization"))) {
      c.header("WWW-Authenticate", 'Bearer realm="metrics"');
      return c.text("metrics token required", 401);
    }
    metrics.feedsBroken.set(await brokenFeeds().catch(() => 0));
    const failing = await failingFeedList().catch(() => []);
    metrics.feedsFailing.reset();
    for (const f of failing) metrics.feedsFailing.inc({ kind: f.kind, reason: failureReasonLabel(f.lastError, [SELECTORS_MATCHED_NOTHING]) });
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });

  mountStatic(app);

  const api = new Hono<AppEnv>();
  api.use("*", requireApiAuth(db, secret));
  api.route("/", eventRoutes(deps));
  api.route("/", feedRoutes({ ...deps, offload }));
  api.route("/", analyticsRoutes(deps));
  api.route("/", exportRoutes(deps));
  api.route("/", extractRoutes(deps));
  api.route("/", labelRoutes(deps));
  api.route("/", timelineRoutes(deps));
  api.route("/", catalogRoutes(deps));
  api.route("/", storyApiRoutes(deps));
  api.route("/", importRoutes(deps));
  api.route("/", entityRoutes(deps));
  api.all("*", (c) => c.json({ error: "not found" }, 404));
  app.route("/api", api);

  // The analyst pages (each form carries the session's CSRF token), one route module per page.
  for (const pageRoutes of [loginRoutes, queueRoutes, eventPageRoutes, indicatorRoutes, claimRoutes, feedPageRoutes, ruleRoutes, tryRoutes, labelPageRoutes, catalogPageRoutes, entityPageRoutes]) {
    app.route("/", pageRoutes(deps, secret));
  }

  app.notFound((c) => (isApi(c.req.path) ? c.json({ error: "not found" }, 404) : notFoundPage(c)));

  app.onError((err, c) => {
    if (err instanceof HTTPException && err.status < 500) {
      return isApi(c.req.path) ? c.json({ error: err.message || "bad request" }, err.status) : c.text(err.message || "bad request", err.status);
    }
    logger.error({ err, method: c.req.method, path: c.req.path }, "request failed");
    return isApi(c.req.path) ? c.json({ error: "internal error" }, 500) : c.text("Internal error. It has been logged.", 500);
  });

  return app;
}
