// Embedded mode, `chipwatch start`: the whole monitor in one process: PGlite in DATA_DIR (or DATABASE_URL), the
// in-process runner, the web server, and with DEMO the bundled sample feeds served locally.
import type { Config } from "../config.ts";
import { startDemoServer, type DemoServer } from "../demo/demo-server.ts";
import { createJobDeps } from "../jobs/deps.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createEmbeddedRunner, type EmbeddedRunner } from "../runner/embedded-runner.ts";
import type { Database } from "../store/db.ts";
import { addFeeds } from "../store/repositories/feeds.ts";
import { openMigratedDatabase } from "./database.ts";
import { loadDefaultFeedsIfEmpty } from "../feeds/feed-list.ts";
import { roleLogger, type RunOptions } from "./run-mode.ts";
import { serveWeb } from "./serve-web.ts";
import { supervise, type Closable } from "./shutdown.ts";

export interface EmbeddedHandle extends Closable {
  url: string;
  database: Database;
  runner: EmbeddedRunner;
  demo: DemoServer | null;
}

// Demo feeds are polled every minute so that a changed sample shows up quickly.
const DEMO_INTERVAL_S = 60;

export async function runEmbedded(config: Config, opts: RunOptions = {}): Promise<EmbeddedHandle> {
  const logger = roleLogger(config, opts, "embedded");
  const database = await openMigratedDatabase(config);
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch((err) => logger.error({ err }, "shutdown step failed"));
  };
  try {
    const { db } = database;
    const loaded = await loadDefaultFeedsIfEmpty(db, config.DEFAULT_FEEDS, config);
    if (loaded) logger.info({ ...loaded, from: config.DEFAULT_FEEDS }, "loaded the default feed list");

    let demo: DemoServer | null = null;
    if (config.DEMO) {
      demo = await startDemoServer(config.DEMO_PORT);
      cleanups.push(() => demo!.close());
      const added = await addFeeds(
        db,
        // Due before everything else, so the queue fills first from the feeds that are sure to answer.
        demo.feeds.map((f) => ({
          url: f.path,
          title: f.title,
          lang: f.lang,
          allowPrivate: true,
          intervalSeconds: DEMO_INTERVAL_S,
          nextFetchAt: new Date(0),
        })),
      );
      logger.info({ url: demo.url, feeds: demo.feeds.length, added: added.length }, "demo feeds served locally");
    }

    const metrics = createMetrics();
    const runner = createEmbeddedRunner({
      config,
      logger,
      deps: (enqueue) => createJobDeps({ db, config, logger, metrics, enqueue }),
    });
    const web = await serveWeb({ db, config, logger, metrics });
    cleanups.push(() => web.close());
    runner.start();
    cleanups.push(() => runner.stop());
    logger.info({ url: web.url, mode: "embedded", dataDir: config.DATA_DIR }, "chipwatch is running");
    const handle: EmbeddedHandle = { url: web.url, database, runner, demo, close };
    supervise(handle, logger, opts.handleSignals ?? true);
    return handle;
  } catch (err) {
    await close();
    throw err;
  }
}
