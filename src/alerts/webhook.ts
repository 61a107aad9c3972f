// Webhook alerts for newly flagged events. The body is signed (HMAC-SHA256 with WEBHOOK_SECRET, over the exact
// bytes sent) so the receiver can check it came from us. An event is alerted once: alerted_at is claimed
// atomically before sending, so two workers never both send it. A failed send is logged and not retried.
import { createHmac } from "node:crypto";
import type { Logger } from "../observability/logger.ts";
import type { Db } from "../store/db.ts";
import { claimEventsToAlert, type AlertedEvent } from "../store/repositories/alerts.ts";

const SIGNATURE_HEADER = "X-Chipwatch-Signature";

export interface WebhookOptions {
  url: string;
  secret: string;
  /** Only events scoring at least this are sent. */
  threshold: number;
  timeoutMs?: number;
  /** Base URL of the web UI, for the `url` of each event (e.g. https://chipwatch.example). */
  publicUrl?: string | undefined;
}

function signBody(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

export interface WebhookPayload {
  event: { id: number; indicator: string; title: string; score: number; rules: string[]; url: string };
}

export function createWebhookNotifier(
  opts: WebhookOptions,
  db: Db,
  logger: Logger,
): (eventIds: number[]) => Promise<void> {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const base = (opts.publicUrl ?? "").replace(/\/+$/, "");
  const log = logger.child({ component: "webhook" });

  async function send(e: AlertedEvent): Promise<void> {
    const payload: WebhookPayload = {
      event: { id: e.id, indicator: e.indicator, title: e.title, score: e.score, rules: e.rules, url: `${base}/events/${e.id}` },
    };
    const body = JSON.stringify(payload);
    const res = await fetch(opts.url, {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signBody(opts.secret, body), "user-agent": "chipwatch-webhook" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}`);
  }

  return async (eventIds) => {
    try {
      for (const e of await claimEventsToAlert(db, eventIds, opts.threshold)) {
        try {
          await send(e);
          log.info({ eventId: e.id }, "webhook sent");
        } catch (err) {
          log.warn({ eventId: e.id, err: err instanceof Error ? err.message : String(err) }, "webhook failed");
        }
      }
    } catch (err) {
      log.error({ err: err instanceof Error ? err.message : String(err) }, "webhook notifier failed");
    }
  };
}
