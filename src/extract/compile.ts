// Compiles the catalog into what the matcher needs: one entity table, one list of folded patterns (with
// spelling variants), per-pattern targets, the family version rules, and lookups for cues.
import type { EntityType } from "./types.ts";
import type { CatalogData, FamilyRule } from "./catalog/schema.ts";
import { buildAutomaton, type Automaton } from "./automaton.ts";
import { ANCHOR_GROUPS } from "./anchors.ts";
import { loadLexicon, type Lexicon } from "./concepts/load.ts";
import { BREAK_CHARS } from "./sentences.ts";
import { DISCOVERY_CUES } from "./discover.ts";
import { buildFoldTable, buildWordCharTable, cueForm, foldString, isHan, patternAlphabet, SEPARATOR } from "./normalize.ts";

export interface CatalogEntity {
  id: number;
  type: EntityType;
  canonical: string;
  /** models: maker; chips: vendor. Canonical org name. */
  org?: string;
  family?: string;
  domestic?: boolean;
  kind?: string;
  roles: string[];
  country?: string;
  /** Folded lower-case cue words and anti-cue words for context aliases. */
  cues: string[];
  antiCues: string[];
  /** Entity ids whose unambiguous mention anywhere in the article confirms a context alias of this one. */
  related: Set<number>;
}

export interface PatternTarget {
  entity: number;
  /** Needs a cue (context alias or ambiguous canonical). */
  context: boolean;
  /** Latin context alias (or name of a `capitalised` entry) written with a capital: the text must capitalise
   * it too ("Ascend", not "ascend"; "Big Fund", not "the big fund"). */
  needsCapital: boolean;
}

export interface CompiledFamily extends FamilyRule {
  id: number;
  versionRe: RegExp;
  orgEntity?: number;
}

export interface PatternInfo {
  targets: PatternTarget[];
  /** Families for which this pattern is a stem. */
  stemOf: number[];
  /** Anchor groups (trigger prefilters) this pattern belongs to, and the same as a bit mask. */
  anchorOf: number[];
  anchorMask: number;
  asciiStart: boolean;
  asciiEnd: boolean;
  /** A one-unit pattern for a character that may end a sentence (see sentences.ts). */
  sentenceBreak: boolean;
}

export interface CompiledCatalog {
  entities: CatalogEntity[];
  byCanonical: Map<string, CatalogEntity>;
  /** Normalised name (letters and digits only) -> entity, for resolving version-pattern finds. */
  byKey: Map<string, CatalogEntity>;
  /** Memo of version-pattern names already resolved against byKey (null: not in the catalog). */
  resolvedNames: Map<string, CatalogEntity | null>;
  patterns: PatternInfo[];
  /** Per pattern, what its hits are for (PATTERN_* bits) and its anchor mask: typed copies of PatternInfo
   * for the per-hit loop, where most hits are sentence breaks and anchor words and need nothing else. */
  patternRole: Uint8Array;
  patternAnchorMask: Int32Array;
  /** PatternInfo.targets flattened: pattern p's targets are entries [targetFirst[p], targetFirst[p + 1]) of
   * targetEntity (entity ids) and targetFlags (TARGET_* bits). The hit loop reads these instead of three
   * dependent objects per hit (info, its array, the target), cache misses on a large catalog. */
  targetFirst: Int32Array;
  targetEntity: Int32Array;
  targetFlags: Uint8Array;
  families: CompiledFamily[];
  /** Indicator vocabulary (data/lexicon): pattern p's concept forms are entries [conceptFirst[p],
   * conceptFirst[p + 1]) of conceptTarget (concept index) and conceptFlags (CONCEPT_* bits). */
  conceptCount: number;
  conceptFirst: Int32Array;
  conceptTarget: Int32Array;
  conceptFlags: Uint8Array;
  automaton: Automaton;
  foldTable: Uint16Array;
  wordChar: Uint8Array;
}

