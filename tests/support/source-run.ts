// The sources every run-mode test adds (tests/support/source-server.ts's fixtures, one or more per kind, plus the
// hostile ones) and what a full run must leave in the database for each: its poll status, the articles it stored,
// the flagged indicator its on-topic item must raise (a flagged story) and the article page read as full text. Both
// run modes (tests/app/embedded-sources.test.ts, tests/queue/queue-sources.test.ts) check the same table, so a kind
// that works in one mode and not the other shows up as a difference in one row.
import { expect } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { checkFeedInput } from "../../src/feeds/feed-input.ts";
import type { OpmlFeed } from "../../src/ingest/opml.ts";
import type { SourceBases } from "../../src/ingest/source-url.ts";
import type { Db } from "../../src/store/db.ts";
import { articles, eventSources, events, feeds } from "../../src/store/schema.ts";
import { NEWSROOM_SELECTORS, NOTICE_SELECTORS } from "./source-server.ts";

/** FEED_MAX_ITEMS for the run-mode tests: small, so the 10,000-item sources end quickly as capped polls. */
export const RUN_MAX_ITEMS = 50;

export interface SourceCase {
  /** As the API, the CLI and OPML take it (short forms for github-releases and huggingface). */
  input: OpmlFeed;
  lastStatus: "ok" | "error";
  lastError?: string;
  /** Articles the source must have stored. */
  itemsSeen: number;
  /** An indicator that must be flagged on one of its articles (its on-topic item), if any. */
  flags?: string;
  /** A page (path on the source server) whose text must have been fetched as an article's full text. */
  page?: { path: string; contains: string };
}

/** The sources modelled on real ones: a newsroom, a regulator's notices, releases, a model hub org, a news sitemap. */
export function realSources(): SourceCase[] {
  return [
    {
      input: { url: "/newsroom/", title: "Newsroom", kind: "html", selectors: NEWSROOM_SELECTORS, lang: "zh", timezone: "Asia/Shanghai" },
      lastStatus: "ok",
      itemsSeen: 3,
      flags: "pretraining_on_domestic",
      page: { path: "/news/2026/glm5-ascend.html", contains: "no Nvidia hardware in the training run" },
    },
    {
      input: { url: "/notices/", title: "Notices", kind: "html", selectors: NOTICE_SELECTORS, lang: "zh", timezone: "Asia/Shanghai" },
      lastStatus: "ok",
      itemsSeen: 3,
      flags: "chip_policy_investment",
    },
    { input: { url: "example-org/vllm-ascend", title: "Releases", kind: "github-releases" }, lastStatus: "ok", itemsSeen: 2, flags: "inference_on_domestic" },
    {
      input: { url: "zai-org", title: "Models", kind: "huggingface" },
      lastStatus: "ok",
      itemsSeen: 2,
      flags: "pretraining_on_domestic",
      page: { path: "/zai-org/GLM-5", contains: "pre-trained on a cluster of Huawei Ascend 910C" },
    },
    {
      input: { url: "/sitemap-index.xml", title: "News sitemap", kind: "sitemap", lang: "en" },
      lastStatus: "ok",
      itemsSeen: 3,
      flags: "pretraining_on_domestic",
      page: { path: "/tech/2026/11/21/huawei-cloudmatrix.html", contains: "CloudMatrix 384 clusters" },
    },
  ];
}

/** Hostile and edge-case sources: no items, 10,000 items of each list kind, a 2 MB attribute, an empty repository. */
export function hostileSources(): SourceCase[] {
  return [
    { input: { url: "/empty/", title: "Empty", kind: "html", selectors: NEWSROOM_SELECTORS }, lastStatus: "error", lastError: "selectors matched nothing", itemsSeen: 0 },
    { input: { url: "/huge/", title: "Huge", kind: "html", selectors: NEWSROOM_SELECTORS }, lastStatus: "ok", itemsSeen: RUN_MAX_ITEMS },
    { input: { url: "/huge-attribute/", title: "Huge attribute", kind: "html", selectors: NEWSROOM_SELECTORS }, lastStatus: "ok", itemsSeen: 1 },
    { input: { url: "/huge-sitemap.xml", title: "Huge sitemap", kind: "sitemap" }, lastStatus: "ok", itemsSeen: RUN_MAX_ITEMS },
    { input: { url: "flood-org", title: "Flood org", kind: "huggingface" }, lastStatus: "ok", itemsSeen: RUN_MAX_ITEMS },
    { input: { url: "example-org/quiet-repo", title: "Quiet repo", kind: "github-releases" }, lastStatus: "ok", itemsSeen: 0 },
  ];
}

