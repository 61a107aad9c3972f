// Hostile inputs from issue 11, each timed at sizes n, 2n and 4n: the ratio 4n/n is about 4 when the work is linear
// (16 when quadratic). Then one hostile poll through the real job, with the longest event-loop stall it caused
// (perf_hooks monitorEventLoopDelay): parsing runs in a worker, so the loop must stay free.
// Run: npm run bench -- hostile [--n-scale 1] [--json]   (the poll needs the PostgreSQL of the test setup)
import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { pino } from "pino";
import { loadConfig } from "../src/config.ts";
import { extract } from "../src/extract/extract.ts";
import { extractMainText } from "../src/ingest/article-text.ts";
import { parseFeed } from "../src/ingest/parse.ts";
import { createJobDeps } from "../src/jobs/deps.ts";
import { runJob } from "../src/jobs/handlers.ts";
import { createMetrics } from "../src/observability/metrics.ts";
import { addFeeds, getFeed } from "../src/store/repositories/feeds.ts";
import { liveExtractor } from "../src/teach/live-extractor.ts";
import { createBenchDatabase } from "../tests/support/sim/cluster.ts";
import { HOSTILE_EXTRACT_INPUTS } from "./hostile-extract.ts";
import { cpuMs as ms, ratio4x } from "./lib/cpu-time.ts";

const item = (title: string, description: string) =>
  `<rss version="2.0"><channel><title>h</title><item><title>${title}</title><link>https://h.example/1</link><description>${description}</description></item></channel></rss>`;

/** name -> (size -> input) and what reads it; n is the base size. */
const INPUTS: { name: string; n: number; build: (k: number) => string; run: (s: string) => unknown }[] = [
  { name: "rss + <!x repeated", n: 200_000, build: (k) => "<rss>" + "<!x".repeat(k), run: (s) => parseFeed(s).catch(() => null) },
  { name: "unterminated <rss aaaa…", n: 4_000_000, build: (k) => `<rss ${"a".repeat(k)}`, run: (s) => parseFeed(s).catch(() => null) },
  { name: "title &lt;a repeated", n: 100_000, build: (k) => item("&lt;a".repeat(k), "x"), run: (s) => parseFeed(s) },
  { name: "unclosed <!-- in a description", n: 100_000, build: (k) => item("x", "&lt;!--".repeat(k)), run: (s) => parseFeed(s) },
  { name: "unclosed <script in a description", n: 100_000, build: (k) => item("x", `<![CDATA[${"<script>a".repeat(k)}]]>`), run: (s) => parseFeed(s) },
  { name: "nested divs in a CDATA description", n: 20_000, build: (k) => item("x", `<![CDATA[${"<div>".repeat(k)}x${"</div>".repeat(k)}]]>`), run: (s) => parseFeed(s) },
  { name: "page of nested divs (article text)", n: 1_000, build: (k) => `<html><body>${"<div>".repeat(k)}<p>Huawei said, on Monday, that Ascend chips shipped.</p>${"</div>".repeat(k)}</body></html>`, run: (s) => extractMainText(s, "https://e.com/") },
  ...Object.entries(HOSTILE_EXTRACT_INPUTS)
    .filter(([name]) => name !== "en_chip_anaphora")
    .map(([name, { unit, reps }]) => ({ name: `extract: ${name} (${JSON.stringify(unit.trim())})`, n: reps, build: (k: number) => unit.repeat(k), run: (s: string) => extract({ title: "", text: s }) })),
];

export interface HostileResult {
  inputs: { name: string; n: number; chars: number[]; ms: number[]; ratio4x: number }[];
  poll: { input: string; chars: number; outcome: string; error: string | null; pollMs: number; maxStallMs: number; stallsMs: number[] };
}

