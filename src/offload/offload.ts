// Parsing under a CPU budget: fetched bodies are decoded and parsed (feeds) or reduced to their main text (pages) in
// worker threads, each task under a deadline, so that no document can hold the event loop that serves the web UI,
// the API and BullMQ's lock renewals. Both run modes reach this through JobDeps, so there is one code path.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.ts";
import type { MainText } from "../ingest/article-text.ts";
import type { ParseOptions } from "../ingest/parse.ts";
import type { SourceRead, SourceReadOptions } from "../ingest/read-source.ts";
import type { SourceSpec } from "../ingest/source-kind.ts";
import { FeedParseError } from "../ingest/types.ts";
import type { ParsedBody, TaskName, tasks } from "./tasks.ts";
import type { TaskRequest } from "./worker-entry.ts";
import { TaskFailedError, TaskTimeoutError, WorkerPool } from "./worker-pool.ts";

export interface Offload {
  /** Decodes and parses a feed body; at most `maxItems` items (the newest). Throws FeedParseError on any failure. */
  parseFeed(body: Buffer, contentType: string | null, options: ParseOptions, maxItems: number): Promise<ParsedBody>;
  /** Reads a body of any source kind into items (at most `maxItems`). Throws FeedParseError on any failure. */
  readSource(body: Buffer, contentType: string | null, spec: SourceSpec, options: SourceReadOptions, maxItems: number): Promise<SourceRead>;
  /** Main text of an article page. Throws PageReadError on any failure. */
  mainText(body: Buffer, contentType: string | null, url: string): Promise<MainText>;
  close(): Promise<void>;
}

export class PageReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PageReadError";
  }
}

/** A parse worker's heap limit: a document that needs more fails alone instead of taking the process down. */
const WORKER_HEAP_MB = 1024;

/**
 * Starts a parse worker on the entry file beside this one: .js when compiled; from sources (tests, tsx) .ts, which
 * the worker can only load after registering tsx's loader itself (tsx's --import hook does not reach workers).
 */
function startWorker(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./worker-entry.js", import.meta.url), { resourceLimits });
  const entry = new URL("./worker-entry.ts", import.meta.url).href;
  // tsx's ESM API by path: its package exports it for `import` only, and require.resolve sees the CommonJS build.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/package.json").replace(/package\.json$/, "dist/esm/api/index.mjs")).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, execArgv: [], resourceLimits });
}

export function createOffload(config: Pick<Config, "PARSE_TIMEOUT_MS" | "PARSE_WORKERS">): Offload {
  const pool = new WorkerPool({
    start: startWorker,
    size: config.PARSE_WORKERS,
    timeoutMs: config.PARSE_TIMEOUT_MS,
  });
  const run = async <N extends TaskName>(task: N, args: Parameters<(typeof tasks)[N]>, fail: (message: string) => Error): Promise<unknown> => {
    try {
      return await pool.run({ task, args } satisfies TaskRequest);
    } catch (err) {
      if (err instanceof TaskTimeoutError) throw fail(`${task === "mainTextOfPage" ? "page text" : "parse"} ${err.message}`);
      if (err instanceof TaskFailedError) throw fail(err.message);
      throw err;
    }
  };
  return {
    parseFeed: async (body, contentType, options, maxItems) =>
      (await run("parseFeedBody", [body, contentType, options, maxItems], (m) => new FeedParseError(m))) as ParsedBody,
    readSource: async (body, contentType, spec, options, maxItems) =>
      (await run("readSourceBody", [body, contentType, spec, options, maxItems], (m) => new FeedParseError(m))) as SourceRead,
    mainText: async (body, contentType, url) =>
      (await run("mainTextOfPage", [body, contentType, url], (m) => new PageReadError(m))) as MainText,
    close: () => pool.close(),
  };
}
