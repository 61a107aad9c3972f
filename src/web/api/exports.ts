// Exports (CSV and JSON) of events and claims, with the same filters as their views, and the weekly digest.
import { Hono, type Context } from "hono";
import type { z } from "zod";
import { isoWeekOf } from "../../report/iso-week.ts";
import { InvalidWeekError, weeklyDigest } from "../../report/digest.ts";
import { allEvents, type EventListItem } from "../../store/repositories/events.ts";
import { claimTable, type ClaimRow } from "../../store/repositories/analytics.ts";
import { toCsv, type Cell } from "../csv.ts";
import type { AppDeps, AppEnv } from "../env.ts";
import { claimQuerySchema, describeIssues, eventFilterOf, eventQuerySchema, queryOf, weekParamSchema } from "../params.ts";

const EVENT_COLUMNS = [
  "id", "indicator", "status", "title", "score", "priority", "novel", "source_count", "rules", "first_seen_at",
  "reviewed_at", "url", "feed", "orgs", "models", "chips", "claim_subject", "claim_chip", "claim_stage", "claim_modality",
];

function eventCells(e: EventListItem): Cell[] {
  return [
    e.id, e.indicator, e.status, e.title, e.score, e.priority, e.novel, e.sourceCount, e.rules.join(" "), e.firstSeenAt,
    e.reviewedAt, e.url, e.feed, e.entities.org.join("; "), e.entities.model.join("; "), e.entities.chip.join("; "),
    e.claim?.subject, e.claim?.chip, e.claim?.stage, e.claim?.negated ? "denied" : e.claim?.modality,
  ];
}

const CLAIM_COLUMNS = ["subject", "subject_type", "chip", "chip_domestic", "stage", "modality", "first_seen", "sources", "review_state"];

function claimCells(r: ClaimRow): Cell[] {
  return [r.subject, r.subjectType, r.chip, r.chipDomestic, r.stage, r.modality, r.firstSeen, r.sources, r.reviewState];
}

function download(c: Context, name: string, type: string, body: string) {
  c.header("Content-Disposition", `attachment; filename="${name}"`);
  c.header("Content-Type", type);
  return c.body(body);
}

export function exportRoutes({ db }: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** One export: its query schema, how to load the rows, and how a row becomes CSV cells. */
  function exportOf<Q extends z.ZodType, Row>(
    name: string,
    schema: Q,
    load: (query: z.output<Q>) => Promise<Row[]>,
    columns: string[],
    cells: (row: Row) => Cell[],
  ) {
    app.get(`/export/:file{${name}\\.(csv|json)}`, async (c) => {
      const parsed = schema.safeParse(queryOf(c));
      if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
      const items = await load(parsed.data);
      const file = c.req.param("file");
      return file.endsWith(".csv")
        ? download(c, file, "text/csv; charset=utf-8", toCsv(columns, items.map(cells)))
        : download(c, file, "application/json; charset=utf-8", JSON.stringify({ items }));
    });
  }

  exportOf("events", eventQuerySchema, (q) => allEvents(db, eventFilterOf(q)), EVENT_COLUMNS, eventCells);
  exportOf("claims", claimQuerySchema, (q) => claimTable(db, q, 50_000), CLAIM_COLUMNS, claimCells);

  app.get("/digest", async (c) => {
    const parsed = weekParamSchema.safeParse(queryOf(c));
    if (!parsed.success) return c.json({ error: describeIssues(parsed.error) }, 400);
    const week = parsed.data.week ?? isoWeekOf(new Date());
    let markdown: string;
    try {
      markdown = await weeklyDigest(db, week);
    } catch (err) {
      // The pattern passed but the year has no such week (e.g. W53 of a 52-week year).
      if (err instanceof InvalidWeekError) return c.json({ error: `week: ${err.message}` }, 400);
      throw err;
    }
    c.header("Content-Type", "text/markdown; charset=utf-8");
    return c.body(markdown);
  });

  return app;
}
