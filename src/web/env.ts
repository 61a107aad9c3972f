// What the middleware chain puts on each request's context.
import type { Config } from "../config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Offload } from "../offload/offload.ts";
import type { Db } from "../store/db.ts";
import type { Role } from "../store/schema.ts";

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: Metrics;
}

/** AppDeps as the routes see them: the parse workers (for feed previews) started on first use. */
export interface RouteDeps extends AppDeps {
  offload: () => Offload;
}

export interface AppEnv {
  Variables: {
    /** The user name the request acts as (set by the auth middleware). */
    actor: string;
    /** The actor's role (src/web/access.ts). */
    role: Role;
    /** How the request authenticated: a bearer token needs no CSRF token, a session cookie does. */
    via: "bearer" | "session";
    /** The session's CSRF token, rendered into pages (null for bearer requests). */
    csrf: string | null;
  };
}
