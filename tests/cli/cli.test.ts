// The command line as a user runs it: real processes, real files, exit codes and output.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NO_TIME_LIMIT, runCli as cli } from "../support/cli.ts";
import { REPO_ROOT } from "../support/services.ts";

const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-cli-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("chipwatch CLI", () => {
  it("exits 2 with one line naming the bad config key", async () => {
    const run = await cli(["migrate"], { env: { PORT: "not-a-port" } });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/config: PORT:/);
  });

  it("refuses an unknown command with usage", async () => {
    const run = await cli(["frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command "frobnicate"/);
    expect(run.stderr).toMatch(/usage: chipwatch/);
  });

  it("extract --jsonl writes one line per input line, offsets into title + blank line + text", async () => {
    const lines = [
      { id: "a", title: "GLM-5 trained on Huawei Ascend", text: "Zhipu AI pre-trained GLM-5 on Huawei Ascend 910C chips." },
      { id: "b", title: "华为昇腾910B", text: "智谱在华为昇腾上完成预训练。" },
    ];
    const run = await cli(["extract", "--jsonl"], { input: lines.map((l) => JSON.stringify(l)).join("\n") + "\nnot json\n" });
    expect(run.code).toBe(0);
    const out = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(3);
    const first = out[0] as { id: string; entities: { name: string; start: number; end: number; surface: string }[] };
    expect(first.id).toBe("a");
    const full = `${lines[0]!.title}\n\n${lines[0]!.text}`;
    for (const e of first.entities) expect(full.slice(e.start, e.end)).toBe(e.surface);
    expect(first.entities.map((e) => e.name)).toContain("Huawei Ascend 910C");
    const second = out[1] as { entities: { name: string }[] };
    expect(second.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Huawei", "Huawei Ascend 910B"]));
    expect(out[2]).toMatchObject({ error: expect.any(String) });
  });

  it("parse-feed reports good and bad files without crashing", async () => {
    const bad = join(dataDir, "bad.xml");
    writeFileSync(bad, "<rss><channel><item><title>unterminated");
    const good = resolve(REPO_ROOT, "demo/feeds/chipwire-asia.rss.xml");
    const run = await cli(["parse-feed", "--jsonl", good, bad, join(dataDir, "missing.xml")]);
    expect(run.code).toBe(0);
    const [g, b, m] = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { ok: boolean; items: unknown[]; error?: string; format: string | null; file: string });
    expect(g).toMatchObject({ ok: true, format: "rss", file: good });
    expect(g!.items.length).toBeGreaterThan(5);
    expect(b!.file).toBe(bad);
    expect(m).toMatchObject({ ok: false });
    expect(m!.error).toMatch(/ENOENT|no such file/i);
  });

  it("adds, lists, exports and imports feeds in the embedded database", async () => {
    const env = { DATA_DIR: dataDir };
    const added = await cli(["feeds", "add", "https://example.com/feed.xml", "--title", "Example", "--lang", "en"], { env });
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ added: true });
    const again = await cli(["feeds", "add", "https://example.com/feed.xml"], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ added: false });
    const bad = await cli(["feeds", "add", "ftp://example.com/x"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^chipwatch: feeds add: url: must be an http\(s\) URL$/m);
    const exported = await cli(["feeds", "export"], { env });
    expect(exported.stdout).toMatch(/<opml/);
    expect(exported.stdout).toMatch(/https:\/\/example\.com\/feed\.xml/);
    const imported = await cli(["feeds", "import", resolve(REPO_ROOT, "feeds/default.opml")], { env });
    expect(JSON.parse(imported.stdout).added).toBeGreaterThanOrEqual(40);
    const list = await cli(["feeds", "list", "--json"], { env });
    expect(list.stdout.trim().split("\n").length).toBeGreaterThanOrEqual(41);
    // Seven processes on a new embedded database: 240 s was not enough at load ~22 (the first alone took 52 s).
  }, NO_TIME_LIMIT);
});
