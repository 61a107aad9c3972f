// Labelled examples: what analysts reported (labels) and what they decided (reviews), read back per article so
// teach/gold.ts can write them as a gold set.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../db.ts";
import { articles, claims, events, eventSources, labels, mentions } from "../schema.ts";
import { articleBody, getArticles } from "./articles.ts";

export type Label = typeof labels.$inferSelect;
export type NewLabel = Omit<typeof labels.$inferInsert, "id" | "createdAt">;

export async function insertLabel(db: Db, label: NewLabel): Promise<Label> {
  const [row] = await db.insert(labels).values(label).returning();
  return row!;
}

export async function articleExists(db: Db, id: number): Promise<boolean> {
  const [row] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, id));
  return row !== undefined;
}

/** A stored article with what the team decided about it and what the extractor found in it. */
export interface ReviewedArticle {
  id: number;
  url: string;
  title: string;
  text: string;
  lang: string | null;
  publishedAt: Date | null;
  entities: { type: string; name: string }[];
  claims: { subject: string; chip: string; stage: string }[];
  /** Events the article is a source of, with their status (confirmed and dismissed are decisions). */
  events: { indicator: string; status: string }[];
  labels: Label[];
}

/** Every article with a decision: a source of a confirmed or dismissed event, or labelled; oldest first. */
export async function reviewedArticles(db: Db): Promise<ReviewedArticle[]> {
  const decided = await db
    .selectDistinct({ id: eventSources.articleId })
    .from(eventSources)
    .innerJoin(events, eq(events.id, eventSources.eventId))
    .where(inArray(events.status, ["confirmed", "dismissed"]));
  const labelled = await db.selectDistinct({ id: labels.articleId }).from(labels).where(isNotNull(labels.articleId));
  const ids = [...new Set([...decided.map((r) => r.id), ...labelled.map((r) => r.id!)])].sort((a, b) => a - b);
  if (ids.length === 0) return [];
  const [rows, ms, cs, es, ls] = await Promise.all([
    getArticles(db, ids),
    db
      .selectDistinct({ articleId: mentions.articleId, type: mentions.type, name: mentions.name })
      .from(mentions)
      .where(and(inArray(mentions.articleId, ids), eq(mentions.discovered, false))),
    db
      .selectDistinct({ articleId: claims.articleId, subject: claims.subject, chip: claims.chip, stage: claims.stage })
      .from(claims)
      .where(and(inArray(claims.articleId, ids), eq(claims.negated, false))),
    db
      .select({ articleId: eventSources.articleId, indicator: events.indicator, status: events.status })
      .from(eventSources)
      .innerJoin(events, eq(events.id, eventSources.eventId))
      .where(inArray(eventSources.articleId, ids)),
    db.select().from(labels).where(inArray(labels.articleId, ids)).orderBy(asc(labels.id)),
  ]);
  const byId = <T extends { articleId: number | null }>(list: T[], id: number) => list.filter((r) => r.articleId === id);
  return rows
    .sort((a, b) => a.id - b.id)
    .map((a) => ({
      id: a.id,
      url: a.url,
      title: a.title,
      text: articleBody(a),
      lang: a.lang,
      publishedAt: a.publishedAt,
      entities: byId(ms, a.id).map(({ type, name }) => ({ type, name })),
      claims: byId(cs, a.id).map(({ subject, chip, stage }) => ({ subject, chip, stage })),
      events: byId(es, a.id).map(({ indicator, status }) => ({ indicator, status })),
      labels: byId(ls, a.id),
    }));
}

/** Labels on pasted articles (not stored), oldest first. */
export async function pastedLabels(db: Db): Promise<Label[]> {
  return db.select().from(labels).where(isNull(labels.articleId)).orderBy(asc(labels.id));
}

export async function countLabels(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(labels);
  return row?.n ?? 0;
}
