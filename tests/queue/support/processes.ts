// Spawns queue-mode roles as real child processes and keeps their output for failure messages.
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { REPO_ROOT } from "../../support/services.ts";

const ROLE_ENTRY = resolve(REPO_ROOT, "tests/queue/support/role.ts");

export interface RoleProcess {
  child: ChildProcess;
  role: string;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** Resolves when the role has started (connected to the database and Redis). */
  ready: Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

export function spawnRole(role: "scheduler" | "worker", env: Record<string, string>): RoleProcess {
  const child = spawn(process.execPath, ["--import", "tsx", ROLE_ENTRY, role], {
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
    void exited.then((code) => fail(new Error(`${role} exited (${code}) before it was ready:\n${output}`)));
  });
  ready.catch(() => {});
  return { child, role, output: () => output, exited, ready, kill: (signal) => child.kill(signal) };
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
