import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "../support/db.ts";
import { createWebhookNotifier, type WebhookPayload } from "../../src/alerts/webhook.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { events } from "../../src/store/schema.ts";
import { seedWorkspace } from "../web/seed.ts";

const SECRET = "webhook-secret-for-tests";

interface Received {
  body: string;
  signature: string | undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** What a receiver does: recompute the HMAC of the raw body and compare in constant time. */
function verify(r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", SECRET).update(r.body).digest("hex")}`);
  const got = Buffer.from(r.signature ?? "");
  return got.length === expected.length && timingSafeEqual(got, expected);
}

describe("webhook alerts", () => {
  let t: TestDatabase;
  let ids: Record<string, number>;
  const received: Received[] = [];
  let status = 200;
  const server = createServer(async (req, res) => {
    received.push({ body: await readBody(req), signature: req.headers["x-chipwatch-signature"] as string | undefined });
    res.writeHead(status).end();
  });
  let url: string;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    ids = await seedWorkspace(t.db);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t?.destroy();
  });

  const logger = createLogger({ LOG_LEVEL: "silent" });

  it("posts signed JSON for flagged events above the threshold, once each", async () => {
    const notify = createWebhookNotifier({ url, secret: SECRET, threshold: 0.75, publicUrl: "https://cw.example/" }, t.db, logger);
    await notify([ids.glm!, ids.deepseek!, ids.candidate!, ids.xss!]);
    expect(received).toHaveLength(2);
    for (const r of received) expect(verify(r)).toBe(true);
    const payloads = received.map((r) => JSON.parse(r.body) as WebhookPayload);
    const glm = payloads.find((p) => p.event.id === ids.glm)!;
    expect(glm.event).toMatchObject({ indicator: "pretraining_on_domestic", url: `https://cw.example/events/${ids.glm}` });
    expect(glm.event.rules).toContain("pretrain.named_model");
    expect(glm.event.score).toBeCloseTo(0.92);

    await notify([ids.glm!]);
    expect(received).toHaveLength(2);
    const [row] = await t.db.select().from(events).where(eq(events.id, ids.glm!));
    expect(row!.alertedAt).toBeInstanceOf(Date);
    // A tampered body would not verify.
    expect(verify({ ...received[0]!, body: received[0]!.body.replace(`"id":`, `"id":1`) })).toBe(false);
  });

  it("never throws: receiver errors and unreachable hosts are logged", async () => {
    status = 500;
    const notify = createWebhookNotifier({ url, secret: SECRET, threshold: 0.5 }, t.db, logger);
    await expect(notify([ids.zh!])).resolves.toBeUndefined();
    expect(received).toHaveLength(3);
    const dead = createWebhookNotifier({ url: "http://127.0.0.1:1/none", secret: SECRET, threshold: 0.5, timeoutMs: 500 }, t.db, logger);
    await expect(dead([ids.export!])).resolves.toBeUndefined();
  });
});
