// The command line as a user runs it: a real process on the TypeScript sources, with a minimal environment.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { REPO_ROOT } from "./services.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A CLI process that has not exited after this long hangs: it is killed and the run fails with what it printed. Far
 * above what load can explain (an embedded-database command took 52 s at load ~22 on 2 cores), so a test that runs
 * the CLI sets no time limit of its own (see NO_TIME_LIMIT): its duration says nothing about the code.
 */
const HANG_MS = 15 * 60_000;

/** Per-test timeout for tests that run CLI processes: none (vitest's 0); runCli's hang guard ends a stuck one. */
export const NO_TIME_LIMIT = 0;

export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ["--import", "tsx", resolve(REPO_ROOT, "src/cli.ts"), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...opts.env },
    });
    let stdout = "";
    let stderr = "";
    const hang = setTimeout(() => {
      stderr += `\n[runCli] chipwatch ${args.join(" ")} still running after ${HANG_MS} ms: killed`;
      child.kill("SIGKILL");
    }, HANG_MS);
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => {
      clearTimeout(hang);
      ok({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}
