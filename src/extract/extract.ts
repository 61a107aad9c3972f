// extract(article) -> Extraction: the whole extraction core as one pure function over a compiled catalog.
import type { ArticleInput, Entity, Extraction } from "./types.ts";
import { hashRuleset, loadCatalog } from "./catalog/load.ts";
import type { CatalogData } from "./catalog/schema.ts";
import { compileCatalog, type CompiledCatalog } from "./compile.ts";
import { AnchorHits, BreakHits, findMentions } from "./match.ts";
import { extractClaims } from "./claims.ts";
import { LazyDoc } from "./doc.ts";
import { rulesSignature } from "./lexicon.ts";
import { cuesSignature } from "./indicators/cues.ts";
import { rulesTableSignature, scoreIndicators } from "./indicators/rules.ts";

export interface Extractor {
  rulesetVersion: string;
  compiled: CompiledCatalog;
  extract(input: ArticleInput): Extraction;
}

export const TITLE_SEPARATOR = "\n\n";

export function createExtractor(catalog: CatalogData): Extractor {
  const compiled = compileCatalog(catalog);
  const rulesetVersion = hashRuleset(catalog, rulesSignature() + cuesSignature() + rulesTableSignature());
  // Scratch buffers, reused: extract() is synchronous and its document does not outlive the call.
  const anchors = new AnchorHits();
  const breaks = new BreakHits();
  return {
    rulesetVersion,
    compiled,
    extract(input: ArticleInput): Extraction {
      const title = input.title ?? "";
      const text = title + TITLE_SEPARATOR + (input.text ?? "");
      const mentions = findMentions(compiled, text, anchors, breaks);
      const doc = new LazyDoc(text, title.length, mentions, anchors, breaks);
      const claims = mentions.some((m) => m.type === "chip") ? extractClaims(doc) : [];
      const indicators = scoreIndicators(Object.assign(doc, { claims }));
      const entities: Entity[] = mentions.map((m) => ({
        type: m.type,
        name: m.name,
        surface: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        ...(m.discovered ? { discovered: true } : {}),
      }));
      return { rulesetVersion, entities, claims, indicators };
    },
  };
}

let shared: Extractor | undefined;
const defaultExtractor = (): Extractor => (shared ??= createExtractor(loadCatalog()));

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
