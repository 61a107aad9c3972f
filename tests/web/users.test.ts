import { describe, expect, it } from "vitest";
import { availableDrivers, useTestDatabase } from "../support/db.ts";
import { createUserToken, ensureAdminToken, hashToken, sessionSecret, verifyToken } from "../../src/store/repositories/users.ts";
import { users } from "../../src/store/schema.ts";

describe.each(availableDrivers())("tokens on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("generates an admin token once, stores only its hash, and verifies it", async () => {
    const first = await ensureAdminToken(t.db, undefined);
    expect(first.generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await ensureAdminToken(t.db, undefined)).generated).toBeNull();
    const rows = await t.db.select().from(users);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(first.generated!));
    expect(JSON.stringify(rows)).not.toContain(first.generated!);
    expect(await verifyToken(t.db, first.generated!)).toEqual({ actor: "admin", role: "admin" });
    expect(await verifyToken(t.db, first.generated!.slice(1))).toBeNull();
    expect(await verifyToken(t.db, "")).toBeNull();
  });

  it("lets API_TOKEN replace the admin token", async () => {
    const configured = "configured-token-abcdefghijklmnop";
    expect((await ensureAdminToken(t.db, configured)).generated).toBeNull();
    expect(await verifyToken(t.db, configured)).toEqual({ actor: "admin", role: "admin" });
  });

  it("gives users their own tokens, and a new one replaces the old", async () => {
    const a = await createUserToken(t.db, "alice");
    expect(await verifyToken(t.db, a)).toEqual({ actor: "alice", role: "analyst" });
    const b = await createUserToken(t.db, "alice");
    expect(await verifyToken(t.db, a)).toBeNull();
    expect(await verifyToken(t.db, b)).toEqual({ actor: "alice", role: "analyst" });
    await expect(createUserToken(t.db, "bad name!")).rejects.toThrow(/user name/);
  });

  it("keeps one session secret per instance unless configured", async () => {
    const s1 = await sessionSecret(t.db, undefined);
    expect(s1.length).toBeGreaterThanOrEqual(32);
    expect(await sessionSecret(t.db, undefined)).toBe(s1);
    expect(await sessionSecret(t.db, "configured-secret-0123456789")).toBe("configured-secret-0123456789");
  });
});
