// Types for the part of fs-native-extensions (no bundled types) that data-dir-lock.ts uses.
declare module "fs-native-extensions" {
  /** Non-blocking exclusive lock on an open file (Linux: an OFD lock; macOS/BSD: flock). False if held elsewhere. */
  export function tryLock(fd: number, offset?: number, length?: number, opts?: { shared?: boolean }): boolean;
  export function unlock(fd: number, offset?: number, length?: number): void;
}
