// initdb in a child process: the cluster is there afterwards and opens; a failure says what went wrong.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPgliteCluster } from "../../src/store/create-cluster.ts";
import { openDatabase, queryRows } from "../../src/store/db.ts";
import { sql } from "drizzle-orm";

describe("createPgliteCluster", () => {
  const dir = mkdtempSync(join(tmpdir(), "chipwatch-cluster-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a cluster that the monitor then opens", async () => {
    mkdirSync(join(dir, "made")); // the data directory exists by then: its lock file is taken first
    await createPgliteCluster(join(dir, "made", "pglite"));
    expect(existsSync(join(dir, "made", "pglite", "PG_VERSION"))).toBe(true);
    const database = await openDatabase({ dataDir: join(dir, "made") });
    try {
      expect(await queryRows<{ one: number }>(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  }, 120_000);

  it("fails with the child's error when the path cannot hold a cluster", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a directory");
    await expect(createPgliteCluster(join(file, "pglite"))).rejects.toThrow(/creating the PGlite cluster in .*a-file\/pglite failed \(exit 1\): .+/s);
  }, 120_000);
});
