// Stories across languages: the store side of story linking (the decision is review/story-link.ts's). Articles
// placed in a story are indexed by their lookup keys with their facts and event date; a new article finds the
// candidate stories sharing a key within the window in one query, and joins the oldest one its facts link to.
import { and, gte, lte, sql } from "drizzle-orm";
import { anyOf, insertRows } from "../bulk.ts";
import type { Db } from "../db.ts";
import { sameStory, storyKeys, STORY_WINDOW_DAYS, type StoryFacts } from "../../review/story-link.ts";
import { articles, storyKeys as storyKeyRows } from "../schema.ts";

export interface StoryContent {
  facts: StoryFacts;
  /** The article's event date: published, else now. */
  at: Date;
}

const DAY_MS = 86_400_000;

/** For each item with content, the oldest stored story its content links it to (item index -> cluster id). */
export async function linkedStories(db: Db, items: (StoryContent | null)[]): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  const keyed = items.flatMap((c, k) => (c ? [{ k, c, keys: storyKeys(c.facts) }] : [])).filter((i) => i.keys.length > 0);
  if (keyed.length === 0) return found;
  const times = keyed.map((i) => i.c.at.getTime());
  const window = STORY_WINDOW_DAYS * DAY_MS;
  const candidates = await db
    .select({ clusterId: storyKeyRows.clusterId, key: storyKeyRows.key, at: storyKeyRows.at, facts: storyKeyRows.facts })
    .from(storyKeyRows)
    .where(
      and(
        anyOf(storyKeyRows.key, [...new Set(keyed.flatMap((i) => i.keys))]),
        gte(storyKeyRows.at, new Date(Math.min(...times) - window)),
        lte(storyKeyRows.at, new Date(Math.max(...times) + window)),
      ),
    )
    .orderBy(storyKeyRows.clusterId);
  // By key, so each item reads only the rows of its own keys (a batch's rows span all of its items' keys).
  const byKey = new Map<string, typeof candidates>();
  for (const s of candidates) {
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  for (const { k, c, keys } of keyed) {
    let oldest: number | undefined;
    for (const key of keys) {
      const hit = byKey.get(key)?.find((s) => (oldest === undefined || s.clusterId < oldest) && sameStory(c, { facts: s.facts, at: s.at }) !== null);
      if (hit) oldest = hit.clusterId;
    }
    if (oldest !== undefined) found.set(k, oldest);
  }
  return found;
}

/** Indexes articles under their stories (idempotent: a retried batch adds nothing). */
export async function indexStories(db: Db, placed: { clusterId: number; content: StoryContent }[]): Promise<void> {
  const rows = placed.flatMap(({ clusterId, content }) =>
    storyKeys(content.facts).map((key) => ({ clusterId, key, at: content.at, facts: content.facts })),
  );
  if (rows.length > 0) await db.execute(sql`${insertRows(storyKeyRows, rows)} on conflict do nothing`);
}

export interface StoryBrief {
  id: number;
  /** Languages of the story's articles (primary subtag, lower case), sorted. */
  languages: string[];
  /** Independent outlets: distinct feeds among the story's articles. */
  sources: number;
}

/** The stories of the given cluster ids, for the API. */
export async function storyBriefs(db: Db, clusterIds: number[]): Promise<Map<number, StoryBrief>> {
  const out = new Map<number, StoryBrief>();
  if (clusterIds.length === 0) return out;
  const rows = await db
    .select({
      id: articles.clusterId,
      languages: sql<string[] | null>`array_agg(distinct lower(split_part(${articles.lang}, '-', 1))) filter (where ${articles.lang} is not null and ${articles.lang} <> '')`,
      sources: sql<number>`count(distinct ${articles.feedId})::int`,
    })
    .from(articles)
    .where(anyOf(articles.clusterId, [...new Set(clusterIds)]))
    .groupBy(articles.clusterId);
  for (const r of rows) {
    if (r.id === null) continue;
    out.set(Number(r.id), { id: Number(r.id), languages: [...(r.languages ?? [])].sort(), sources: Number(r.sources) });
  }
  return out;
}
