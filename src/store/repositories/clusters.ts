// Story clusters: syndicated copies of one story share a cluster, found by SimHash distance to the cluster's founder.
// The recent clusters' hashes are kept in memory per database handle and topped up from the table before each
// batch (one indexed read of the rows added since), so finding a batch's stories is a scan of a few thousand
// integers in this process instead of a Hamming distance per cluster and article computed by the server.
import { gt, or, sql } from "drizzle-orm";
import { queryRows, type Db } from "../db.ts";
import { anyOf, insertRows, recordset } from "../bulk.ts";
import { articles, storyClusters } from "../schema.ts";
import { sameStory } from "../../review/story-link.ts";
import { indexStories, linkedStories, type StoryContent } from "./stories.ts";

const DAY_MS = 86_400_000;
// A cluster row committed after one with a higher id (concurrent inserts) would be skipped by "id > newest seen";
// ids missing below the newest are re-asked for this long. Gaps that never fill (rolled-back inserts) expire.
const HOLE_TTL_MS = 60_000;

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function halves(hash: bigint): [lo: number, hi: number] {
  return [Number(BigInt.asIntN(32, hash)), Number(BigInt.asIntN(32, hash >> 32n))];
}

/** The clusters founded in the last days, as parallel arrays (id order), for nearest-neighbour scans. */
class RecentClusters {
  private ids: number[] = [];
  private lo: number[] = [];
  private hi: number[] = [];
  private created: number[] = [];
  private newest = 0;
  private holes = new Map<number, number>();
  private loaded = false;

  constructor(private readonly windowMs: number) {}

  /** Reads the clusters added since the last refresh (on first use: all of the window). */
  async refresh(db: Db): Promise<void> {
    const now = Date.now();
    for (const [id, since] of this.holes) if (now - since > HOLE_TTL_MS) this.holes.delete(id);
    const condition = this.loaded
      ? or(gt(storyClusters.id, this.newest), this.holes.size > 0 ? anyOf(storyClusters.id, [...this.holes.keys()]) : undefined)
      : gt(storyClusters.createdAt, new Date(now - this.windowMs));
    const rows = await db
      .select({ id: storyClusters.id, simhash: storyClusters.simhash, createdAt: storyClusters.createdAt })
      .from(storyClusters)
      .where(condition)
      .orderBy(storyClusters.id);
    const before = this.newest;
    for (const r of rows) this.add(r.id, r.simhash, r.createdAt.getTime());
    if (this.loaded) {
      const seen = new Set(rows.map((r) => r.id));
      for (let id = before + 1; id < this.newest; id++) if (!seen.has(id)) this.holes.set(id, now);
    }
    this.loaded = true;
    this.expire(now);
  }

  private add(id: number, simhash: bigint, createdAt: number): void {
    this.holes.delete(id);
    const [lo, hi] = halves(simhash);
    if (id > this.newest) {
      this.newest = id;
      this.ids.push(id);
      this.lo.push(lo);
      this.hi.push(hi);
      this.created.push(createdAt);
      return;
    }
    // A late hole: keep id order, so that ties go to the oldest cluster.
    let at = this.ids.length;
    while (at > 0 && this.ids[at - 1]! > id) at--;
    if (this.ids[at - 1] === id) return;
    this.ids.splice(at, 0, id);
    this.lo.splice(at, 0, lo);
    this.hi.splice(at, 0, hi);
    this.created.splice(at, 0, createdAt);
  }

  private expire(now: number): void {
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < this.created.length && this.created[drop]! <= cutoff) drop++;
    if (drop === 0) return;
    for (const list of [this.ids, this.lo, this.hi, this.created]) list.splice(0, drop);
  }

  /** The nearest cluster within maxDistance bits (ties: the oldest), or null. */
  nearest(hash: bigint, maxDistance: number): number | null {
    const [lo, hi] = halves(hash);
    const cutoff = Date.now() - this.windowMs;
    let best = maxDistance + 1;
    let bestId: number | null = null;
    for (let i = 0; i < this.ids.length; i++) {
      const d = popcount32(this.lo[i]! ^ lo) + popcount32(this.hi[i]! ^ hi);
      if (d < best && this.created[i]! > cutoff) {
        best = d;
        bestId = this.ids[i]!;
      }
    }
    return bestId;
  }
}

// One cache per database handle (and window): it mirrors that database's table and goes away with the handle.
const caches = new WeakMap<Db, Map<number, RecentClusters>>();

function recentClusters(db: Db, windowMs: number): RecentClusters {
  let byWindow = caches.get(db);
  if (!byWindow) caches.set(db, (byWindow = new Map()));
  let recent = byWindow.get(windowMs);
  if (!recent) byWindow.set(windowMs, (recent = new RecentClusters(windowMs)));
  return recent;
}

