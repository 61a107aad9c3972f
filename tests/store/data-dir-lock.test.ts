import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/store/data-dir-lock.ts";
import { REPO_ROOT } from "../support/services.ts";

/** Another process holding the lock on `dir` until it is killed; resolves once it holds it. */
function holdInChild(dir: string): Promise<{ pid: number; kill(): Promise<void> }> {
  const script = `const { lockDataDir } = await import(${JSON.stringify(resolve(REPO_ROOT, "src/store/data-dir-lock.ts"))});
lockDataDir(${JSON.stringify(dir)}); process.stdout.write("locked\\n"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((ok) => child.on("exit", () => ok()));
  return new Promise((ok, fail) => {
    child.stdout.on("data", (d: Buffer) => {
      if (d.toString().includes("locked")) ok({ pid: child.pid!, kill: () => (child.kill("SIGKILL"), exited) });
    });
    child.on("exit", (code) => fail(new Error(`lock holder exited early (${code})`)));
  });
}

describe("data directory lock", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = mkdtempSync(join(tmpdir(), "chipwatch-lock-"));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("refuses a second holder in this process, and frees on release", () => {
    const dir = fresh();
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "chipwatch.lock"), "utf8").trim()).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(`in use by another chipwatch process (pid ${process.pid})`);
    release();
    release();
    lockDataDir(dir)();
  });

  it("refuses while another live process holds it, and is taken once that process is killed -9", async () => {
    const dir = fresh();
    const holder = await holdInChild(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(`(pid ${holder.pid})`);
    } finally {
      await holder.kill();
    }
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "chipwatch.lock"), "utf8").trim()).toBe(String(process.pid));
    release();
  }, 60_000);

  it("takes over a lock file that names this very pid from an earlier life (a container's pid 1 after a restart)", () => {
    const dir = fresh();
    // What a kill -9'd earlier process with our pid leaves behind, in this format or the old pid-only one.
    writeFileSync(join(dir, "chipwatch.lock"), `${process.pid}\n`);
    const release = lockDataDir(dir);
    release();
    writeFileSync(join(dir, "chipwatch.lock"), "not a pid");
    lockDataDir(dir)();
  });
});