export const PATTERN_BREAK = 1;
/** A family stem: a hit may start a version name. */
export const PATTERN_STEM = 2;
/** A catalog name: a hit may be a mention of its targets. */
export const PATTERN_TARGET = 4;
/** A family stem or a catalog name: the hit may be a mention. */
export const PATTERN_NAME = PATTERN_STEM | PATTERN_TARGET;
/** The pattern starts / ends with a Latin word character (a word boundary is needed there). Copied here
 * so that hits inside longer words are dropped without reading their PatternInfo (a cache miss each). */
export const PATTERN_ASCII_START = 8;
export const PATTERN_ASCII_END = 16;
/** A form of an indicator concept (data/lexicon). */
export const PATTERN_CONCEPT = 32;
/** A word discovery (discover.ts) builds names around: its hits say where to look. */
export const PATTERN_DISCOVERY = 64;

export const CONCEPT_PREFIX = 1;
export const CONCEPT_NEGATIVE = 2;

export const TARGET_CONTEXT = 1;
export const TARGET_NEEDS_CAPITAL = 2;

export const nameKey = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** Resolves a version-pattern name to a catalog entity when the catalog already has it. */
export function resolveName(cat: CompiledCatalog, type: EntityType, name: string): CatalogEntity | undefined {
  // Version finds repeat ("GLM-5" many times per article); nameKey (NFKC + regex) is the costly part.
  const memoKey = `${type}:${name}`;
  let found = cat.resolvedNames.get(memoKey);
  if (found === undefined) {
    if (cat.resolvedNames.size > 50_000) cat.resolvedNames.clear();
    found = cat.byKey.get(`${type}:${nameKey(name)}`) ?? null;
    cat.resolvedNames.set(memoKey, found);
  }
  return found ?? undefined;
}

const isAsciiWord = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || isHan(c);

/** Spelling variants of a folded alias: separators dropped at letter/digit joins ("GLM-5" -> "glm5") and
 * optional between Han and Latin ("昇腾 910B" / "昇腾910B"). Capped to keep the automaton small. */
export function spellingVariants(folded: string): string[] {
  const out = new Set<string>([folded]);
  // Drop separators at letter<->digit joins.
  const dropped = folded.replace(/(.)[ ](.)/g, (m, a: string, b: string) => {
    const x = a.charCodeAt(0);
    const y = b.charCodeAt(0);
    return (isLetter(x) && !isHan(x) && isDigit(y)) || (isDigit(x) && isLetter(y) && !isHan(y)) ? a + b : m;
  });
  out.add(dropped);
  // Insert a separator between Han and Latin/digits.
  for (const base of [...out]) {
    let spaced = "";
    for (let i = 0; i < base.length; i++) {
      const c = base.charCodeAt(i);
      const prev = i > 0 ? base.charCodeAt(i - 1) : 0;
      if (i > 0 && ((isHan(prev) && isAsciiWord(c)) || (isAsciiWord(prev) && isHan(c)))) spaced += " ";
      spaced += base[i];
    }
    out.add(spaced);
  }
  return [...out].slice(0, 4);
}

