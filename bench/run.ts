// Benchmarks: npm run bench -- [extract|pipeline|scheduler|latency|listing|soak ...] [--json] [--feeds N --items M ...]
// Default: all but soak. With --json, stdout carries one JSON object (one key per benchmark) and the Markdown summary
// goes to stderr; without it, the summary goes to stdout. Every figure is printed with the command that reproduces it.
import { existsSync } from "node:fs";
import { resolve } from "node:path";

const NAMES = ["extract", "pipeline", "scheduler", "latency", "listing", "soak", "footprint", "hostile"] as const;
type Name = (typeof NAMES)[number];

interface Outcome {
  result: object;
  markdown: string;
}

function parseArgs(argv: string[]): { names: Name[]; json: boolean; opts: Map<string, number> } {
  const names: Name[] = [];
  const opts = new Map<string, number>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--json") json = true;
    else if (arg.startsWith("--")) {
      const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
      const value = Number(inline ?? argv[++i]);
      if (!Number.isFinite(value)) throw new Error(`--${key} needs a number`);
      opts.set(key, value);
    } else if ((NAMES as readonly string[]).includes(arg)) names.push(arg as Name);
    else throw new Error(`unknown benchmark "${arg}"; choose from ${NAMES.join(", ")}`);
  }
  return { names: names.length > 0 ? names : NAMES.filter((n) => n !== "soak" && n !== "footprint" && n !== "hostile"), json, opts };
}

/** Runs fn with console.log sent to stderr, so that --json keeps stdout for the JSON object. */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = (...args: unknown[]) => console.error(...args);
  try {
    return await fn();
  } finally {
    console.log = log;
  }
}

async function runOne(name: Name, opts: Map<string, number>): Promise<Outcome> {
  const get = (key: string, fallback: number) => opts.get(key) ?? fallback;
  switch (name) {
    case "extract": {
      if (!existsSync(resolve(import.meta.dirname, "extract.ts"))) return { result: {}, markdown: "extract: bench/extract.ts is not there yet" };
      const { benchExtract } = await import("./extract.ts");
      const result = await quietly(() => benchExtract({ json: false }));
      return { result, markdown: `### extract\n\n${Object.entries(result).map(([k, v]) => `- ${k}: ${v}`).join("\n")}` };
    }
    case "pipeline": {
      const { benchPipeline } = await import("./pipeline.ts");
      return benchPipeline({ feeds: get("feeds", 100), items: get("items", 50), concurrency: get("concurrency", 16), runs: get("runs", 3) });
    }
    case "scheduler": {
      const { benchScheduler } = await import("./scheduler.ts");
      return benchScheduler({ feeds: get("feeds", 10_000), intervalSeconds: get("interval", 120), changedPct: get("changed", 5) });
    }
    case "latency": {
      const { benchLatency } = await import("./latency.ts");
      return benchLatency({ feeds: get("feeds", 100), publishSeconds: get("duration", 150), everyMs: get("every", 2_000) });
    }
    case "listing": {
      const { benchListing } = await import("./listing.ts");
      return benchListing({ items: get("items", 500), n: get("n", 2_500) });
    }
    case "hostile": {
      const { benchHostile } = await import("./hostile.ts");
      return benchHostile({ scale: get("n-scale", 1) });
    }
    case "soak": {
      const { benchSoak } = await import("./soak.ts");
      return benchSoak({ minutes: get("minutes", 10), feeds: get("feeds", 200), itemsPerSecond: get("rate", 20) });
    }
    case "footprint": {
      const { benchFootprint } = await import("./footprint.ts");
      return benchFootprint({ settleSeconds: get("settle", 20), maxSeconds: get("max", 180) });
    }
  }
}

const { names, json, opts } = parseArgs(process.argv.slice(2));
const results: Record<string, object> = {};
const summary: string[] = [];
for (const name of names) {
  const started = Date.now();
  const { result, markdown } = await runOne(name, opts);
  results[name] = result;
  const flags = [...opts].map(([k, v]) => `--${k} ${v}`).join(" ");
  summary.push(`${markdown}\n\nReproduce: \`npm run bench -- ${name}${flags ? ` ${flags}` : ""} --json\` (took ${Math.round((Date.now() - started) / 1000)} s)\n`);
  (json ? process.stderr : process.stdout).write(`${summary.at(-1)}\n`);
}
if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