export async function benchHostile(opts: { scale: number }): Promise<{ result: HostileResult; markdown: string }> {
  const inputs: HostileResult["inputs"] = [];
  for (const input of INPUTS) {
    const n = Math.max(1, Math.round(input.n * opts.scale));
    await input.run(input.build(Math.max(1, Math.round(n / 8)))); // warm-up
    const sizes = [n, 2 * n, 4 * n];
    const texts = sizes.map((k) => input.build(k));
    const times: number[] = [];
    for (const text of texts) times.push(await ms(() => input.run(text)));
    inputs.push({ name: input.name, n, chars: texts.map((t) => t.length), ms: times.map((t) => Math.round(t)), ratio4x: ratio4x(times) });
    console.log(`${input.name}: ${times.map((t) => Math.round(t)).join(" / ")} ms, 4x ratio ${inputs.at(-1)!.ratio4x}`);
  }

  // Hostile polls in this process, as the embedded runner would run them: a 450 KB "<!x" feed (62 s of blocked
  // loop before), a 40,000-item feed that the worker parses while this loop keeps turning, and 500 items of 17 KB
  // comma-joined clauses (8.6 MB) whose fingerprints and extraction run on this loop, in time slices.
  const body = "<rss>" + "<!x".repeat(150_000);
  const rss = (n: number, text: (i: number) => string) =>
    `<rss version="2.0"><channel><title>big</title>${Array.from({ length: n }, (_, i) => `<item><title>Story ${i}</title><link>https://b.example/${i}</link><description>${text(i)}</description></item>`).join("")}</channel></rss>`;
  const bodies: Record<string, string> = {
    "/bang.xml": body,
    "/big.xml": rss(40_000, (i) => `Huawei Ascend ${i}.`),
    "/clauses.xml": rss(500, (i) => `Item ${i}: ${"Ascend 910B chips used to train the model, ".repeat(400)}`),
  };
  const server = createServer((req, res) => res.writeHead(200, { "content-type": "application/rss+xml" }).end(bodies[req.url ?? ""] ?? ""));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const db = await createBenchDatabase();
  let poll: HostileResult["poll"];
  try {
    const config = loadConfig({ ALLOW_PRIVATE_NETWORKS: "true", FETCH_HOST_INTERVAL_MS: "0", FETCH_MAX_BYTES: String(50e6) });
    const deps = createJobDeps({ db: db.database.db, config, logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
    const feeds = await addFeeds(db.database.db, Object.keys(bodies).map((p) => ({ url: `${base}${p}`, allowPrivate: true })));
    await runJob("pollFeed", { feedId: feeds[0]!.id }, deps, "warm-up"); // starts the parse worker
    await liveExtractor(db.database.db); // compiled once per process at the first extraction (seconds): not a feed's cost
    const t = performance.now();
    const results = [];
    const stalls: number[] = [];
    for (const [k, feed] of feeds.entries()) {
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      results.push(await runJob("pollFeed", { feedId: feed.id }, deps, `hostile-${k}`));
      delay.disable();
      stalls.push(Math.round(delay.max / 1e6));
    }
    const pollMs = performance.now() - t;
    const stored = await getFeed(db.database.db, feeds[0]!.id);
    poll = {
      input: `"<rss>" + "<!x".repeat(150000), a 40,000-item feed (FEED_MAX_ITEMS ${config.FEED_MAX_ITEMS}), 500 items of 17 KB clauses`,
      chars: Object.values(bodies).reduce((n, b) => n + b.length, 0),
      outcome: results.map((r) => r.outcome).join(", "),
      error: stored?.lastError ?? null,
      pollMs: Math.round(pollMs),
      maxStallMs: Math.max(...stalls),
      stallsMs: stalls,
    };
    await deps.offload.close();
  } finally {
    server.close();
    await db.destroy();
  }
  const rows = inputs.map((r) => `| ${r.name} | ${r.chars.join(" / ")} | ${r.ms.join(" / ")} | ${r.ratio4x} |`);
  const markdown = [
    "### hostile",
    "",
    "| input | chars at n / 2n / 4n | CPU ms | 4n / n |",
    "|---|---|---|---|",
    ...rows,
    "",
    `Hostile poll (${poll.input}): outcomes ${poll.outcome}; first feed's error: ${poll.error}; ${poll.pollMs} ms; longest event-loop stall ${poll.maxStallMs} ms (per feed: ${poll.stallsMs.join(" / ")} ms).`,
  ].join("\n");
  return { result: { inputs, poll }, markdown };
}
