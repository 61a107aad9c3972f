// Labelled articles (../shared/eval SCHEMA.md gold lines) turned into training rows: per indicator, the
// features the extractor computes for the article, and whether the gold labels hold it.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Extractor } from "../extract/extract.ts";
import { INDICATOR_IDS, type IndicatorId } from "../extract/types.ts";

const goldLineSchema = z.object({
  id: z.string(),
  title: z.string().default(""),
  text: z.string().default(""),
  lang: z.string().optional(),
  published: z.string().optional(),
  indicators: z.array(z.enum(INDICATOR_IDS)),
});
export type GoldArticle = z.infer<typeof goldLineSchema>;

export interface LabelledSet {
  name: string;
  sha256: string;
  articles: GoldArticle[];
}

/** Parses one gold set's content; a bad line is an error naming the set and line. */
export function parseGoldSet(name: string, content: string): LabelledSet {
  const articles: GoldArticle[] = [];
  content.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = goldLineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${name} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    articles.push(parsed.data);
  });
  return { name, sha256: createHash("sha256").update(content).digest("hex"), articles };
}

export interface LabelledRow {
  id: string;
  labels: IndicatorId[];
  /** Per indicator, the features that are not zero. */
  values: Record<IndicatorId, Record<string, number>>;
}

export function labelledRows(extractor: Extractor, sets: readonly LabelledSet[]): LabelledRow[] {
  const rows: LabelledRow[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    for (const a of set.articles) {
      if (seen.has(a.id)) throw new Error(`article id ${a.id} appears twice in the labelled sets`);
      seen.add(a.id);
      const { features } = extractor.analyse({ title: a.title, text: a.text, lang: a.lang, published: a.published });
      const values = Object.fromEntries(features.map((f) => [f.id, f.values])) as Record<IndicatorId, Record<string, number>>;
      rows.push({ id: a.id, labels: [...new Set(a.indicators)], values });
    }
  }
  return rows;
}
