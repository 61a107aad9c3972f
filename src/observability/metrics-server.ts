// A bare /metrics endpoint for processes without the web app (queue workers and schedulers), so that their job
// durations and queue gauges can be scraped. Off unless METRICS_PORT is set.
import { createServer } from "node:http";
import type { Registry } from "prom-client";
import { metricsAuthorized } from "./metrics-token.ts";

export async function startMetricsServer(registry: Registry, host: string, port: number, token?: string): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    if (!metricsAuthorized(token, req.headers.authorization)) {
      res.writeHead(401, { "content-type": "text/plain", "www-authenticate": 'Bearer realm="metrics"' }).end("metrics token required\n");
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { "content-type": registry.contentType }).end(body),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"),
    );
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : port,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
