// Serves the bundled sample feeds (demo/feeds) on a local port, so `npm start -- --demo` fills the queue without
// any internet. Validators are served too, so the monitor's conditional GETs get 304s like from a real site.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.ts";
import { z } from "zod";

const DEMO_DIR = join(PACKAGE_ROOT, "demo/feeds");

const indexSchema = z.array(z.object({ file: z.string(), title: z.string(), lang: z.string(), contentType: z.string() }));

export interface DemoFeed {
  path: string;
  title: string;
  lang: string;
}

export interface DemoServer {
  url: string;
  feeds: DemoFeed[];
  close(): Promise<void>;
}

export async function startDemoServer(port: number, host = "127.0.0.1"): Promise<DemoServer> {
  const index = indexSchema.parse(JSON.parse(readFileSync(join(DEMO_DIR, "index.json"), "utf8")));
  const files = new Map(
    index.map((f) => {
      const body = readFileSync(join(DEMO_DIR, f.file));
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      return [`/${f.file}`, { body, etag, contentType: f.contentType }];
    }),
  );
  const server: Server = createServer((req, res) => {
    const file = files.get((req.url ?? "/").split("?")[0] ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (req.headers["if-none-match"] === file.etag) {
      res.writeHead(304, { etag: file.etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": file.contentType, etag: file.etag, "cache-control": "max-age=60" }).end(file.body);
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    feeds: index.map((f) => ({ path: `${url}/${f.file}`, title: f.title, lang: f.lang })),
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
