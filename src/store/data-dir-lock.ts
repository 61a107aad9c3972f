// PGlite has no file locking: two processes on one data directory silently lose writes. This lock refuses that.
//
// The lock is a kernel lock on chipwatch.lock (an open-file-description lock on Linux, flock on macOS), not the
// file's existence: the kernel drops it when the holder exits however it exits (kill -9, OOM kill), so a
// restarted container whose node is pid 1 again is never refused by its own previous life, and two containers
// sharing the directory (each with its own pid 1) still exclude each other. The pid written into the file only
// names the holder in the error message. The file itself is never deleted: a process that opened it just before
// a delete would lock the orphaned inode while a newcomer locks a new file, and both would run.
import { closeSync, constants, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { tryLock, unlock } from "fs-native-extensions";

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number | null) {
    super(
      `data directory ${dir} is in use by another chipwatch process${pid === null ? "" : ` (pid ${pid})`}; ` +
        `stop it first, or use queue mode (DATABASE_URL) to run several processes`,
    );
    this.name = "DataDirLockedError";
  }
}

function holderPid(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock or throws DataDirLockedError (also for a second open within this process). A lock file left
 * by a process that died is simply taken: nobody holds its lock any more. Returns a release function.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "chipwatch.lock");
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
  let locked = false;
  try {
    locked = tryLock(fd);
  } finally {
    if (!locked) closeSync(fd);
  }
  if (!locked) throw new DataDirLockedError(dir, holderPid(path));
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    unlock(fd);
    closeSync(fd);
  };
}
