// Headless Chromium for the e2e tests: one launch recipe (Debian's chromium, flags that keep it off the network and
// let it run as root), one guard (under CI=true a missing browser is a failure, never a skip), one screenshot folder.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { REPO_ROOT } from "./services.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = resolve(REPO_ROOT, "artifacts/screenshots");
export const haveChromium = existsSync(CHROMIUM);

if (!haveChromium && process.env.CI === "true") {
  throw new Error(`${CHROMIUM} is missing and CI=true: install it with apt-get install -y chromium`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