/** Selectors that must be refused when a source is added (injection attempts and unbounded costs). */
export const INJECTED_SELECTORS = [
  { ...NEWSROOM_SELECTORS, title: "</script><script>alert(1)</script>" },
  { ...NEWSROOM_SELECTORS, item: "<img src=x onerror=alert(1)>" },
  { ...NEWSROOM_SELECTORS, item: "li:has(a)" },
  { ...NEWSROOM_SELECTORS, link: `a[title="${"x".repeat(300)}"]` },
];

/** A case's input with its path made absolute on the source server (short forms are left to the bases). */
export function onServer(c: SourceCase, serverUrl: string): OpmlFeed {
  return { ...c.input, url: c.input.url.startsWith("/") ? `${serverUrl}${c.input.url}` : c.input.url };
}

/** The stored (canonical, expanded) URL of a case's source. */
export function storedUrl(c: SourceCase, serverUrl: string, bases: SourceBases): string {
  const checked = checkFeedInput(onServer(c, serverUrl), bases);
  if (!checked.ok) throw new Error(`${c.input.url}: ${checked.reason}`);
  return checked.feed.url;
}

/** Indicators flagged on the events that articles of one feed are sources of. */
export async function flaggedIndicators(db: Db, feedId: number): Promise<string[]> {
  const rows = await db
    .selectDistinct({ indicator: events.indicator })
    .from(events)
    .innerJoin(eventSources, eq(eventSources.eventId, events.id))
    .innerJoin(articles, eq(articles.id, eventSources.articleId))
    .where(and(eq(articles.feedId, feedId), eq(events.status, "flagged")));
  return rows.map((r) => r.indicator).sort();
}

interface Outcome {
  kind: string;
  lastStatus: string | null;
  lastError: string | null;
  itemsSeen: number;
  stored: number;
  flagged: string[];
  pageText: string | null;
}

/** What the database holds for each case, keyed by its input URL. */
export async function sourceOutcomes(db: Db, cases: SourceCase[], serverUrl: string, bases: SourceBases): Promise<Record<string, Outcome>> {
  const urls = cases.map((c) => storedUrl(c, serverUrl, bases));
  const rows = await db.select().from(feeds).where(inArray(feeds.url, urls));
  const out: Record<string, Outcome> = {};
  for (const [i, c] of cases.entries()) {
    const feed = rows.find((f) => f.url === urls[i]);
    if (!feed) throw new Error(`source ${c.input.url} was not added`);
    const stored = await db.select({ url: articles.url, fullText: articles.fullText }).from(articles).where(eq(articles.feedId, feed.id));
    const page = c.page ? stored.find((a) => a.url === `${serverUrl}${c.page!.path}`) : undefined;
    out[c.input.url] = {
      kind: feed.kind,
      lastStatus: feed.lastStatus,
      lastError: feed.lastError,
      itemsSeen: feed.itemsSeen,
      stored: stored.length,
      flagged: await flaggedIndicators(db, feed.id),
      pageText: page?.fullText ?? null,
    };
  }
  return out;
}

/** What each case must show (matched with toMatchObject against sourceOutcomes). */
export function expectedOutcomes(cases: SourceCase[]): Record<string, unknown> {
  return Object.fromEntries(
    cases.map((c) => [
      c.input.url,
      {
        kind: c.input.kind,
        lastStatus: c.lastStatus,
        lastError: c.lastError ?? null,
        itemsSeen: c.itemsSeen,
        stored: c.itemsSeen,
        ...(c.flags ? { flagged: expect.arrayContaining([c.flags]) } : {}),
        ...(c.page ? { pageText: expect.stringContaining(c.page.contains) } : {}),
      },
    ]),
  );
}

/** True once every case's source was polled and its flags and page texts are in (what a run must reach). */
export async function sourcesSettled(db: Db, cases: SourceCase[], serverUrl: string, bases: SourceBases): Promise<boolean> {
  const outcomes = await sourceOutcomes(db, cases, serverUrl, bases);
  return cases.every((c) => {
    const o = outcomes[c.input.url]!;
    return o.lastStatus !== null && (!c.flags || o.flagged.includes(c.flags)) && (!c.page || (o.pageText ?? "").includes(c.page.contains));
  });
}
