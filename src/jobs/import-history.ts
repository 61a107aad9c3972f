// History import: archived articles (JSON lines {url, title, text, published, lang?, source?}) go through the same
// dedup, extraction, story linking and flagging as polled ones, in batches, idempotently (an article already stored
// by URL or content is skipped, so a second import of a file adds nothing). Imported events keep their real dates
// (event date = published). No alert is sent for imported articles: the caller alerts only what it chooses.
import { z } from "zod";
import { fingerprint } from "../ingest/dedup.ts";
import { storedUrlsAndHashes, type NewArticle } from "../store/repositories/articles.ts";
import { importFeedIds } from "../store/repositories/import-feeds.ts";
import { storeNewArticles } from "./extract-and-store.ts";
import type { JobDeps } from "./types.ts";

export const importLineSchema = z.object({
  url: z.string().trim().url().refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL").max(4000),
  title: z.string().trim().min(1).max(2000),
  text: z.string().max(2_000_000).default(""),
  published: z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)), "must be a date"),
  lang: z.string().trim().max(35).optional(),
  source: z.string().trim().min(1).max(200).optional(),
});
export type ImportLine = z.infer<typeof importLineSchema>;

export interface ImportSummary {
  read: number;
  added: number;
  /** Already stored (same URL or same content), or repeated in the input. */
  skipped: number;
  invalid: { line: number; error: string }[];
  /** Events that became flagged. */
  flagged: number;
}

const BATCH = 100;
const DEFAULT_SOURCE = "history";

/** Parses JSON lines; bad lines are reported with their number, never fatal. */
export function parseImportLines(text: string): { lines: ImportLine[]; invalid: ImportSummary["invalid"] } {
  const lines: ImportLine[] = [];
  const invalid: ImportSummary["invalid"] = [];
  text.split("\n").forEach((raw, i) => {
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      invalid.push({ line: i + 1, error: "not JSON" });
      return;
    }
    const parsed = importLineSchema.safeParse(value);
    if (parsed.success) lines.push(parsed.data);
    else invalid.push({ line: i + 1, error: parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ") });
  });
  return { lines, invalid };
}

export async function importHistory(
  lines: ImportLine[],
  deps: Pick<JobDeps, "db" | "config">,
  onProgress: (done: number, total: number, added: number) => void = () => {},
): Promise<Omit<ImportSummary, "invalid">> {
  const feedIds = await importFeedIds(deps.db, lines.map((l) => l.source ?? DEFAULT_SOURCE));
  let added = 0;
  let flagged = 0;
  const seenUrls = new Set<string>();
  const seenHashes = new Set<string>();
  for (let i = 0; i < lines.length; i += BATCH) {
    const rows: NewArticle[] = lines.slice(i, i + BATCH).map((l) => {
      const { contentHash, simhash } = fingerprint(l.title, l.text);
      return {
        feedId: feedIds.get(l.source ?? DEFAULT_SOURCE)!,
        url: l.url,
        guid: l.url,
        title: l.title,
        summary: l.text,
        lang: l.lang ?? null,
        publishedAt: new Date(l.published),
        contentHash,
        simhash: BigInt.asIntN(64, simhash),
      };
    });
    const stored = await storedUrlsAndHashes(deps.db, rows.map((r) => r.url), rows.map((r) => r.contentHash));
    const fresh = rows.filter((r) => {
      if (stored.urls.has(r.url) || stored.hashes.has(r.contentHash) || seenUrls.has(r.url) || seenHashes.has(r.contentHash)) return false;
      seenUrls.add(r.url);
      seenHashes.add(r.contentHash);
      return true;
    });
    const result = await storeNewArticles(fresh, deps);
    added += result.ids.length;
    flagged += result.newlyFlagged.length;
    onProgress(Math.min(i + BATCH, lines.length), lines.length, added);
  }
  return { read: lines.length, added, skipped: lines.length - added, flagged };
}
