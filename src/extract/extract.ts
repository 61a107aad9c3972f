// extract(article) -> Extraction: the whole extraction core as one pure function over a compiled catalog.
import { TITLE_SEPARATOR, type ArticleInput, type Entity, type Extraction, type IndicatorId } from "./types.ts";
import { hashRuleset, loadCatalog } from "./catalog/load.ts";
import type { CatalogData } from "./catalog/schema.ts";
import { compileCatalog, type CompiledCatalog } from "./compile.ts";
import { AnchorHits, BreakHits, ConceptHits, DiscoveryCues, findMentions } from "./match.ts";
import type { Mention } from "./mention.ts";
import { discoverOrgsAt, DISCOVERY_RULES, type CueHits } from "./discover.ts";
import { extractClaims } from "./claims.ts";
import { LazyDoc } from "./doc.ts";
import { rulesSignature } from "./lexicon.ts";
import { lexiconSignature, loadLexicon } from "./concepts/load.ts";
import { RULES, rulesTableSignature } from "./indicators/rules.ts";
import { indicatorFeatures, type IndicatorFeatures } from "./indicators/features.ts";
import { resolveModels, scoreIndicators, type ResolvedModel } from "./indicators/score.ts";
import { loadWeights, weightsSignature, type WeightsFile } from "./indicators/weights.ts";

/** One article's extraction with what the indicator models read: for `chipwatch explain` and for fitting. */
export interface Analysis {
  extraction: Extraction;
  /** `title + "\n\n" + text`: the string every offset points into. */
  text: string;
  titleEnd: number;
  /** Every indicator's features, fired or not. */
  features: IndicatorFeatures[];
}

export interface Extractor {
  rulesetVersion: string;
  /** The version of the catalog and rules alone: what the features depend on (weights excluded). */
  featuresVersion: string;
  compiled: CompiledCatalog;
  models: Map<IndicatorId, ResolvedModel>;
  extract(input: ArticleInput): Extraction;
  analyse(input: ArticleInput): Analysis;
}

export function createExtractor(catalog: CatalogData, weights: WeightsFile = loadWeights()): Extractor {
  const compiled = compileCatalog(catalog);
  const rulesSig = rulesSignature() + lexiconSignature() + rulesTableSignature() + DISCOVERY_RULES;
  const featuresVersion = hashRuleset(catalog, rulesSig);
  const rulesetVersion = hashRuleset(catalog, rulesSig + weightsSignature(weights));
  const models = resolveModels(weights.indicators, RULES);
  // Scratch buffers, reused: extract() is synchronous and its document does not outlive the call.
  const anchors = new AnchorHits();
  const breaks = new BreakHits();
  const concepts = new ConceptHits(compiled.conceptCount);
  const cues = new DiscoveryCues();
  const conceptIds = loadLexicon().concepts.map((c) => c.id);
  const analyse = (input: ArticleInput): Analysis => {
    const title = input.title ?? "";
    // join, not +: it builds one flat string, where + makes a cons string (a pair of pointers) whose every
    // charCodeAt, slice and regex exec in the rules below first has to unwrap it (twice as slow per read).
    const text = [title, input.text ?? ""].join(TITLE_SEPARATOR);
    const mentions = findMentions(compiled, text, anchors, breaks, concepts, cues);
    const doc = new LazyDoc(text, title.length, mentions, anchors, breaks, concepts);
    const claims = mentions.some((m) => m.type === "chip") ? extractClaims(doc) : [];
    const features = indicatorFeatures(Object.assign(doc, { claims }), RULES);
    const indicators = scoreIndicators(features, models, title.length);
    const entities: Entity[] = [...mentions, ...discoveredOrgMentions(text, mentions, cues)].map((m) => ({
      type: m.type,
      name: m.name,
      surface: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      ...(m.discovered ? { discovered: true } : {}),
    }));
    entities.sort((a, b) => a.start - b.start || b.end - a.end);
    const used = conceptIds.filter((_, c) => concepts.present[c] === 1).sort();
    return { extraction: { rulesetVersion, entities, claims, indicators, concepts: used }, text, titleEnd: title.length, features };
  };
  return { rulesetVersion, featuresVersion, compiled, models, analyse, extract: (input) => analyse(input).extraction };
}

/** Organisation names found by their shape (discover.ts) where no catalog name is: entities only, found
 * after claims and indicators, so that no rule fires on a discovered org alone. */
function discoveredOrgMentions(text: string, mentions: Mention[], cues: CueHits): Mention[] {
  const out: Mention[] = [];
  let k = 0;
  for (const d of discoverOrgsAt(text, cues)) {
    while (k < mentions.length && mentions[k]!.end <= d.start) k++;
    let overlaps = false;
    for (let j = k; j < mentions.length && mentions[j]!.start < d.end; j++) if (mentions[j]!.end > d.start) overlaps = true;
    if (!overlaps) out.push({ type: "org", start: d.start, end: d.end, name: d.name, discovered: true });
  }
  return out;
}

let shared: Extractor | undefined;
/** The extractor of the bundled catalog, rules and weights (compiled once, on first use). */
export const defaultExtractor = (): Extractor => (shared ??= createExtractor(loadCatalog()));

/** Extracts with the bundled catalog (compiled once, on first use). */
export function extract(input: ArticleInput): Extraction {
  return defaultExtractor().extract(input);
}

/** The content hash of the bundled catalog and rules, recorded with every extraction. */
export function getRulesetVersion(): string {
  return defaultExtractor().rulesetVersion;
}

/** Names found by version patterns that the catalog does not list yet (for `chipwatch catalog discovered`). */
export function discoveredNames(extraction: Extraction): { type: Entity["type"]; name: string; surface: string }[] {
  const seen = new Set<string>();
  const out: { type: Entity["type"]; name: string; surface: string }[] = [];
  for (const e of extraction.entities) {
    if (!e.discovered || seen.has(`${e.type}:${e.name}`)) continue;
    seen.add(`${e.type}:${e.name}`);
    out.push({ type: e.type, name: e.name, surface: e.surface });
  }
  return out;
}
