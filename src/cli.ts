#!/usr/bin/env node
// The command line. Data goes to stdout, logs and errors to stderr; a bad command or config exits with one line.
import { ConfigError, loadConfig, parseFlags, type Config } from "./config.ts";
import { UsageError } from "./cli/args.ts";
import { commands, usage } from "./cli/commands.ts";
import { createLogger } from "./observability/logger.ts";
import { withoutQueryText } from "./observability/query-error.ts";
import { DataDirLockedError } from "./store/data-dir-lock.ts";

async function main(argv: string[]): Promise<number> {
  const { overrides, rest } = parseFlags(argv);
  const [name = "help", ...args] = rest;
  if (name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) throw new UsageError(`unknown command "${name}"`);
  const command = await load();
  const config: Config = loadConfig(process.env, overrides);
  const logger = createLogger(config);
  return command(args, { config, logger });
}

main(process.argv.slice(2)).then(
  (code) => {
    // Long-running commands (start, worker, scheduler, web) return -1 and keep the process alive.
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`chipwatch: ${err.message}\n${usage()}`);
      process.exitCode = 2;
    } else if (err instanceof ConfigError) {
      process.stderr.write(`chipwatch: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof DataDirLockedError) {
      process.stderr.write(`chipwatch: ${err.message}\n`);
      process.exitCode = 1;
    } else {
      const shown = withoutQueryText(err);
      process.stderr.write(`chipwatch: ${shown instanceof Error ? shown.message : String(shown)}\n`);
      process.exitCode = 1;
    }
  },
);
