// Compiles the TypeScript sources to dist/ when they changed since the last build, so `npm start` runs plain
// JavaScript in one node process (no tsx launcher, no esbuild service, no compile at every start). Types are
// checked by `npm test`, not here: this only emits. `--if-possible` (npm install's postinstall): do nothing when
// TypeScript is not installed (a production install with --omit=dev gets dist/ from the image's build stage).
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { spawnSync } from "node:child_process";

const root = join(dirname(new URL(import.meta.url).pathname), "..");
const stamp = join(root, "dist", ".build-stamp");
const ifPossible = process.argv.includes("--if-possible");
const INPUTS = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const entry of readdirSync(path)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = INPUTS.some((p) => existsSync(join(root, p)) && newest(join(root, p)) > built);
if (!changed) process.exit(0);

let tsc;
try {
  tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
} catch {
  if (ifPossible) process.exit(0);
  if (existsSync(join(root, "dist", "src", "cli.js"))) {
    console.error("chipwatch: TypeScript is not installed; running the existing build in dist/");
    process.exit(0);
  }
  console.error("chipwatch: dist/ is missing and TypeScript is not installed: run `npm install` (with dev dependencies)");
  process.exit(1);
}

// A clean build: a source file that was deleted must not live on in dist/.
for (const dir of ["src", "workers"]) rmSync(join(root, "dist", dir), { recursive: true, force: true });
const run = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--noCheck"], { stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
mkdirSync(join(root, "dist"), { recursive: true });
writeFileSync(stamp, new Date().toISOString() + "\n");
