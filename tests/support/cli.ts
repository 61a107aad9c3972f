// The command line as a user runs it: a real process on the TypeScript sources, with a minimal environment.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { REPO_ROOT } from "./services.ts";

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ["--import", "tsx", resolve(REPO_ROOT, "src/cli.ts"), ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...opts.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => ok({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? "");
  });
}
