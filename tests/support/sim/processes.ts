// Runs TypeScript entry scripts as real child processes (node --import tsx), keeps their output for error messages,
// and reads their memory from /proc.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { REPO_ROOT } from "../services.ts";

export interface NodeProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resolves when the process sends "ready" over IPC. */
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): void;
  alive(): boolean;
}

// Extra node flags for every process, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" to profile a benchmark.
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

export function spawnNode(entry: string, args: string[], env: Record<string, string>): NodeProcess {
  const child = spawn(process.execPath, [...NODE_ARGS, "--import", "tsx", resolve(REPO_ROOT, entry), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | string>((done) => child.on("exit", (code, signal) => done(code ?? signal ?? -1)));
  const ready = new Promise<void>((done, fail) => {
    child.on("message", (m) => m === "ready" && done());
    void exited.then((code) => fail(new Error(`${entry} ${args.join(" ")} exited (${code}) before it was ready:\n${output}`)));
  });
  ready.catch(() => {});
  return {
    child,
    output: () => output,
    exited,
    ready,
    kill: (signal) => child.kill(signal),
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

/** Polls `check` until it returns true or the deadline passes. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Resident and peak resident memory of a live process, in MB (Linux /proc). */
export function memoryMb(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}
