// The /metrics exposition read by Prometheus' own Python parser (Debian's python3-prometheus-client, installed by
// .ci/run): it must parse, use the conventional process_/nodejs_ names for the defaults, and prefix ours.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.ts";

// Debian's interpreter: the one with Debian's python3-* packages (a python3 earlier on PATH may be another).
const PYTHON = "/usr/bin/python3";
const PARSE = `
import json, sys
from prometheus_client.parser import text_string_to_metric_families
print(json.dumps([{"name": f.name, "type": f.type, "samples": [s.name for s in f.samples]} for f in text_string_to_metric_families(sys.stdin.read())]))
`;

interface Family {
  name: string;
  type: string;
  samples: string[];
}

function parseExposition(text: string): Family[] {
  const run = spawnSync(PYTHON, ["-c", PARSE], { input: text, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the Prometheus parser refused the exposition: ${run.stderr}`);
  return JSON.parse(run.stdout) as Family[];
}

const hasParser = existsSync(PYTHON) && spawnSync(PYTHON, ["-c", "import prometheus_client"]).status === 0;
if (!hasParser && process.env.CI === "true") throw new Error("python3-prometheus-client is missing, and CI=true makes that a failure");

describe.skipIf(!hasParser)("metrics exposition", () => {
  it("parses with Prometheus' parser, with conventional default names and chipwatch_ for ours", async () => {
    const metrics = createMetrics();
    metrics.fetches.inc({ outcome: "ok", status_class: "2xx" });
    const families = parseExposition(await metrics.registry.metrics());
    const names = families.map((f) => f.name);
    expect(names).toContain("process_cpu_seconds");
    expect(names).toContain("process_resident_memory_bytes");
    expect(names).toContain("nodejs_heap_size_used_bytes");
    expect(names).toContain("chipwatch_fetches");
    expect(names.filter((n) => /process_process|nodejs_nodejs/.test(n))).toEqual([]);
    const ours = names.filter((n) => !n.startsWith("process_") && !n.startsWith("nodejs_"));
    expect(ours.length).toBeGreaterThan(5);
    for (const n of ours) expect(n).toMatch(/^chipwatch_[a-z_]+$/);
  });
});
