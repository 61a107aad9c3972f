// Request schemas shared by the JSON API and the pages, so a filter in a page URL means what it means in the API.
import type { Context } from "hono";
import { z } from "zod";
import { describeIssues } from "../describe-issues.ts";
import { languageCode } from "../feeds/feed-input.ts";
import { INDICATOR_IDS, STAGES } from "../extract/types.ts";
import { EVENT_SORTS } from "../store/repositories/events.ts";
import { ENTITY_TYPES } from "../store/repositories/entities.ts";
import { EVENT_STATUSES } from "../review/status.ts";

export { describeIssues };

/** A NUL cannot reach PostgreSQL (it refuses the string: a 500), and no filter needs one. */
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number) => z.string().trim().min(1).max(max).refine(noNul, "must not contain NUL characters");

/** Dates and weeks outside these years are typos or probes; far years also overflow once a day is added. */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2200;
const yearInRange = (v: string) => {
  const year = Number(v.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};

/** YYYY-MM-DD (UTC midnight) or a full ISO timestamp. */
const dateParam = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !Number.isNaN(Date.parse(v)), "must be a date (YYYY-MM-DD)")
  .refine(yearInRange, `must be a date between ${MIN_YEAR} and ${MAX_YEAR}`);

const DAY = 86_400_000;
const dateOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

const eventQueryFields = z.object({
  status: z.enum([...EVENT_STATUSES, "any"]).optional(),
  indicator: z.enum(INDICATOR_IDS).optional(),
  org: text(200).optional(),
  chip: text(200).optional(),
  lang: languageCode.optional(),
  from: dateParam.optional(),
  to: dateParam.optional(),
  q: text(200).optional(),
  sort: z.enum(EVENT_SORTS).default("priority"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

function withDates<T extends { status?: string | undefined; from?: string | undefined; to?: string | undefined }>(v: T) {
  return {
    ...v,
    status: v.status === "any" ? undefined : (v.status as Exclude<T["status"], "any">),
    fromDate: v.from ? new Date(v.from) : undefined,
    // A date-only `to` includes that whole day.
    toDate: v.to ? new Date(Date.parse(v.to) + (dateOnly(v.to) ? DAY : 0)) : undefined,
  };
}

export const eventQuerySchema = eventQueryFields.transform(withDates);
/** The story queue's query (the `/` page and GET /api/stories): the event filters choose stories; 25 a page. */
export const storyQuerySchema = eventQueryFields.extend({ limit: eventQueryFields.shape.limit.unwrap().default(25) }).transform(withDates);
export type EventQuery = z.output<typeof eventQuerySchema>;

export function eventFilterOf(q: EventQuery) {
  return { status: q.status, indicator: q.indicator, org: q.org, chip: q.chip, lang: q.lang, from: q.fromDate, to: q.toDate, q: q.q };
}

export const claimQuerySchema = z.object({
  org: text(200).optional(),
  chip: text(200).optional(),
  domestic: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  stage: z.enum(STAGES).optional(),
});

export const entityParamSchema = z.object({ type: z.enum(ENTITY_TYPES), name: z.string().trim().min(1).max(200).refine(noNul, "must not contain NUL characters") });

export const idParamSchema = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
/** Feed ids are 32-bit (serial). */
export const feedIdParamSchema = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const note = z.string().trim().max(4000).optional();

export const reviewBodySchema = z.object({ action: z.enum(["confirm", "dismiss", "note", "reopen"]), note }).refine(
  (v) => v.action !== "note" || (v.note ?? "").length > 0,
  { message: "a note action needs a note", path: ["note"] },
);

export const bulkReviewBodySchema = z
  .object({
    ids: z.array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)).min(1).max(500),
    action: z.enum(["confirm", "dismiss", "note", "reopen"]),
    note,
  })
  .refine((v) => v.action !== "note" || (v.note ?? "").length > 0, { message: "a note action needs a note", path: ["note"] });

export const feedPatchSchema = z.object({
  enabled: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});

export const weekParamSchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "must be an ISO week like 2026-W05")
    .refine(yearInRange, `must be a week between ${MIN_YEAR} and ${MAX_YEAR}`)
    .optional(),
});

/** Query parameters with empty values dropped (an empty form field means "no filter"); the last value wins. */
export function queryOf(c: Context): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(c.req.query())) if (v !== "") out[k] = v;
  return out;
}

/** The @hono/zod-validator hook that turns a failed parse into 400 {error}. */
export function badRequest(result: { success: boolean; error?: unknown }, c: Context) {
  if (!result.success) return c.json({ error: describeIssues(result.error as z.ZodError) }, 400);
}
