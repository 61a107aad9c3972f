import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { NEAR_DUPLICATE_DISTANCE } from "../../src/ingest/dedup.ts";
import { openDatabase, type Database } from "../../src/store/db.ts";
import { storiesFor } from "../../src/store/repositories/clusters.ts";
import { storyClusters } from "../../src/store/schema.ts";
import { availableDrivers, createTestDatabase, useTestDatabase, type TestDatabase } from "../support/db.ts";

const D = NEAR_DUPLICATE_DISTANCE;
/** A hash `bits` bits away from `h`. */
const away = (h: bigint, bits: number) => h ^ ((1n << BigInt(bits)) - 1n);

describe.each(availableDrivers())("story clusters on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("groups near-duplicates in a list and across calls, and founds a new story for anything else", async () => {
    const a = 0x0123_4567_89ab_cdefn;
    const b = ~a;
    const first = await storiesFor(t.db, [a, away(a, 5), b, null, null], D);
    expect(first[1]).toBe(first[0]);
    expect(new Set(first).size).toBe(4); // a's story, b's, and one per article without a hash
    const later = await storiesFor(t.db, [away(a, D), away(a, D + 1), away(b, 3)], D);
    expect(later[0]).toBe(first[0]);
    expect(later[1]).not.toBe(first[0]);
    expect(later[2]).toBe(first[2]);
    expect(await t.db.select().from(storyClusters)).toHaveLength(5);
  });

  it("prefers the nearest story, then the oldest, and forgets stories older than the window", async () => {
    const base = 0x7777_0000_ffff_1234n;
    const [old] = await storiesFor(t.db, [base], D, 1);
    const [other] = await storiesFor(t.db, [away(base, 10)], 4, 1);
    expect(other).not.toBe(old);
    expect(await storiesFor(t.db, [away(base, 3)], D, 1)).toEqual([old]);
    expect(await storiesFor(t.db, [away(base, 9)], D, 1)).toEqual([other]);
    expect(await storiesFor(t.db, [away(base, 5)], D, 1)).toEqual([old]); // 5 from old, 5 from other: the oldest
    await t.db.update(storyClusters).set({ createdAt: new Date(Date.now() - 2 * 86_400_000) }).where(eq(storyClusters.id, old!));
    // A new window size reads the table afresh; the backdated story is outside it.
    expect(await storiesFor(t.db, [away(base, 3)], D, 1.5)).not.toEqual([old]);
  });
});

describe.runIf(availableDrivers().includes("postgres"))("story clusters shared by processes", () => {
  let t: TestDatabase;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    a = await openDatabase({ databaseUrl: t.url!, maxConnections: 2 });
    b = await openDatabase({ databaseUrl: t.url!, maxConnections: 2 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await t?.destroy();
  });

  it("sees stories another process founded, including one committed after a newer one", async () => {
    const x = 0x1111_2222_3333_4444n;
    const y = ~x;
    const z = 0x0f0f_0f0f_0f0f_0f0fn;
    await storiesFor(a.db, [z], D); // a has read the table once
    const [fromB] = await storiesFor(b.db, [x], D);
    expect(await storiesFor(a.db, [away(x, 4)], D)).toEqual([fromB]);

    // A third session draws an id for y's story but commits only after b has founded a newer story.
    const late = postgres(t.url!, { max: 1, onnotice: () => {} });
    let commit!: () => void;
    const gate = new Promise<void>((done) => (commit = done));
    let lateId = 0;
    let committed!: Promise<unknown>;
    const drawn = new Promise<void>((ready) => {
      committed = late.begin(async (tx) => {
        const [row] = await tx`insert into story_clusters (simhash) values (${y.toString()}) returning id`;
        lateId = Number(row!.id);
        ready();
        await gate;
      });
    });
    await drawn;
    const [newer] = await storiesFor(b.db, [0x5a5a_5a5a_5a5a_5a5an], D);
    expect(newer).toBeGreaterThan(lateId);
    expect(await storiesFor(a.db, [0x5a5a_5a5a_5a5a_5a5an], D)).toEqual([newer]); // a has now seen past lateId
    commit();
    await committed;
    await late.end({ timeout: 5 });
    expect(await storiesFor(a.db, [away(y, 2)], D)).toEqual([lateId]);
  });
});
