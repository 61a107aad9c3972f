// The layering that docs/ARCHITECTURE.md describes is the layering the code has: each room's "May import:" line is
// read from the document and checked against the room's real imports, so the map a newcomer reads cannot drift
// from the code, and a new room (or a new dependency between rooms) has to be written down to pass.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");

/** Top-level modules every room with I/O may use: the one typed config and two small helpers. */
const SHARED_FILES = ["config.ts", "package-root.ts", "describe-issues.ts"];
/** Rooms any room with I/O may use (ARCHITECTURE.md says so once, in its preamble). */
const SHARED_ROOMS = ["observability"];

interface Room {
  name: string;
  pure: boolean;
  /** Rooms (and top-level files, by base name) it may import; `null`: any room. */
  mayImport: Set<string> | null;
}

/** Reads `**room/** — … May import: a/, b/ (types).` paragraphs; rooms under "The pure rooms" are pure. */
export function readRooms(doc: string): Room[] {
  const rooms: Room[] = [];
  let pure = false;
  for (const block of doc.split(/\n\s*\n/)) {
    const heading = /^##\s+(.*)$/m.exec(block);
    if (heading) pure = /pure/i.test(heading[1]!);
    const head = /^\*\*([a-z-]+)\/\*\*/.exec(block.trim());
    if (!head) continue;
    const line = /May\s+import:\s*([^.]*)\./.exec(block.replace(/\s+/g, " "));
    if (!line) throw new Error(`ARCHITECTURE.md: room ${head[1]}/ has no "May import:" sentence`);
    const list = line[1]!;
    const mayImport = /\bany room\b/.test(list)
      ? null
      : new Set([...list.matchAll(/\b([a-z-]+)\//g)].map((m) => m[1]!).concat(/\bconfig\b/.test(list) ? ["config"] : []));
    rooms.push({ name: head[1]!, pure, mayImport });
  }
  return rooms;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []);
}

/** The room a path in src/ belongs to: its first folder, or a top-level file's base name (cli.ts is cli's). */
function roomOf(file: string): string {
  const parts = relative(src, file).split("/");
  if (parts[0] === "..") return "outside";
  if (parts.length > 1) return parts[0]!;
  return parts[0] === "cli.ts" ? "cli" : parts[0]!.replace(/\.tsx?$/, "");
}

/** Every room-to-room edge (static imports, re-exports and dynamic imports), with one example file each. */
function importEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const specs = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms),
      ...text.matchAll(/\bimport\(\s*"(\.[^"]+)"/g),
    ].map((m) => m[1]!);
    const from = roomOf(file);
    for (const spec of specs) {
      const target = resolve(dirname(file), spec);
      // The extractor's data files (catalog, lexicons, weights) are JSON it loads; data/ is not a room.
      if (target.startsWith(join(root, "data") + "/")) continue;
      const to = roomOf(target);
      if (to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, relative(root, file));
    }
  }
  return edges;
}

/** Edges the document does not allow, as "from -> to (file)". */
export function violations(rooms: Room[], edges: Map<string, Map<string, string>>): string[] {
  const byName = new Map(rooms.map((r) => [r.name, r]));
  const out: string[] = [];
  for (const [from, targets] of edges) {
    const room = byName.get(from);
    for (const [to, file] of targets) {
      if (!room) {
        if (!SHARED_FILES.includes(`${from}.ts`)) out.push(`${from} is not described in ARCHITECTURE.md (${file})`);
        continue;
      }
      const shared = SHARED_FILES.includes(`${to}.ts`) || SHARED_ROOMS.includes(to);
      const allowed = room.mayImport === null || room.mayImport.has(to) || (!room.pure && shared);
      if (!allowed) out.push(`${from} -> ${to} (${file})`);
    }
  }
  return out.sort();
}

describe("the layering in docs/ARCHITECTURE.md", () => {
  const doc = readFileSync(join(root, "docs/ARCHITECTURE.md"), "utf8");
  const rooms = readRooms(doc);

  it("catches an import the document does not allow (the check itself can fail)", () => {
    const edges = new Map([["extract", new Map([["store", "src/extract/x.ts"], ["config", "src/extract/y.ts"]])]]);
    expect(violations(rooms, edges)).toEqual(["extract -> config (src/extract/y.ts)", "extract -> store (src/extract/x.ts)"]);
  });

  it("describes every room of src/", () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.filter((f) => !rooms.some((r) => r.name === f))).toEqual([]);
  });

  it("has no import between rooms that the document does not allow", () => {
    const edges = importEdges();
    expect(edges.size).toBeGreaterThan(10);
    expect(violations(rooms, edges)).toEqual([]);
  });
});
