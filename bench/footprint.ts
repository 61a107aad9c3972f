// Footprint of the embedded monitor as a newcomer runs it: `npm start -- --demo` in a fresh data directory, left
// until the demo queue stops growing, then the resident memory of every process in the tree (read from /proc) and
// the monitor's own view of it from /metrics (heap, and external memory: PGlite's WebAssembly heap lives there).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const REPO = resolve(import.meta.dirname, "..");
const TOKEN = "footprint-bench-token-0123456789";

export interface FootprintOptions {
  /** Seconds the flagged count must stay unchanged before memory is read. */
  settleSeconds: number;
  /** Give up waiting for the queue after this many seconds (memory is read anyway). */
  maxSeconds: number;
}

interface ProcessMemory {
  pid: number;
  command: string;
  rssMb: number;
}

const freePort = () =>
  new Promise<number>((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });

const childrenOf = (pid: number): number[] => {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the parent pid follows the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
};

function treeMemory(root: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  for (const pid of [root, ...descendants(root)]) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 100);
      out.push({ pid, command, rssMb: Math.round(rssKb / 102.4) / 10 });
    } catch {
      // Gone.
    }
  }
  return out;
}

function descendants(pid: number): number[] {
  const direct = childrenOf(pid);
  return direct.flatMap((c) => [c, ...descendants(c)]);
}

async function flaggedCount(port: number): Promise<number | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/events?status=flagged&limit=1`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (!res.ok) return undefined;
    return ((await res.json()) as { total: number }).total;
  } catch {
    return undefined;
  }
}

async function metric(port: number, name: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const line = text.split("\n").find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : undefined;
  } catch {
    return undefined;
  }
}

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** SIGTERM to every process of the group (npm, sh, the monitor), SIGKILL after 15 s. */
async function stopGroup(pgid: number): Promise<void> {
  if (!groupAlive(pgid)) return;
  process.kill(-pgid, "SIGTERM");
  for (let waited = 0; waited < 15_000 && groupAlive(pgid); waited += 200) await sleep(200);
  if (groupAlive(pgid)) process.kill(-pgid, "SIGKILL");
}

const mb = (bytes: number | undefined) => (bytes === undefined ? null : Math.round(bytes / 104857.6) / 10);

export async function benchFootprint(opts: FootprintOptions): Promise<{ result: object; markdown: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-footprint-"));
  const [port, demoPort] = [await freePort(), await freePort()];
  const child = spawn("npm", ["start", "--", "--demo"], {
    cwd: REPO,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DEMO_PORT: String(demoPort), API_TOKEN: TOKEN, LOG_LEVEL: "warn", HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
    // Its own process group, so that the whole tree is stopped at the end: npm does not pass SIGTERM on to the
    // monitor, which lived on (holding this process's stderr pipe, so the bench never exited).
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-5000)));
  const started = Date.now();
  try {
    let last = -1;
    let stableSince = Date.now();
    let flagged = 0;
    while (Date.now() - started < opts.maxSeconds * 1000) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${stderr}`);
      const n = await flaggedCount(port);
      if (n !== undefined && n !== last) {
        last = n;
        stableSince = Date.now();
      }
      flagged = Math.max(flagged, n ?? 0);
      if (flagged > 0 && Date.now() - stableSince >= opts.settleSeconds * 1000) break;
      await sleep(1000);
    }
    const filledAfterS = Math.round((Date.now() - started) / 1000);
    const processes = treeMemory(child.pid!);
    const monitor = processes.reduce((a, b) => (b.rssMb > a.rssMb ? b : a));
    const result = {
      filled_after_s: filledAfterS,
      flagged_events: flagged,
      tree_rss_mb: Math.round(processes.reduce((s, p) => s + p.rssMb, 0)),
      monitor_rss_mb: monitor.rssMb,
      monitor_heap_used_mb: mb(await metric(port, "nodejs_heap_size_used_bytes")),
      // WebAssembly memory (PGlite's Postgres heap and shared buffers) is counted as external memory by V8.
      monitor_external_mb: mb(await metric(port, "nodejs_external_memory_bytes")),
      processes,
    };
    const markdown = [
      "### footprint (`npm start -- --demo`, fresh data directory)",
      "",
      `- ${flagged} flagged events after ${filledAfterS} s; process tree ${result.tree_rss_mb} MB RSS, monitor ${result.monitor_rss_mb} MB`,
      `- monitor heap used ${result.monitor_heap_used_mb} MB, external (PGlite's WebAssembly memory) ${result.monitor_external_mb} MB`,
      ...processes.map((p) => `- ${p.rssMb} MB  ${p.command}`),
    ].join("\n");
    return { result, markdown };
  } finally {
    await stopGroup(child.pid!);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
