// feeds/sources-examples.opml (example sources of each kind, not loaded by default): every entry is a valid source
// as the importer checks it, with its kind and selectors kept, and none repeats an entry of the default list.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFeedInput } from "../../src/feeds/feed-input.ts";
import { parseOpml, type OpmlFeed } from "../../src/ingest/opml.ts";
import { REPO_ROOT } from "../support/services.ts";

describe("feeds/sources-examples.opml", () => {
  const entries = parseOpml(readFileSync(resolve(REPO_ROOT, "feeds/sources-examples.opml"), "utf8"));

  it("lists sources of the non-rss kinds, each one valid as the importer checks it", () => {
    expect(new Set(entries.map((e) => e.kind))).toEqual(new Set(["huggingface", "github-releases", "html"]));
    for (const entry of entries) expect(checkFeedInput(entry), entry.url).toMatchObject({ ok: true });
  });

  it("expands the short forms to the services' URL shapes", () => {
    const urls = entries.map((e) => checkFeedInput(e)).flatMap((c) => (c.ok ? [c.feed.url] : []));
    expect(urls).toContain("https://huggingface.co/api/models?author=BAAI&sort=createdAt&direction=-1&limit=50");
    expect(urls).toContain("https://github.com/FlagOpen/FlagGems/releases.atom");
  });

  it("repeats nothing from the default list, which takes no html source (their selectors are unconfirmed)", () => {
    const stored = (list: OpmlFeed[]) => list.map((e) => checkFeedInput(e)).flatMap((c) => (c.ok ? [c.feed.url] : []));
    const defaults = parseOpml(readFileSync(resolve(REPO_ROOT, "feeds/default.opml"), "utf8"));
    const inDefault = new Set(stored(defaults));
    expect(stored(entries).filter((url) => inDefault.has(url))).toEqual([]);
    expect(defaults.filter((e) => e.kind === "html")).toEqual([]);
  });
});
