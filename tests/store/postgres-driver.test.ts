// postgres.js 3.4.9 is patched (patches/postgres+3.4.9.patch, applied by patch-package on install): when a
// connection's backend dies, a buffered write threw from a timer (porsager/postgres#1208), which no caller can catch
// and which took the whole process down. These tests fail on the unpatched driver: vitest reports that throw as an
// unhandled error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { availableDrivers, createTestDatabase, type TestDatabase } from "../support/db.ts";

describe.runIf(availableDrivers().includes("postgres"))("postgres.js when the server drops a connection", () => {
  let t: TestDatabase;
  let sql: postgres.Sql;
  let admin: postgres.Sql;
  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    sql = postgres(t.url!, { max: 2, onnotice: () => {} });
    admin = postgres(t.url!, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await sql?.end({ timeout: 2 });
    await admin?.end({ timeout: 2 });
    await t?.destroy();
  });

  it("rejects the queries that needed it with CONNECTION_CLOSED, and the pool carries on", async () => {
    const reserved = await sql.reserve();
    const [backend] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
    await admin`select pg_terminate_backend(${backend!.pid})`;
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 2; i++) await expect(reserved`select 1`).rejects.toMatchObject({ code: "CONNECTION_CLOSED" });
    reserved.release();
    // The dead connection may be handed out once more (and fail the same way) before the pool replaces it.
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await sql`select 2 as x`.then((r) => r[0]?.x, (err: { code?: string }) => err.code));
    expect(answers.slice(-2)).toEqual([2, 2]);
    expect(answers.every((a) => a === 2 || a === "CONNECTION_CLOSED")).toBe(true);
  });
});
