// Creates a PGlite cluster (initdb) in a short-lived child process. initdb runs in a WebAssembly instance of its own
// and leaves ~400 MB behind it: V8's compiler zones and PGlite's buffers are freed into glibc's malloc arenas, which
// keep the freed pages resident (only the top of an arena is ever returned). Done in the monitor's own process, that
// memory stayed with the monitor for its whole life (~50 MB of free arena pages on a fresh data directory, and a
// first-start peak near 750 MB); in a child it goes back to the system when the child exits.
import { spawn } from "node:child_process";

/** How long initdb may take (seconds of CPU on a loaded machine). */
const CREATE_TIMEOUT_MS = 120_000;

export async function createPgliteCluster(path: string): Promise<void> {
  // The child imports PGlite by the URL this module resolves, so it loads the same copy from sources (tsx) or dist/.
  const pglite = import.meta.resolve("@electric-sql/pglite");
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); await (await PGlite.create(${JSON.stringify(path)})).close();`;
  // execArgv is not passed on: the child needs neither tsx's loader nor the parent's heap flags.
  const child = spawn(process.execPath, ["--input-type=module", "--eval", script], { stdio: ["ignore", "ignore", "pipe"], timeout: CREATE_TIMEOUT_MS });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // "close", not "exit": stderr has been read to its end by then.
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.once("error", fail);
    child.once("close", (code, sig) => done([code, sig]));
  });
  if (exitCode !== 0) throw new Error(`creating the PGlite cluster in ${path} failed (${signal ?? `exit ${exitCode}`}): ${stderr.trim()}`);
}
