// Loads the indicator vocabulary (data/lexicon/*.json): validates each file, expands each form and numbers
// the concepts. Imported as JSON modules, like the catalog, so extraction does no file I/O at run time.
import computeFile from "../../../data/lexicon/compute.json" with { type: "json" };
import migrationFile from "../../../data/lexicon/migration.json" with { type: "json" };
import exportControlsFile from "../../../data/lexicon/export-controls.json" with { type: "json" };
import policyFile from "../../../data/lexicon/policy-investment.json" with { type: "json" };
import capabilityFile from "../../../data/lexicon/capability.json" with { type: "json" };
import onDeviceFile from "../../../data/lexicon/on-device.json" with { type: "json" };
import { expandTerm, lexiconFileSchema, type LexiconFile } from "./schema.ts";

export interface ConceptForm {
  text: string;
  /** No word boundary needed after it (a Latin stem written with a trailing `*`). */
  prefix: boolean;
  /** A look-alike: hits of the concept that overlap it are dropped. */
  negative: boolean;
}

export interface Concept {
  index: number;
  id: string;
  forms: ConceptForm[];
}

export interface Lexicon {
  files: LexiconFile[];
  concepts: Concept[];
  /** Concept id -> index. */
  index: ReadonlyMap<string, number>;
}

export const LEXICON_FILES: Record<string, unknown> = {
  "compute.json": computeFile,
  "migration.json": migrationFile,
  "export-controls.json": exportControlsFile,
  "policy-investment.json": policyFile,
  "capability.json": capabilityFile,
  "on-device.json": onDeviceFile,
};

function formsOf(list: string[], negative: boolean): ConceptForm[] {
  const out: ConceptForm[] = [];
  for (const t of list) {
    const prefix = t.endsWith("*");
    for (const text of expandTerm(prefix ? t.slice(0, -1) : t)) if (text) out.push({ text, prefix, negative });
  }
  return out;
}

/** Validates raw files (name -> parsed JSON) and builds the numbered concept table. */
export function parseLexicon(raw: Record<string, unknown>): Lexicon {
  const files: LexiconFile[] = [];
  const concepts: Concept[] = [];
  const index = new Map<string, number>();
  for (const [name, data] of Object.entries(raw)) {
    const parsed = lexiconFileSchema.safeParse(data);
    if (!parsed.success) throw new Error(`data/lexicon/${name}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    files.push(parsed.data);
    for (const c of parsed.data.concepts) {
      if (index.has(c.id)) throw new Error(`data/lexicon/${name}: concept ${c.id} is defined twice`);
      index.set(c.id, concepts.length);
      concepts.push({ index: concepts.length, id: c.id, forms: [...formsOf([...c.en, ...c.zh_hans, ...c.zh_hant], false), ...formsOf(c.not, true)] });
    }
  }
  return { files, concepts, index };
}

let loaded: Lexicon | undefined;
/** The bundled vocabulary (parsed once). */
export const loadLexicon = (): Lexicon => (loaded ??= parseLexicon(LEXICON_FILES));

/** The vocabulary's part of the ruleset hash: every file as validated. */
export const lexiconSignature = (): string => JSON.stringify(loadLexicon().files);
