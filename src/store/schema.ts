// The database schema. Every table that a job writes has a unique key, so that re-running a job writes nothing twice.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { FeedKind, ListingSelectors } from "../ingest/source-kind.ts";
import type { EventStatus, ReviewAction } from "../review/status.ts";
import type { StoryFacts } from "../extract/story-facts.ts";

export type Role = "admin" | "analyst" | "viewer";
export type LabelKind = "missing" | "wrong" | "claim_missing";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const created = () => ts("created_at").notNull().defaultNow();

export const feeds = pgTable(
  "feeds",
  {
    id: serial("id").primaryKey(),
    url: text("url").notNull(),
    /** rss (any syndication format), html (a listing page read with `selectors`), github-releases, huggingface, sitemap. */
    kind: text("kind").$type<FeedKind>().notNull().default("rss"),
    /** CSS selectors of an html source (checked when the feed was added). */
    selectors: jsonb("selectors").$type<ListingSelectors>(),
    title: text("title").notNull().default(""),
    siteUrl: text("site_url"),
    lang: text("lang"),
    /** IANA zone for the feed's zone-less timestamps (null: decided from its language, else UTC). */
    timezone: text("timezone"),
    category: text("category"),
    note: text("note"),
    enabled: boolean("enabled").notNull().default(true),
    disabledReason: text("disabled_reason"),
    /** Feeds the operator explicitly allowed to live on private addresses (e.g. an intranet source). */
    allowPrivate: boolean("allow_private").notNull().default(false),
    fetchFullText: boolean("fetch_full_text").notNull().default(false),
    intervalSeconds: integer("interval_seconds").notNull().default(900),
    nextFetchAt: ts("next_fetch_at").notNull().defaultNow(),
    lastFetchAt: ts("last_fetch_at"),
    lastSuccessAt: ts("last_success_at"),
    lastNewItemAt: ts("last_new_item_at"),
    lastStatus: text("last_status"),
    lastHttpStatus: integer("last_http_status"),
    lastError: text("last_error"),
    etag: text("etag"),
    lastModified: text("last_modified"),
    errorCount: integer("error_count").notNull().default(0),
    consecutiveErrors: integer("consecutive_errors").notNull().default(0),
    broken: boolean("broken").notNull().default(false),
    brokenReason: text("broken_reason"),
    silent: boolean("silent").notNull().default(false),
    parser: text("parser"),
    itemsSeen: integer("items_seen").notNull().default(0),
    createdAt: created(),
  },
  (t) => [uniqueIndex("feeds_url_key").on(t.url), index("feeds_due_idx").on(t.nextFetchAt)],
);

/** A story: articles whose text is a near-duplicate of the first one's (syndicated copies). */
export const storyClusters = pgTable(
  "story_clusters",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** SimHash of the first article, as a signed 64-bit integer. */
    simhash: bigint("simhash", { mode: "bigint" }).notNull(),
    createdAt: created(),
  },
  (t) => [index("story_clusters_created_idx").on(t.createdAt)],
);

/**
 * Story linking's index (review/story-link.ts): one row per lookup key of each article placed in a story by its
 * content, with the article's story facts and event date, so a later article in any language finds the story by
 * key and confirms the link against the facts.
 */
export const storyKeys = pgTable(
  "story_keys",
  {
    clusterId: bigint("cluster_id", { mode: "number" })
      .notNull()
      .references(() => storyClusters.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** The article's event date (published, else fetched). */
    at: ts("at").notNull(),
    facts: jsonb("facts").$type<StoryFacts>().notNull(),
  },
  (t) => [uniqueIndex("story_keys_key").on(t.key, t.clusterId, t.at), index("story_keys_cluster_idx").on(t.clusterId)],
);

export const articles = pgTable(
  "articles",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    guid: text("guid"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    fullText: text("full_text"),
    lang: text("lang"),
    author: text("author"),
    publishedAt: ts("published_at"),
    fetchedAt: ts("fetched_at").notNull().defaultNow(),
    contentHash: text("content_hash").notNull(),
    simhash: bigint("simhash", { mode: "bigint" }),
    clusterId: bigint("cluster_id", { mode: "number" }).references(() => storyClusters.id),
    rulesetVersion: text("ruleset_version"),
    extractedAt: ts("extracted_at"),
  },
  (t) => [
    uniqueIndex("articles_url_key").on(t.url),
    uniqueIndex("articles_feed_guid_key").on(t.feedId, t.guid),
    index("articles_content_hash_idx").on(t.contentHash),
    index("articles_ruleset_idx").on(t.rulesetVersion),
    index("articles_published_idx").on(t.publishedAt),
    index("articles_cluster_idx").on(t.clusterId),
  ],
);

export const mentions = pgTable(
  "mentions",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: bigint("article_id", { mode: "number" })
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    name: text("name").notNull(),
    surface: text("surface").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    discovered: boolean("discovered").notNull().default(false),
  },
  (t) => [
    uniqueIndex("mentions_article_span_key").on(t.articleId, t.start, t.end, t.type),
    index("mentions_name_idx").on(t.type, t.name),
  ],
);

export const claims = pgTable(
  "claims",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: bigint("article_id", { mode: "number" })
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    subjectType: text("subject_type").notNull(),
    chip: text("chip").notNull(),
    chipDomestic: boolean("chip_domestic").notNull(),
    stage: text("stage").notNull(),
    modality: text("modality").notNull(),
    negated: boolean("negated").notNull().default(false),
    evidenceStart: integer("evidence_start").notNull(),
    evidenceEnd: integer("evidence_end").notNull(),
  },
  (t) => [
    uniqueIndex("claims_article_key").on(t.articleId, t.subject, t.chip, t.stage, t.negated),
    index("claims_subject_idx").on(t.subject, t.chip, t.stage),
  ],
);


