// The team's decisions as a gold set in ../shared/eval/SCHEMA.md's format, so an organisation grows its own
// evaluation set. An article's indicators are the ones the team affirmed: a confirmed event it is a source of, or a
// "should have been flagged as" label; a dismissed event or a "should not be" label takes one out again (decisions
// apply in order, the later wins). An indicator nobody decided on counts as absent, so label whole articles.
// Entities are the extractor's stored mentions (for a pasted article, the live extractor's); claims are the stored
// affirmed claims plus every "claim missing" label.
import { createHash } from "node:crypto";
import type { Extractor } from "../extract/extract.ts";
import { INDICATOR_IDS, type IndicatorId } from "../extract/types.ts";
import type { Label, ReviewedArticle } from "../store/repositories/labels.ts";

export interface GoldLine {
  id: string;
  lang?: string;
  published?: string;
  source?: string;
  title: string;
  text: string;
  entities: { org: string[]; model: string[]; chip: string[] };
  claims: { subject: string; chip: string; stage: string }[];
  indicators: IndicatorId[];
  notes: string;
}

const isIndicator = (x: string | null): x is IndicatorId => x !== null && (INDICATOR_IDS as readonly string[]).includes(x);

function entitiesOf(list: readonly { type: string; name: string }[]): GoldLine["entities"] {
  const out: GoldLine["entities"] = { org: [], model: [], chip: [] };
  for (const e of list) {
    if ((e.type === "org" || e.type === "model" || e.type === "chip") && !out[e.type].includes(e.name)) out[e.type].push(e.name);
  }
  return out;
}

function claimsOf(base: readonly GoldLine["claims"][number][], labels: readonly Label[]): GoldLine["claims"] {
  const out = [...base];
  for (const l of labels) if (l.kind === "claim_missing" && l.claim) out.push(l.claim);
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = `${c.subject}\u0000${c.chip}\u0000${c.stage}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Applies labels in order to a set of indicators; returns the notes describing them. */
function applyLabels(set: Set<IndicatorId>, labels: readonly Label[]): string[] {
  const notes: string[] = [];
  for (const l of labels) {
    if (l.kind === "claim_missing" && l.claim) notes.push(`claim missing ${l.claim.subject}/${l.claim.chip}/${l.claim.stage} (${l.actor})`);
    if (!isIndicator(l.indicator)) continue;
    if (l.kind === "missing") set.add(l.indicator);
    if (l.kind === "wrong") set.delete(l.indicator);
    notes.push(`${l.kind === "missing" ? "should be" : "should not be"} ${l.indicator} (${l.actor}${l.note ? `: ${l.note}` : ""})`);
  }
  return notes;
}

const ordered = (set: Set<IndicatorId>) => INDICATOR_IDS.filter((id) => set.has(id));

export function goldOfReviewed(a: ReviewedArticle): GoldLine {
  const set = new Set<IndicatorId>();
  const notes: string[] = [];
  for (const e of a.events) {
    if (!isIndicator(e.indicator)) continue;
    if (e.status === "confirmed") {
      set.add(e.indicator);
      notes.push(`confirmed ${e.indicator}`);
    } else if (e.status === "dismissed") {
      set.delete(e.indicator);
      notes.push(`dismissed ${e.indicator}`);
    }
  }
  notes.push(...applyLabels(set, a.labels));
  return {
    id: `article-${a.id}`,
    ...(a.lang ? { lang: a.lang } : {}),
    ...(a.publishedAt ? { published: a.publishedAt.toISOString().slice(0, 10) } : {}),
    source: a.url,
    title: a.title,
    text: a.text,
    entities: entitiesOf(a.entities),
    claims: claimsOf(a.claims, a.labels),
    indicators: ordered(set),
    notes: `chipwatch team labels: ${notes.join("; ")}`,
  };
}

/** Labels on pasted articles, one gold line per distinct title and text (in the order first labelled). */
export function goldOfPasted(labels: readonly Label[], extractor: Extractor): GoldLine[] {
  const groups = new Map<string, Label[]>();
  for (const l of labels) {
    const key = createHash("sha256").update(`${l.title}\n\n${l.text}`).digest("hex").slice(0, 16);
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  return [...groups].map(([key, group]) => {
    const first = group[0]!;
    const x = extractor.extract({ title: first.title, text: first.text, lang: first.lang ?? undefined });
    const set = new Set<IndicatorId>();
    const notes = applyLabels(set, group);
    return {
      id: `pasted-${key}`,
      ...(first.lang ? { lang: first.lang } : {}),
      ...(first.url ? { source: first.url } : {}),
      title: first.title,
      text: first.text,
      entities: entitiesOf(x.entities.filter((e) => !e.discovered)),
      claims: claimsOf(x.claims.filter((c) => !c.negated), group),
      indicators: ordered(set),
      notes: `chipwatch team labels (pasted article): ${notes.join("; ")}`,
    };
  });
}
