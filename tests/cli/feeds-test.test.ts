// `chipwatch feeds test` and `feeds add --kind` as a user runs them: a real process against local fixture pages.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_TIME_LIMIT, runCli } from "../support/cli.ts";
import { NEWSROOM_SELECTORS, startSourceServer, type SourceServer } from "../support/source-server.ts";

// Each run is a fresh process on the TypeScript sources: no time limit of its own, runCli ends a hung one.
describe("feeds test / feeds add --kind", { timeout: NO_TIME_LIMIT }, () => {
  let server: SourceServer;
  const dataDir = mkdtempSync(join(tmpdir(), "chipwatch-feeds-test-"));
  beforeAll(async () => {
    server = await startSourceServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const env = () => ({ ALLOW_PRIVATE_NETWORKS: "true", DATA_DIR: dataDir, GITHUB_BASE_URL: server.url, HUGGINGFACE_BASE_URL: server.url });
  const selectorArgs = ["--item", NEWSROOM_SELECTORS.item, "--title", NEWSROOM_SELECTORS.title, "--link", NEWSROOM_SELECTORS.link, "--date", NEWSROOM_SELECTORS.date];

  it("prints one JSON line {title, link, published} per item the html source would create", async () => {
    const run = await runCli(["feeds", "test", `${server.url}/newsroom/`, "--kind", "html", ...selectorArgs, "--timezone", "Asia/Shanghai"], { env: env() });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(Object.keys(line)).toEqual(["title", "link", "published"]);
    expect(lines[0]).toMatchObject({ title: "Zhipu says GLM-5 was pre-trained entirely on Huawei Ascend chips", link: `${server.url}/news/2026/glm5-ascend.html` });
    expect(lines[2]).toEqual({ title: "公司荣获年度创新奖", link: "https://www.example.cn/news/2026/1101-award.html", published: "2026-10-31T16:00:00.000Z" });
  });

  it("says 'selectors matched nothing' and exits 1 when the selectors find no item", async () => {
    const run = await runCli(["feeds", "test", `${server.url}/newsroom/`, "--kind", "html", "--item", "div.card", "--title", "a", "--link", "a"], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("feeds test: selectors matched nothing\n");
  });

  it("refuses a hostile selector with a clear error before fetching", async () => {
    const before = server.requests("/newsroom/");
    const run = await runCli(["feeds", "test", `${server.url}/newsroom/`, "--kind", "html", "--item", "li:has(a)", "--title", "a", "--link", "a"], { env: env() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/feeds test: selectors\.item: uses :has, which is not allowed/);
    expect(server.requests("/newsroom/")).toBe(before);
  });

  it("adds sources of each kind and lists them with their kind", async () => {
    const added = [
      await runCli(["feeds", "add", `${server.url}/newsroom/`, "--kind", "html", "--item", "li.news-item", "--title-selector", "a.news-title", "--link", "a.news-title"], { env: env() }),
      await runCli(["feeds", "add", "example-org/vllm-ascend", "--kind", "github-releases"], { env: env() }),
    ];
    expect(added.map((r) => r.code)).toEqual([0, 0]);
    expect(added.map((r) => (JSON.parse(r.stdout) as { kind: string }).kind)).toEqual(["html", "github-releases"]);
    expect(JSON.parse(added[1]!.stdout)).toMatchObject({ added: true, url: `${server.url}/example-org/vllm-ascend/releases.atom` });
    const list = await runCli(["feeds", "list", "--json"], { env: env() });
    const feeds = list.stdout.trim().split("\n").map((l) => JSON.parse(l) as { kind: string; selectors: unknown });
    expect(feeds.map((f) => f.kind)).toEqual(["html", "github-releases"]);
    expect(feeds[0]!.selectors).toEqual({ item: "li.news-item", title: "a.news-title", link: "a.news-title" });
    const bad = await runCli(["feeds", "add", `${server.url}/x`, "--kind", "html"], { env: env() });
    expect(bad.stderr).toMatch(/feeds add: selectors: an html feed needs selectors \{item, title, link\}/);
  });
});
