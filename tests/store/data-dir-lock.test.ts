import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "../../src/store/data-dir-lock.ts";

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

  it("refuses a second holder while the first is alive, and frees on release", () => {
    const dir = fresh();
    // The parent process is certainly alive while this test runs.
    writeFileSync(join(dir, "chipwatch.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another chipwatch process/);
    rmSync(join(dir, "chipwatch.lock"));
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  it("takes over a lock left by a dead process", () => {
    const dir = fresh();
    const dead = spawnSync("true").pid!;
    writeFileSync(join(dir, "chipwatch.lock"), String(dead));
    const release = lockDataDir(dir);
    expect(typeof release).toBe("function");
    release();
  });
});