export function compileCatalog(data: CatalogData, lexicon: Lexicon = loadLexicon()): CompiledCatalog {
  const entities: CatalogEntity[] = [];
  const byCanonical = new Map<string, CatalogEntity>();
  const add = (e: Omit<CatalogEntity, "id" | "related">): CatalogEntity => {
    const entity: CatalogEntity = { ...e, id: entities.length, related: new Set() };
    entities.push(entity);
    byCanonical.set(`${e.type}:${e.canonical}`, entity);
    return entity;
  };
  type Raw = { canonical: string; aliases: string[]; context_aliases: string[]; ambiguous_canonical?: boolean; capitalised?: boolean; cues: string[]; anti_cues: string[] };
  const sources: [CatalogEntity, Raw][] = [];
  const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
  for (const o of data.orgs) sources.push([add({ type: "org", canonical: o.canonical, roles: o.roles, country: o.country, cues: lower(o.cues), antiCues: lower(o.anti_cues) }), o]);
  for (const m of data.models) sources.push([add({ type: "model", canonical: m.canonical, org: m.org, family: m.family, kind: m.kind, roles: [], cues: lower(m.cues), antiCues: lower(m.anti_cues) }), m]);
  for (const c of data.chips) sources.push([add({ type: "chip", canonical: c.canonical, org: c.vendor, family: c.family, domestic: c.domestic, kind: c.kind, roles: [], cues: lower(c.cues), antiCues: lower(c.anti_cues) }), c]);

  // Relatedness for context cues: a model/chip is confirmed by its maker, its family and its siblings.
  const byFamily = new Map<string, CatalogEntity[]>();
  for (const e of entities) if (e.family) byFamily.set(`${e.type}:${e.family}`, [...(byFamily.get(`${e.type}:${e.family}`) ?? []), e]);
  for (const e of entities) {
    const org = e.org ? byCanonical.get(`org:${e.org}`) : undefined;
    if (org) e.related.add(org.id);
    for (const sib of byFamily.get(`${e.type}:${e.family}`) ?? []) if (sib.id !== e.id) e.related.add(sib.id);
    if (e.type === "org") for (const x of entities) if (x.org === e.canonical) e.related.add(x.id);
  }
  // Cue words also include the plain names of related orgs.
  const orgNames = new Map<number, string[]>();
  for (const [e, raw] of sources) if (e.type === "org") orgNames.set(e.id, [raw.canonical, ...raw.aliases].map((n) => n.toLowerCase()));
  for (const e of entities) for (const r of e.related) e.cues.push(...(orgNames.get(r) ?? []));

  // Pattern alphabet first, so that the traditional->simplified fold never hides a pattern's own character.
  const nameGroups: string[][] = [];
  for (const [, raw] of sources) {
    nameGroups.push([...(raw.ambiguous_canonical === true ? [] : [raw.canonical]), ...raw.aliases]);
    nameGroups.push([...(raw.ambiguous_canonical === true ? [raw.canonical] : []), ...raw.context_aliases]);
  }
  for (const f of data.families) nameGroups.push(f.stems);
  for (const words of Object.values(ANCHOR_GROUPS)) nameGroups.push(words);
  const patternChars = patternAlphabet(nameGroups, data.t2s);
  const foldTable = buildFoldTable(data.t2s, patternChars);
  for (const e of entities) {
    e.cues = e.cues.map((c) => cueForm(c, foldTable));
    e.antiCues = e.antiCues.map((c) => cueForm(c, foldTable));
  }
  const wordChar = buildWordCharTable();

  const patternIndex = new Map<string, number>();
  const patternStrings: string[] = [];
  const patterns: PatternInfo[] = [];
  const patternFor = (folded: string): PatternInfo => {
    let id = patternIndex.get(folded);
    if (id === undefined) {
      id = patternStrings.length;
      patternIndex.set(folded, id);
      patternStrings.push(folded);
      patterns.push({ targets: [], stemOf: [], anchorOf: [], anchorMask: 0, sentenceBreak: false, asciiStart: isAsciiWord(folded.charCodeAt(0)), asciiEnd: isAsciiWord(folded.charCodeAt(folded.length - 1)) });
    }
    return patterns[id]!;
  };
  const byKey = new Map<string, CatalogEntity>();
  const addName = (entity: CatalogEntity, name: string, context: boolean, capitalised: boolean) => {
    const folded = foldString(name.trim(), foldTable).replace(/ +/g, " ");
    if (!folded) return;
    const key = nameKey(name);
    if (key && !byKey.has(`${entity.type}:${key}`)) byKey.set(`${entity.type}:${key}`, entity);
    const needsCapital = (context || capitalised) && /^[A-Z]/.test(name);
    for (const v of spellingVariants(folded)) {
      const info = patternFor(v);
      if (!info.targets.some((t) => t.entity === entity.id)) info.targets.push({ entity: entity.id, context, needsCapital });
    }
  };
  for (const [e, raw] of sources) {
    const capitalised = raw.capitalised === true;
    addName(e, raw.canonical, raw.ambiguous_canonical === true, capitalised);
    for (const a of raw.aliases) addName(e, a, false, capitalised);
    for (const a of raw.context_aliases) addName(e, a, true, capitalised);
  }
  const families: CompiledFamily[] = data.families.map((f, id) => ({
    ...f,
    id,
    versionRe: new RegExp(f.version, "iy"),
    orgEntity: byCanonical.get(`org:${f.org ?? f.vendor}`)?.id,
  }));
  for (const f of families) {
    for (const stem of f.stems) {
      const folded = foldString(stem, foldTable);
      for (const v of spellingVariants(folded)) patternFor(v).stemOf.push(f.id);
    }
  }
  Object.values(ANCHOR_GROUPS).forEach((words, group) => {
    for (const w of words) {
      const info = patternFor(foldString(w, foldTable));
      if (!info.anchorOf.includes(group)) info.anchorOf.push(group);
      info.anchorMask |= 1 << group;
    }
  });
  // Concept forms are folded with the finished table (they are not part of the pattern alphabet above): a
  // traditional form folds exactly as the text does, so 訓練 in the data and in an article both become 训练.
  const conceptForms: { concept: number; flags: number }[][] = [];
  for (const c of lexicon.concepts) {
    for (const f of c.forms) {
      const folded = foldString(f.text, foldTable).replace(/ +/g, " ");
      patternFor(folded);
      const id = patternIndex.get(folded)!;
      const list = (conceptForms[id] ??= []);
      const flags = (f.prefix ? CONCEPT_PREFIX : 0) | (f.negative ? CONCEPT_NEGATIVE : 0);
      if (!list.some((x) => x.concept === c.index && x.flags === flags)) list.push({ concept: c.index, flags });
    }
  }
  // So do the words discovered names end or start with (lower case: the fold lower-cases the text).
  const discoveryPatterns = DISCOVERY_CUES.map((w) => {
    const folded = foldString(w, foldTable);
    patternFor(folded);
    return patternIndex.get(folded)!;
  });
  // Sentence-break characters ride along in the same scan, so splitting never walks the text again.
  for (const c of BREAK_CHARS) patternFor(String.fromCharCode(foldTable[c]!)).sentenceBreak = true;
  for (const s of patternStrings) if (s.length === 0 || s.charCodeAt(0) === SEPARATOR) throw new Error(`bad pattern "${s}"`);
  const automaton = buildAutomaton(patternStrings, foldTable);
  const patternRole = Uint8Array.from(patterns, (p) =>
    (p.sentenceBreak ? PATTERN_BREAK : 0) | (p.stemOf.length > 0 ? PATTERN_STEM : 0) | (p.targets.length > 0 ? PATTERN_TARGET : 0) |
    (p.asciiStart ? PATTERN_ASCII_START : 0) | (p.asciiEnd ? PATTERN_ASCII_END : 0));
  for (const id of discoveryPatterns) patternRole[id]! |= PATTERN_DISCOVERY;
  const conceptFirst = new Int32Array(patterns.length + 1);
  patterns.forEach((_, i) => {
    conceptFirst[i + 1] = conceptFirst[i]! + (conceptForms[i]?.length ?? 0);
    if (conceptForms[i]) patternRole[i]! |= PATTERN_CONCEPT;
  });
  const flatForms = patterns.flatMap((_, i) => conceptForms[i] ?? []);
  const conceptTarget = Int32Array.from(flatForms, (f) => f.concept);
  const conceptFlags = Uint8Array.from(flatForms, (f) => f.flags);
  const patternAnchorMask = Int32Array.from(patterns, (p) => p.anchorMask);
  const targets = patterns.flatMap((p) => p.targets);
  const targetFirst = new Int32Array(patterns.length + 1);
  patterns.forEach((p, i) => (targetFirst[i + 1] = targetFirst[i]! + p.targets.length));
  const targetEntity = Int32Array.from(targets, (t) => t.entity);
  const targetFlags = Uint8Array.from(targets, (t) => (t.context ? TARGET_CONTEXT : 0) | (t.needsCapital ? TARGET_NEEDS_CAPITAL : 0));
  return { entities, byCanonical, byKey, resolvedNames: new Map(), patterns, patternRole, patternAnchorMask, targetFirst, targetEntity, targetFlags, families, conceptCount: lexicon.concepts.length, conceptFirst, conceptTarget, conceptFlags, automaton, foldTable, wordChar };
}
