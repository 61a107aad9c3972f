// A local HTTP server that simulates many news feeds (RSS 2.0 with ETag/304) and their article pages. Used by the
// queue-mode tests, chaos tests and benchmarks: real sockets, real HTTP, no network.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { simArticle } from "./articles.ts";

export interface FeedServerOptions {
  feeds: number;
  itemsPerFeed: number;
  /** Delay before each feed response, to hold jobs in flight. */
  delayMs?: number;
  /** Serve 304 when If-None-Match matches the current version (default true). */
  conditional?: boolean;
  /**
   * Listen on this many ports and spread the feeds over them (default 1). Fetchers limit concurrency per host:port,
   * so one port would serialise every fetch, unlike real feeds spread over many sites.
   */
  ports?: number;
}

export interface FeedServer {
  baseUrl: string;
  feedUrl(feed: number): string;
  /** The ETag a feed has now (for seeding validators so that the first poll is answered 304). */
  etag(feed: number): string;
  /** When the first feed request arrived (ms since epoch), or null. */
  firstRequestAt(): number | null;
  /** Feed requests answered (200 and 304), by feed index. */
  requests: Map<number, number>;
  totalRequests(): number;
  notModified(): number;
  /** Publishes one more item on a feed (its ETag changes); returns the item index. */
  publish(feed: number): number;
  /** When each item became visible, ms since epoch: key `${feed}-${item}`. */
  publishedAt: Map<string, number>;
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rss(base: string, feed: number, first: number, count: number): string {
  const items: string[] = [];
  for (let i = first + count - 1; i >= first; i--) {
    const a = simArticle(feed, i);
    const published = new Date(Date.UTC(2026, 0, 1) + (feed * 1000 + i) * 60_000).toUTCString();
    items.push(
      `<item><title>${escapeXml(a.title)}</title><link>${base}/article/${feed}/${i}.html</link>` +
        `<guid isPermaLink="false">sim-${feed}-${i}</guid><pubDate>${published}</pubDate>` +
        `<description>${escapeXml(a.body)}</description></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Sim feed ${feed}</title>` +
    `<link>${base}/</link><description>Simulated feed</description><language>en</language>${items.join("")}</channel></rss>`
  );
}

export async function startFeedServer(opts: FeedServerOptions): Promise<FeedServer> {
  const requests = new Map<number, number>();
  const extra = new Map<number, number>();
  const publishedAt = new Map<string, number>();
  let notModified = 0;
  let firstRequestAt: number | null = null;
  let base = "";
  let rssBase: (feed: number) => string = () => base;
  const etag = (feed: number) => `"f${feed}-${opts.itemsPerFeed + (extra.get(feed) ?? 0)}"`;
  const conditional = opts.conditional ?? true;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const feedMatch = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? "");
    if (feedMatch) {
      const feed = Number(feedMatch[1]);
      if (feed >= opts.feeds) return void res.writeHead(404).end();
      requests.set(feed, (requests.get(feed) ?? 0) + 1);
      firstRequestAt ??= Date.now();
      const total = opts.itemsPerFeed + (extra.get(feed) ?? 0);
      const tag = etag(feed);
      if (conditional && req.headers["if-none-match"] === tag) {
        notModified++;
        return void res.writeHead(304, { etag: tag }).end();
      }
      // A feed shows its newest itemsPerFeed items, as real feeds do.
      const first = Math.max(0, total - opts.itemsPerFeed);
      res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag: tag });
      return void res.end(rss(rssBase(feed), feed, first, total - first));
    }
    const articleMatch = /^\/article\/(\d+)\/(\d+)\.html$/.exec(req.url ?? "");
    if (articleMatch) {
      const a = simArticle(Number(articleMatch[1]), Number(articleMatch[2]));
      const paragraphs = a.body
        .split("\n\n")
        .map((p) => `<p>${escapeXml(p)}</p>`)
        .join("");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      return void res.end(`<!doctype html><html><head><title>${escapeXml(a.title)}</title></head><body><article><h1>${escapeXml(a.title)}</h1>${paragraphs}</article></body></html>`);
    }
    res.writeHead(404).end();
  };

  const servers = Array.from({ length: opts.ports ?? 1 }, () => {
    const server = createServer((req, res) => {
      if (opts.delayMs) setTimeout(() => handle(req, res), opts.delayMs);
      else handle(req, res);
    });
    server.keepAliveTimeout = 5_000;
    return server;
  });
  const bases = await Promise.all(
    servers.map(
      (server) =>
        new Promise<string>((resolve) =>
          server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
        ),
    ),
  );
  base = bases[0] as string;
  // An article link points at the port its feed is served from.
  const baseOf = (feed: number) => bases[feed % bases.length] as string;
  rssBase = baseOf;

  return {
    baseUrl: base,
    feedUrl: (feed) => `${baseOf(feed)}/feed/${feed}.xml`,
    etag,
    firstRequestAt: () => firstRequestAt,
    requests,
    totalRequests: () => [...requests.values()].reduce((a, b) => a + b, 0),
    notModified: () => notModified,
    publish: (feed) => {
      const item = opts.itemsPerFeed + (extra.get(feed) ?? 0);
      extra.set(feed, (extra.get(feed) ?? 0) + 1);
      publishedAt.set(`${feed}-${item}`, Date.now());
      return item;
    },
    publishedAt,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
