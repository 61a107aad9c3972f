// What the middleware chain puts on each request's context.
import type { Config } from "../config.ts";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { Db } from "../store/db.ts";
import type { Role } from "../store/schema.ts";

export interface AppDeps {
  db: Db;
  config: Config;
  logger: Logger;
  metrics: Metrics;
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
