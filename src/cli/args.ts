// A small argument reader for subcommands: `--name value`, `--name=value`, boolean `--flag`, and positionals.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface Args {
  positionals: string[];
  options: Map<string, string | true>;
}

/** `valued` lists the options that take a value; every other `--x` is a boolean flag. Unknown options are refused. */
export function readArgs(argv: readonly string[], spec: { valued?: string[]; flags?: string[] }): Args {
  const valued = new Set(spec.valued ?? []);
  const flags = new Set(spec.flags ?? []);
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--") || arg === "--") {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (valued.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else if (flags.has(name) && eq < 0) {
      options.set(name, true);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positionals, options };
}

export function optionString(args: Args, name: string): string | undefined {
  const v = args.options.get(name);
  return typeof v === "string" ? v : undefined;
}
