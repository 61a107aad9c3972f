import { describe, expect, inject, it } from "vitest";
import postgres from "postgres";
import { openDatabase } from "../../src/store/db.ts";
import { createTestDatabase } from "../support/db.ts";

describe.skipIf(!inject("pgUrl"))("migrations on PostgreSQL", () => {
  it("can run from several processes at once on a fresh database", async () => {
    const t = await createTestDatabase("postgres");
    try {
      // A second, fresh database: createTestDatabase already migrated its own.
      const admin = postgres(inject("pgUrl")!, { max: 1, onnotice: () => {} });
      const name = `${new URL(t.url!).pathname.slice(1)}_fresh`;
      await admin.unsafe(`create database ${name}`);
      const url = new URL(t.url!);
      url.pathname = `/${name}`;
      const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url.toString(), maxConnections: 2 })));
      await Promise.all(opened.map((d) => d.migrate()));
      const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
      const [row] = await client`select count(*)::int as n from drizzle.__drizzle_migrations`;
      expect(row?.n).toBeGreaterThanOrEqual(1);
      const tables = await client`select count(*)::int as n from information_schema.tables where table_name = 'events'`;
      expect(tables[0]?.n).toBe(1);
      await client.end();
      await Promise.all(opened.map((d) => d.close()));
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    } finally {
      await t.destroy();
    }
  });
});
