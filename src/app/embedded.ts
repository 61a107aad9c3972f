// `chipwatch start`: the whole monitor in one process: PGlite in DATA_DIR, the in-process runner, the web server.
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { startDemoServer, type DemoServer } from "../demo/demo-server.ts";
import { createJobDeps } from "../jobs/deps.ts";
import { createMetrics } from "../observability/metrics.ts";
import { createEmbeddedRunner, type EmbeddedRunner } from "../runner/embedded-runner.ts";
import type { Database } from "../store/db.ts";
import { addFeeds } from "../store/repositories/feeds.ts";
import { ensureAdminToken } from "../store/repositories/users.ts";
import { createApp } from "../web/app.ts";
import { startWebServer } from "../web/server.ts";
import { openMigratedDatabase } from "./database.ts";
import { loadDefaultFeedsIfEmpty } from "./feed-list.ts";

export interface EmbeddedMonitor {
  url: string;
  database: Database;
  runner: EmbeddedRunner;
  demo: DemoServer | null;
  stop(): Promise<void>;
}

// Demo feeds are polled every minute so that a changed sample shows up quickly.
const DEMO_INTERVAL_S = 60;

export async function startEmbedded(config: Config, logger: Logger): Promise<EmbeddedMonitor> {
  const database = await openMigratedDatabase(config);
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  const stopAll = async () => {
    for (const c of cleanups.reverse()) await c().catch((err) => logger.error({ err }, "shutdown step failed"));
  };
  try {
    const { db } = database;
    const loaded = await loadDefaultFeedsIfEmpty(db, config.DEFAULT_FEEDS);
    if (loaded > 0) logger.info({ feeds: loaded, from: config.DEFAULT_FEEDS }, "loaded the default feed list");

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

    const { generated } = await ensureAdminToken(db, config.API_TOKEN);
    if (generated) {
      // Printed once, on the first start; only its hash is stored.
      process.stdout.write(`\nchipwatch API token (shown once, keep it): ${generated}\n\n`);
    }

    const metrics = createMetrics();
    const runner = createEmbeddedRunner({
      config,
      logger,
      deps: (enqueue) => createJobDeps({ db, config, logger, metrics, enqueue }),
    });
    const app = createApp({ db, config, logger, metrics });
    const server = await startWebServer(app, { host: config.HOST, port: config.PORT });
    cleanups.push(() => server.close());
    runner.start();
    cleanups.push(() => runner.stop());
    const url = `http://${config.HOST === "0.0.0.0" ? "127.0.0.1" : config.HOST}:${server.port}`;
    logger.info({ url, mode: "embedded", dataDir: config.DATA_DIR }, "chipwatch is running");
    return { url, database, runner, demo, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
