// Feed servers that misbehave in the ways real ones do. Each path is one fault; /good/<n>.xml are healthy feeds that
// must be unaffected by their neighbours.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { simArticle } from "../../support/sim/articles.ts";

/** Each fault, what the server does, and the error the feed must be marked with. */
export const FAULTS = {
  "slow-drip": { does: "sends a byte every 300 ms, forever", error: /timeout/ },
  hang: { does: "accepts the connection and never answers", error: /timeout/ },
  reset: { does: "destroys the connection without a response", error: /network|socket|closed|reset/i },
  "server-error": { does: "answers 500", error: /500/ },
  "redirect-loop": { does: "redirects to itself through two URLs", error: /redirect/ },
  "endless-body": { does: "streams an unbounded body as fast as it can", error: /too-large|cap/ },
  "wrong-type": { does: "answers 200 with a PNG image", error: /content type|parse/ },
  "html-page": { does: "answers 200 with an HTML page instead of a feed", error: /parse|not a feed/ },
  "not-found": { does: "answers 404", error: /404/ },
} as const;

export type Fault = keyof typeof FAULTS;

export interface MisbehavingServer {
  baseUrl: string;
  url(fault: Fault): string;
  goodUrl(n: number): string;
  close(): Promise<void>;
}

function goodFeed(n: number, base: string): string {
  const items = [0, 1, 2, 3, 4]
    .map((i) => {
      const a = simArticle(1000 + n, i);
      return `<item><title>${a.title}</title><link>${base}/good-article/${n}/${i}</link><description>${a.body}</description></item>`;
    })
    .join("");
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>good ${n}</title><link>${base}/</link>${items}</channel></rss>`;
}

export async function startMisbehavingServer(): Promise<MisbehavingServer> {
  const timers = new Set<NodeJS.Timeout>();
  let base = "";
  const drip = (res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.write("<?xml version='1.0'?><rss><channel>");
    const timer = setInterval(() => res.write(" "), 300);
    timers.add(timer);
    res.on("close", () => clearInterval(timer));
  };
  const endless = (res: ServerResponse) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    const chunk = Buffer.alloc(64 * 1024, "<item><title>x</title></item>");
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  };
  const server = createServer((req, res) => {
    const path = req.url ?? "";
    const good = /^\/good\/(\d+)\.xml$/.exec(path);
    if (good) {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      return void res.end(goodFeed(Number(good[1]), base));
    }
    switch (path.replace(/^\//, "").replace(/[?.].*$/, "")) {
      case "slow-drip":
        return drip(res);
      case "hang":
        return; // never answers
      case "reset":
        return void req.socket.destroy();
      case "server-error":
        return void res.writeHead(500, { "content-type": "text/plain" }).end("internal error");
      case "redirect-loop":
        return void res.writeHead(302, { location: `${base}/redirect-loop-b.xml` }).end();
      case "redirect-loop-b":
        return void res.writeHead(302, { location: `${base}/redirect-loop.xml` }).end();
      case "endless-body":
        return endless(res);
      case "wrong-type":
        return void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      case "html-page":
        return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><html><body><h1>Welcome</h1><p>No feed here.</p></body></html>");
      default:
        return void res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    url: (fault) => `${base}/${fault}.xml`,
    goodUrl: (n) => `${base}/good/${n}.xml`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