/**
 * The story cluster of each SimHash, in order: that of a near-duplicate first seen in the last `windowDays`, else a
 * new cluster (near-duplicates within the list share one, founded by the first of them). A hash of null (an article
 * without text to hash) always founds its own.
 */
export async function storiesFor(
  db: Db,
  hashes: (bigint | null)[],
  maxDistance: number,
  windowDays = 7,
  /** What each article says (story-facts), to join the story it reports in another language or wording. */
  content: (StoryContent | null)[] = [],
): Promise<number[]> {
  const recent = recentClusters(db, windowDays * DAY_MS);
  await recent.refresh(db);
  // Copies first (SimHash), then the story the content links to, then stories founded earlier in this batch.
  const copies = hashes.map((hash) => (hash === null ? null : recent.nearest(hash, maxDistance)));
  const linked = await linkedStories(db, content.map((c, k) => (copies[k] === null ? c : null)));
  const stories: number[] = [];
  const founders: { simhash: bigint | null; lo: number; hi: number; members: number[]; content: StoryContent[] }[] = [];
  hashes.forEach((hash, k) => {
    const known = copies[k] ?? linked.get(k);
    if (known !== undefined) {
      stories[k] = known;
      return;
    }
    const [lo, hi] = hash === null ? [0, 0] : halves(hash);
    const mine = content[k];
    const group = founders.find(
      (f) =>
        (hash !== null && f.simhash !== null && popcount32(f.lo ^ lo) + popcount32(f.hi ^ hi) <= maxDistance) ||
        (mine && f.content.some((c) => sameStory(c, mine) !== null)),
    );
    if (group) {
      group.members.push(k);
      if (mine) group.content.push(mine);
    } else founders.push({ simhash: hash, lo, hi, members: [k], content: mine ? [mine] : [] });
  });
  if (founders.length > 0) {
    // Ids are drawn in row order, so the ascending ids belong to the founders in order.
    const created = await queryRows<{ id: number | string }>(
      db,
      sql`${insertRows(storyClusters, founders.map((f) => ({ simhash: f.simhash ?? 0n })))} returning id`,
    );
    const ids = created.map((c) => Number(c.id)).sort((a, b) => a - b);
    founders.forEach((f, k) => f.members.forEach((m) => (stories[m] = ids[k]!)));
  }
  await indexStories(
    db,
    content.flatMap((c, k) => (c ? [{ clusterId: stories[k]!, content: c }] : [])),
  );
  return stories;
}

export interface ClusterItem {
  articleId: number;
  simhash: bigint | null;
  /** The article's stored cluster when the caller has just read it; when absent, it is read here. */
  clusterId?: number | null;
}

/**
 * Puts stored articles into story clusters (see storiesFor). Articles that already have a cluster keep it.
 * Returns article id -> cluster id.
 */
export async function assignClusters(db: Db, items: ClusterItem[], maxDistance: number, windowDays = 7): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (items.length === 0) return result;
  const unknown = items.filter((i) => i.clusterId === undefined).map((i) => i.articleId);
  if (unknown.length > 0) {
    const current = await db.select({ id: articles.id, clusterId: articles.clusterId }).from(articles).where(anyOf(articles.id, unknown));
    for (const c of current) if (c.clusterId) result.set(c.id, c.clusterId);
  }
  for (const i of items) if (i.clusterId) result.set(i.articleId, i.clusterId);
  const todo = items.filter((i) => !result.has(i.articleId));
  if (todo.length === 0) return result;
  const stories = await storiesFor(
    db,
    todo.map((i) => i.simhash),
    maxDistance,
    windowDays,
  );
  todo.forEach((item, k) => result.set(item.articleId, stories[k]!));

  // Only articles still without a cluster are set, so a concurrent assignment is kept; those are read back.
  const assignments = recordset(
    { id: articles.id, clusterId: articles.clusterId },
    todo.map((i) => ({ id: i.articleId, clusterId: result.get(i.articleId)! })),
  );
  const updated = await queryRows<{ id: number | string }>(
    db,
    sql`update ${articles} set cluster_id = v.cluster_id from (${assignments}) as v
        where ${articles.id} = v.id and ${articles.clusterId} is null returning ${articles.id}`,
  );
  if (updated.length < todo.length) {
    const set = new Set(updated.map((u) => Number(u.id)));
    const others = todo.map((i) => i.articleId).filter((id) => !set.has(id));
    const after = await db.select({ id: articles.id, clusterId: articles.clusterId }).from(articles).where(anyOf(articles.id, others));
    for (const a of after) if (a.clusterId) result.set(a.id, a.clusterId);
  }
  return result;
}

/** One article's cluster (see assignClusters). */
export async function assignCluster(db: Db, articleId: number, simhash: bigint | null, maxDistance: number, windowDays = 7): Promise<number> {
  const clusters = await assignClusters(db, [{ articleId, simhash }], maxDistance, windowDays);
  return clusters.get(articleId)!;
}

