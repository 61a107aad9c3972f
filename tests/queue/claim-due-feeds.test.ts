import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import pino from "pino";
import { pollJobId } from "../../src/jobs/run-policy.ts";
import { enqueueDueFeeds } from "../../src/queue/claim-due-feeds.ts";
import { safeJobId } from "../../src/queue/job-id.ts";
import type { JobsQueue } from "../../src/queue/names.ts";
import { openJobsQueue } from "../../src/queue/queues.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { deletePrefix, queueServicesMissing, redisUrl, uniquePrefix } from "./support/services.ts";

const logger = pino({ level: "silent" });

describe("safeJobId", () => {
  it("removes colons and never yields an integer-like id", () => {
    expect(safeJobId("fetchArticle", "article:12")).toBe("fetchArticle-article_12");
    expect(safeJobId("extractArticle", "42")).toBe("extractArticle-42");
    expect(safeJobId("pollFeed", "pollFeed-7")).toBe("pollFeed-7");
  });
});

describe.skipIf(queueServicesMissing)("enqueueDueFeeds against PostgreSQL and Redis", () => {
  let database: TestDatabase;
  let second: Database;
  let redis: Redis;
  let queue: JobsQueue;
  let prefix: string;

  beforeEach(async () => {
    database = await createTestDatabase("postgres");
    second = await openDatabase({ databaseUrl: database.url ?? "", maxConnections: 2 });
    prefix = uniquePrefix();
    redis = new Redis(redisUrl(), { maxRetriesPerRequest: null });
    queue = openJobsQueue({ connection: redis, prefix, logger });
  });

  afterEach(async () => {
    await queue.close();
    redis.disconnect();
    await deletePrefix(redisUrl(), prefix);
    await second.close();
    await database.destroy();
  });

  const seed = (n: number) =>
    addFeeds(
      database.db,
      Array.from({ length: n }, (_, i) => ({ url: `https://example.com/feed/${i}.xml` })),
    );

  it("enqueues one pollFeed job per due feed, and a second tick enqueues nothing while the lease holds", async () => {
    await seed(25);
    const first = await enqueueDueFeeds(database.db, queue, { batchSize: 10, leaseSeconds: 600, maxBacklog: 1000 });
    expect(first).toMatchObject({ claimed: 25, enqueued: 25 });
    const jobs = await queue.getJobs(["waiting"]);
    expect(jobs).toHaveLength(25);
    expect(new Set(jobs.map((j) => (j.data as { feedId: number }).feedId)).size).toBe(25);
    expect(jobs.every((j) => j.name === "pollFeed" && /^poll-\d+-\d+$/.test(j.id ?? ""))).toBe(true);
    expect(jobs[0]?.opts.attempts).toBe(5);

    const again = await enqueueDueFeeds(database.db, queue, { batchSize: 10, leaseSeconds: 600, maxBacklog: 1000 });
    expect(again).toMatchObject({ claimed: 0, enqueued: 0 });
    expect(await queue.getWaitingCount()).toBe(25);
  });

  it("two schedulers ticking at once never hand out the same feed", async () => {
    await seed(400);
    const settings = { batchSize: 37, leaseSeconds: 600, maxBacklog: 10_000 };
    const [a, b] = await Promise.all([enqueueDueFeeds(database.db, queue, settings), enqueueDueFeeds(second.db, queue, settings)]);
    expect(a.claimed + b.claimed).toBe(400);
    const jobs = await queue.getJobs(["waiting"]);
    const feedIds = jobs.map((j) => (j.data as { feedId: number }).feedId);
    expect(feedIds).toHaveLength(400);
    expect(new Set(feedIds).size).toBe(400);
  });

  it("stops claiming when the queue backlog is full, leaving feeds due in the database", async () => {
    await seed(30);
    const result = await enqueueDueFeeds(database.db, queue, { batchSize: 100, leaseSeconds: 600, maxBacklog: 12 });
    expect(result).toMatchObject({ claimed: 12, enqueued: 12 });
    const full = await enqueueDueFeeds(database.db, queue, { batchSize: 100, leaseSeconds: 600, maxBacklog: 12 });
    expect(full).toMatchObject({ claimed: 0, backlog: 12 });
  });

  it("names each poll job after its claim", () => {
    expect(pollJobId({ id: 7, nextFetchAt: new Date(1_000) })).toBe("poll-7-1000");
  });
});
