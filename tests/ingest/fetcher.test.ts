import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFeed, fetchPage, type FetchOptions } from "../../src/ingest/fetcher.ts";
import { FetchError } from "../../src/ingest/types.ts";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>`;
const requests: { path: string; headers: IncomingMessage["headers"] }[] = [];
const open = new Set<ServerResponse>();
const openPaths = () => [...open].map((res) => new URL(res.req.url ?? "/", "http://x").pathname);
let server: Server;
let base: string;

function route(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://x");
  requests.push({ path: url.pathname, headers: req.headers });
  open.add(res);
  res.on("close", () => open.delete(res));
  const p = url.pathname;
  if (p === "/feed") {
    if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
    res.writeHead(200, {
      "content-type": "application/rss+xml",
      etag: '"v1"',
      "last-modified": "Mon, 01 Jan 2024 00:00:00 GMT",
      "cache-control": "public, max-age=600",
    });
    return void res.end(FEED);
  }
  if (p === "/gzip") {
    return void res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" }).end(gzipSync(FEED));
  }
  if (p === "/gzip-bomb") {
    res.writeHead(200, { "content-type": "text/xml", "content-encoding": "gzip" });
    return void res.end(BOMB);
  }
  if (p === "/endless") {
    res.writeHead(200, { "content-type": "text/xml" });
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    return pump();
  }
  if (p === "/drip") {
    res.writeHead(200, { "content-type": "text/xml" });
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write("<")), 50);
    return;
  }
  if (p === "/hang") return; // never answers
  if (p === "/reset") return void req.socket.destroy();
  if (p.startsWith("/loop/")) {
    const n = Number(p.slice(6));
    return void res.writeHead(302, { location: `/loop/${n + 1}` }).end();
  }
  if (p === "/hop1") return void res.writeHead(301, { location: "/hop2" }).end();
  if (p === "/hop2") return void res.writeHead(307, { location: `${base}/feed` }).end();
  if (p === "/to-private") return void res.writeHead(302, { location: "http://10.1.2.3/feed" }).end();
  if (p === "/to-file") return void res.writeHead(302, { location: "file:///etc/passwd" }).end();
  if (p === "/busy") return void res.writeHead(429, { "retry-after": "120" }).end();
  if (p === "/down") return void res.writeHead(503, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }).end();
  if (p === "/gone") return void res.writeHead(410).end();
  if (p === "/image") return void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(10));
  if (p === "/page") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>hi</p>");
  res.writeHead(404).end();
}

const BOMB = gzipSync(Buffer.alloc(64 * 1024 * 1024)); // 64 MiB of zeros, ~64 KB on the wire

const opts = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  timeoutMs: 3000,
  connectTimeoutMs: 1000,
  maxBytes: 1024 * 1024,
  maxRedirects: 5,
  userAgent: "chipwatch/0.1 (+https://example.org/contact)",
  allowPrivate: true,
  ...over,
});
const none = { etag: null, lastModified: null };

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of open) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("fetchFeed", () => {
  it("fetches with our User-Agent, returns validators and max-age, then gets 304 with the ETag", async () => {
    const first = await fetchFeed(`${base}/feed`, none, opts());
    expect(first.status).toBe("ok");
    if (first.status !== "ok") return;
    expect(first.body.toString()).toBe(FEED);
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: "Mon, 01 Jan 2024 00:00:00 GMT" });
    expect(first.maxAgeSeconds).toBe(600);
    const sent = requests.at(-1)!.headers;
    expect(sent["user-agent"]).toBe("chipwatch/0.1 (+https://example.org/contact)");
    expect(sent["accept-encoding"]).toMatch(/gzip/);

    const second = await fetchFeed(`${base}/feed`, first.validators, opts());
    expect(second).toMatchObject({ status: "not-modified", httpStatus: 304, validators: { etag: '"v1"' } });
    expect(requests.at(-1)!.headers["if-modified-since"]).toBe("Mon, 01 Jan 2024 00:00:00 GMT");
  });

  it("decodes gzip", async () => {
    const res = await fetchFeed(`${base}/gzip`, none, opts());
    expect(res.status === "ok" && res.body.toString()).toBe(FEED);
  });

  it("caps the decompressed size of a gzip bomb", async () => {
    const started = Date.now();
    expect((await fetchError(fetchFeed(`${base}/gzip-bomb`, none, opts()))).kind).toBe("too-large");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("caps an endless body", async () => {
    expect((await fetchError(fetchFeed(`${base}/endless`, none, opts()))).kind).toBe("too-large");
    await new Promise((r) => setTimeout(r, 200));
    expect(openPaths()).not.toContain("/endless");
  });

  it("aborts a slow drip and a silent server at the total timeout", async () => {
    for (const path of ["/drip", "/hang"]) {
      const started = Date.now();
      expect((await fetchError(fetchFeed(`${base}${path}`, none, opts({ timeoutMs: 400 })))).kind).toBe("timeout");
      expect(Date.now() - started).toBeLessThan(1500);
    }
    // The sockets were really closed, not left streaming in the background.
    await new Promise((r) => setTimeout(r, 200));
    expect(openPaths()).not.toContain("/drip");
    expect(openPaths()).not.toContain("/hang");
  });

  it("follows a few redirects and reports the final URL", async () => {
    const res = await fetchFeed(`${base}/hop1`, none, opts());
    expect(res).toMatchObject({ status: "ok", finalUrl: `${base}/feed` });
  });

  it("stops a redirect loop after maxRedirects hops", async () => {
    const before = requests.length;
    const err = await fetchError(fetchFeed(`${base}/loop/0`, none, opts({ maxRedirects: 5 })));
    expect(err.kind).toBe("redirects");
    expect(requests.length - before).toBe(6);
  });

  it("refuses a redirect to a private address or a non-http scheme", async () => {
    // Loopback is allowed for this one server only; the redirect target (10.1.2.3) is not.
    const loopbackOnly = opts({ allowPrivate: false, allowAddress: (a) => a === "127.0.0.1" });
    expect((await fetchError(fetchFeed(`${base}/to-private`, none, loopbackOnly))).kind).toBe("blocked-address");
    expect((await fetchError(fetchFeed(`${base}/to-file`, none, opts()))).kind).toBe("bad-url");
  });

  it("refuses private and loopback targets before sending anything", async () => {
    const before = requests.length;
    const port = new URL(base).port;
    for (const url of [
      `${base}/feed`,
      `http://[::1]:${port}/feed`,
      `http://localhost:${port}/feed`,
      "http://10.0.0.1/feed",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
    ]) {
      expect((await fetchError(fetchFeed(url, none, opts({ allowPrivate: false })))).kind, url).toBe("blocked-address");
    }
    expect(requests.length).toBe(before);
  });

  it("parses Retry-After on 429 (seconds) and 503 (HTTP date)", async () => {
    const busy = await fetchError(fetchFeed(`${base}/busy`, none, opts()));
    expect(busy).toMatchObject({ kind: "http", httpStatus: 429, retryAfterSeconds: 120 });
    const down = await fetchError(fetchFeed(`${base}/down`, none, opts()));
    expect(down.httpStatus).toBe(503);
    expect(down.retryAfterSeconds).toBeGreaterThan(50);
    expect(down.retryAfterSeconds).toBeLessThanOrEqual(61);
    expect(await fetchError(fetchFeed(`${base}/gone`, none, opts()))).toMatchObject({ kind: "http", httpStatus: 410, retryAfterSeconds: null });
  });

  it("rejects binary content types, reset connections and bad URLs", async () => {
    expect((await fetchError(fetchFeed(`${base}/image`, none, opts()))).message).toMatch(/content type/);
    expect((await fetchError(fetchFeed(`${base}/reset`, none, opts()))).kind).toBe("network");
    expect((await fetchError(fetchFeed("ftp://example.org/feed", none, opts()))).kind).toBe("bad-url");
    expect((await fetchError(fetchFeed("not a url", none, opts()))).kind).toBe("bad-url");
  });
});

describe("fetchPage", () => {
  it("returns HTML and refuses a feed-only content type", async () => {
    const page = await fetchPage(`${base}/page`, opts());
    expect(page).toMatchObject({ httpStatus: 200, contentType: "text/html; charset=utf-8", finalUrl: `${base}/page` });
    expect(page.body.toString()).toBe("<p>hi</p>");
    expect((await fetchError(fetchPage(`${base}/image`, opts()))).kind).toBe("http");
  });

  it("shares the guards (byte cap, private refusal)", async () => {
    expect((await fetchError(fetchPage(`${base}/endless`, opts()))).kind).toBe("http"); // text/xml is not a page
    expect((await fetchError(fetchPage(`${base}/page`, opts({ allowPrivate: false })))).kind).toBe("blocked-address");
  });
});
