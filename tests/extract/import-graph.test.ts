// The extractor's modules import each other without cycles, type imports included: a cycle (match.ts <->
// versions.ts over resolveName was one) makes load order matter and hides which module owns what.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../src/extract");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []);
}

/** Relative imports and re-exports of one file, as absolute paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+"(\.[^"]+)"/gms)) out.push(resolve(dirname(file), m[1]!));
  return out;
}

/** Every cycle found by a depth-first walk, each as the list of files on it. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string) => {
    state.set(n, "open");
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === "open") cycles.push(stack.slice(stack.indexOf(m)));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, "done");
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return cycles;
}

describe("src/extract import graph", () => {
  it("finds a cycle when there is one (the check itself can fail)", () => {
    expect(findCycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]]]))).toEqual([["a", "b", "c"]]);
  });

  it("has no import cycles", () => {
    const graph = new Map(sources(root).map((f) => [f, importsOf(f)]));
    expect(graph.size).toBeGreaterThan(10);
    const named = findCycles(graph).map((c) => c.map((f) => f.slice(root.length + 1)).join(" -> "));
    expect(named).toEqual([]);
  });
});
