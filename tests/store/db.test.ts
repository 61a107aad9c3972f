import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openDatabase, queryRows, type Database } from "../../src/store/db.ts";
import { feeds } from "../../src/store/schema.ts";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

describe.runIf(availableDrivers().includes("postgres"))("the PostgreSQL handle", () => {
  let t: TestDatabase;
  let one: Database;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    // One connection, so that the statements below and the catalog query share a session.
    one = await openDatabase({ databaseUrl: t.url!, maxConnections: 1 });
  });
  afterAll(async () => {
    await one?.close();
    await t?.destroy();
  });

  const prepared = async (db: Database, like: string) =>
    Number(
      (await queryRows<{ n: string | number }>(db.db, sql`select count(*) as n from pg_prepared_statements where statement like ${like}`))[0]!.n,
    );

  it("runs drizzle's queries as prepared statements, one per distinct text, in and out of transactions", async () => {
    for (let i = 0; i < 3; i++) await one.db.select().from(feeds).where(eq(feeds.id, i));
    await one.db.transaction(async (tx) => {
      await tx.update(feeds).set({ note: "x" }).where(eq(feeds.id, 1));
    });
    expect(await prepared(one, 'select % from "feeds" where "feeds"."id" = $1')).toBe(1);
    expect(await prepared(one, 'update "feeds" set "note" = $1 where "feeds"."id" = $2')).toBe(1);
  });
});
