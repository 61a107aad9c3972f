// Small helpers for the extraction tests: names found per type, and claim/indicator shorthands.
import { extract } from "../../src/extract/extract.ts";
import type { EntityType, Extraction } from "../../src/extract/types.ts";

export const run = (text: string, title = ""): Extraction => extract({ title, text });
export const names = (x: Extraction, type: EntityType): string[] => [...new Set(x.entities.filter((e) => e.type === type).map((e) => e.name))].sort();
export const claimKeys = (x: Extraction): string[] => x.claims.filter((c) => !c.negated).map((c) => `${c.subject}|${c.chip}|${c.stage}`).sort();
export const indicatorIds = (x: Extraction): string[] => x.indicators.map((i) => i.id).sort();
export const rulesOf = (x: Extraction, id: string): string[] => x.indicators.find((i) => i.id === id)?.rules ?? [];