/** An event is evidence for one indicator from one story; a syndicated story adds sources, not events. */
export const events = pgTable(
  "events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicator: text("indicator").notNull(),
    clusterId: bigint("cluster_id", { mode: "number" })
      .notNull()
      .references(() => storyClusters.id),
    title: text("title").notNull(),
    score: real("score").notNull(),
    rules: jsonb("rules").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** "flagged" when score >= threshold, else "candidate"; analysts move it to confirmed or dismissed. */
    status: text("status").$type<EventStatus>().notNull(),
    /** True when this is the first claim of its (subject, chip, stage) kind seen by chipwatch. */
    novel: boolean("novel").notNull().default(false),
    sourceCount: integer("source_count").notNull().default(1),
    firstSeenAt: ts("first_seen_at").notNull().defaultNow(),
    /** When it happened: the earliest published time among its sources (null until computed: read as first seen). */
    occurredAt: ts("occurred_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    reviewedAt: ts("reviewed_at"),
    alertedAt: ts("alerted_at"),
  },
  (t) => [
    uniqueIndex("events_indicator_cluster_key").on(t.indicator, t.clusterId),
    index("events_status_idx").on(t.status, t.score),
    index("events_first_seen_idx").on(t.firstSeenAt),
    index("events_occurred_idx").on(t.occurredAt),
  ],
);

export const eventSources = pgTable(
  "event_sources",
  {
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    articleId: bigint("article_id", { mode: "number" })
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    rules: jsonb("rules").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    evidence: jsonb("evidence").$type<{ start: number; end: number }[]>().notNull().default(sql`'[]'::jsonb`),
    addedAt: created(),
  },
  (t) => [uniqueIndex("event_sources_key").on(t.eventId, t.articleId), index("event_sources_article_idx").on(t.articleId)],
);


/** Append-only audit log of analyst actions. */
export const reviews = pgTable(
  "reviews",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: bigint("event_id", { mode: "number" })
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    action: text("action").$type<ReviewAction>().notNull(),
    note: text("note"),
    actor: text("actor").notNull(),
    createdAt: created(),
  },
  (t) => [index("reviews_event_idx").on(t.eventId, t.createdAt)],
);

export const fetchRuns = pgTable(
  "fetch_runs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    feedId: integer("feed_id")
      .notNull()
      .references(() => feeds.id, { onDelete: "cascade" }),
    /** The job that ran this fetch; a retried job reuses its key, so a retry records one run, not two. */
    jobKey: text("job_key").notNull(),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at").notNull(),
    outcome: text("outcome").notNull(),
    httpStatus: integer("http_status"),
    bytes: integer("bytes").notNull().default(0),
    items: integer("items").notNull().default(0),
    newItems: integer("new_items").notNull().default(0),
    parser: text("parser"),
    error: text("error"),
  },
  (t) => [uniqueIndex("fetch_runs_job_key").on(t.jobKey), index("fetch_runs_feed_idx").on(t.feedId, t.startedAt)],
);

/** Analysts and their API tokens (stored as SHA-256 hashes). */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** admin, analyst or viewer (src/web/access.ts says what each may do). */
    role: text("role").$type<Role>().notNull().default("analyst"),
    createdAt: created(),
  },
  (t) => [uniqueIndex("users_name_key").on(t.name), uniqueIndex("users_token_key").on(t.tokenHash)],
);

/** Browser sessions, server-side, so that logout and a new token end them (the cookie only carries the id). */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userName: text("user_name").notNull(),
    expiresAt: ts("expires_at").notNull(),
    createdAt: created(),
  },
  (t) => [index("sessions_user_idx").on(t.userName)],
);

/**
 * What analysts taught: "should have been flagged as X", "should not be X", "claim missing", about a stored article
 * (articleId) or a pasted one (its title and text kept here). Exported with the reviews as a gold set.
 */
export const labels = pgTable(
  "labels",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    articleId: bigint("article_id", { mode: "number" }).references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind").$type<LabelKind>().notNull(),
    indicator: text("indicator"),
    claim: jsonb("claim").$type<{ subject: string; chip: string; stage: string }>(),
    title: text("title").notNull().default(""),
    text: text("text").notNull().default(""),
    lang: text("lang"),
    url: text("url"),
    note: text("note"),
    actor: text("actor").notNull(),
    createdAt: created(),
  },
  (t) => [index("labels_article_idx").on(t.articleId)],
);

/** The catalog overlay: entries and aliases added from the browser, on top of data/catalog, applied in order. */
export const catalogEdits = pgTable("catalog_edits", {
  id: serial("id").primaryKey(),
  kind: text("kind").$type<"alias" | "entry">().notNull(),
  type: text("type").$type<"org" | "model" | "chip">().notNull(),
  name: text("name").notNull(),
  /** alias: {alias}; entry: {aliases, org, vendor, family, domestic}. */
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  reason: text("reason"),
  actor: text("actor").notNull(),
  createdAt: created(),
  /** Null while pending (previewed, not applied). */
  appliedAt: ts("applied_at"),
  appliedBy: text("applied_by"),
  /** The ruleset version the overlay had once this edit was applied. */
  rulesetVersion: text("ruleset_version"),
});

/** Small key/value store for instance state (e.g. the generated API token's hash). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
