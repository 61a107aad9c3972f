// The folder that holds package.json: data folders (drizzle/, demo/, feeds/) are found from it, so paths work the
// same when running the sources with tsx and the build in dist/.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "drizzle"))) return dir;
    if (dirname(dir) === dir) throw new Error(`chipwatch: cannot find the package root above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);
