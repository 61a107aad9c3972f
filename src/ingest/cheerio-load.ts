// cheerio's `load` without the rest of its entry point. `import { load } from "cheerio"` also loads undici (for
// cheerio's fromURL), encoding-sniffer, whatwg-mimetype and parse5's stream parser, none of which chipwatch uses:
// ~12 MB of resident memory in every isolate that parses HTML (the monitor's main thread and each parse worker).
// The entry point re-exports this very function from dist/esm/load-parse.js (same parsers: parse5 for documents,
// htmlparser2 for XML mode), which the package's exports map does not list, so it is imported by its path. cheerio
// is pinned in package.json; if a new version moves the file, this import fails at start and in every test.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type Cheerio = typeof import("cheerio");
export type { CheerioAPI } from "cheerio";

const packageDir = dirname(createRequire(import.meta.url).resolve("cheerio/package.json"));
const loadParse = (await import(pathToFileURL(join(packageDir, "dist", "esm", "load-parse.js")).href)) as Pick<Cheerio, "load">;

export const load: Cheerio["load"] = loadParse.load;
