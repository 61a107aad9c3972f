// The one place that reads process.env. Everything else receives a Config.
import { z } from "zod";

const bool = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no"])])
  .transform((v) => v === true || v === "true" || v === "1" || v === "yes");

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// Keys are the environment variable names, so an error message can name exactly what to fix.
export const configSchema = z.object({
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default("chipwatch"),
  HOST: z.string().default("0.0.0.0"),
  PORT: int(0, 65535).default(3000),
  /** Queue mode: serve /metrics from worker and scheduler processes on this port (they have no web server). */
  METRICS_PORT: int(0, 65535).optional(),
  API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: readable lines when stderr is a terminal, JSON otherwise (services, pipes, log collectors). */
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  WORKER_CONCURRENCY: int(1, 256).default(8),
  POLL_CONCURRENCY: int(1, 64).default(4),
  SCHEDULER_TICK_MS: int(200, 600_000).default(5_000),
  FETCH_TIMEOUT_MS: int(100, 300_000).default(20_000),
  FETCH_CONNECT_TIMEOUT_MS: int(100, 120_000).default(10_000),
  FETCH_MAX_BYTES: int(1024, 512 * 1024 * 1024).default(10 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: int(0, 10).default(5),
  FETCH_HOST_INTERVAL_MS: int(0, 600_000).default(1_000),
  CONTACT_URL: z.string().default("https://github.com/chipwatch/chipwatch"),
  ALLOW_PRIVATE_NETWORKS: bool.default(false),
  FEED_MIN_INTERVAL_S: int(10, 86_400).default(300),
  FEED_MAX_INTERVAL_S: int(60, 7 * 86_400).default(86_400),
  FEED_DEFAULT_INTERVAL_S: int(10, 86_400).default(900),
  FEED_BROKEN_AFTER: int(1, 1000).default(10),
  /** A poll takes at most this many items, newest first; the rest are counted and reported. */
  FEED_MAX_ITEMS: int(1, 100_000).default(500),
  /** Deadline for decoding and parsing one feed (or reading one page's text) in a parse worker. */
  PARSE_TIMEOUT_MS: int(100, 600_000).default(30_000),
  /** Parse worker threads per process. */
  PARSE_WORKERS: int(1, 64).default(2),
  /** Where github-releases sources given as OWNER/REPO are fetched (tests point it at a local server). */
  GITHUB_BASE_URL: z.url().default("https://github.com"),
  /** Where huggingface sources given as an organisation name are fetched (tests point it at a local server). */
  HUGGINGFACE_BASE_URL: z.url().default("https://huggingface.co"),
  FLAG_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  DEFAULT_FEEDS: z.string().default("feeds/default.opml"),
  WEBHOOK_URL: z.url().optional(),
  WEBHOOK_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  WEBHOOK_THRESHOLD: z.coerce.number().min(0).max(1).default(0.7),
  SESSION_SECRET: z.string().min(16).optional(),
  /** Where analysts reach the web UI; makes links in alerts absolute. */
  PUBLIC_URL: z.url().optional(),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-For (login throttling) and X-Forwarded-Proto (Secure cookies). */
  TRUST_PROXY: bool.default(false),
  /** When set, /metrics answers only requests with `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  DEMO: bool.default(false),
  DEMO_PORT: int(0, 65535).default(3001),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`config: ${key}: ${message}`);
    this.name = "ConfigError";
  }
}

type FlagMap = Record<string, keyof Config>;

// Command-line flags that override environment variables.
const FLAGS: FlagMap = {
  "--port": "PORT",
  "--host": "HOST",
  "--data-dir": "DATA_DIR",
  "--database-url": "DATABASE_URL",
  "--redis-url": "REDIS_URL",
  "--concurrency": "WORKER_CONCURRENCY",
  "--log-level": "LOG_LEVEL",
  "--demo": "DEMO",
};

/** Splits known flags out of argv; returns the remaining arguments untouched. */
export function parseFlags(argv: readonly string[]): { overrides: Record<string, string>; rest: string[] } {
  const overrides: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.includes("=") ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const key = FLAGS[name];
    if (!key) {
      rest.push(arg);
      continue;
    }
    if (key === "DEMO") {
      overrides[key] = inline ?? "true";
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(key, `flag ${name} needs a value`);
    overrides[key] = value;
  }
  return { overrides, rest };
}

/** Builds the config from an environment and flag overrides; throws ConfigError naming the first bad key. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Record<string, string> = {},
): Config {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = overrides[key] ?? env[key];
    // An empty variable means "not set", as it does in docker-compose files.
    if (value !== undefined && value !== "") input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? "config");
    throw new ConfigError(key, issue?.message ?? "invalid");
  }
  const config = parsed.data;
  if (config.FEED_MIN_INTERVAL_S > config.FEED_MAX_INTERVAL_S) {
    throw new ConfigError("FEED_MIN_INTERVAL_S", "must not exceed FEED_MAX_INTERVAL_S");
  }
  if (config.WEBHOOK_URL && !config.WEBHOOK_SECRET) {
    throw new ConfigError("WEBHOOK_SECRET", "is required when WEBHOOK_URL is set (alerts are HMAC-signed)");
  }
  return config;
}

/** Queue mode needs both Postgres and Redis; embedded mode needs neither. */
export function runMode(config: Config): "embedded" | "queue" {
  return config.REDIS_URL ? "queue" : "embedded";
}
