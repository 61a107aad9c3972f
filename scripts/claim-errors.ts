// Lists a labelled set's claim false negatives and false positives, grouped by a guessed cause, with the
// sentences behind them: the first step when working on claim quality (docs/EXTRACTION.md "Claims").
//
//   npx tsx scripts/claim-errors.ts ../shared/eval/dev2.jsonl [--ids odd|even] [--summary]
//
// Claims are compared as score.mjs compares them (names through the reference catalog's aliases, chips at
// family level, a "training" stage matching any stage). Causes: stage (same subject and chip, other stage),
// subject (same chip and stage, other subject), chip (same subject and stage, other chip family), negated
// (the extractor read the use as negated or failed), missing / spurious (nothing close).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { extract } from "../src/extract/extract.ts";
import type { Claim } from "../src/extract/types.ts";

const args = process.argv.slice(2);
const goldPath = args.find((a) => !a.startsWith("--"));
if (!goldPath) {
  console.error("usage: tsx scripts/claim-errors.ts GOLD.jsonl [--ids odd|even] [--summary]");
  process.exit(2);
}
const idsArg = args.includes("--ids") ? args[args.indexOf("--ids") + 1] : undefined;
const summaryOnly = args.includes("--summary");

const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
interface CatalogEntry { canonical: string; aliases?: string[]; context_aliases?: string[]; family?: string }
// The reference catalog beside the shared eval sets, whichever set is read (data/eval/fresh.jsonl too).
const SHARED_DIR = resolve(import.meta.dirname, "../../shared");
const cat = JSON.parse(readFileSync(join(SHARED_DIR, "reference", "catalog.json"), "utf8")) as Record<string, CatalogEntry[]>;
const canon = new Map<string, string>();
const family = new Map<string, string>();
for (const key of ["models", "orgs", "chips"]) {
  for (const e of cat[key] ?? []) {
    const c = norm(e.canonical);
    for (const a of [e.canonical, ...(e.aliases ?? []), ...(e.context_aliases ?? [])]) if (!canon.has(norm(a))) canon.set(norm(a), c);
    if (key === "chips") family.set(c, norm(e.family ?? e.canonical));
  }
}
const toCanon = (n: string) => canon.get(norm(n)) ?? norm(n);
const fam = (n: string) => family.get(toCanon(n)) ?? toCanon(n);

interface GoldClaim { subject: string; chip: string; stage: string }
interface Row { id: string; title: string; text: string; claims?: GoldClaim[] }
interface Key { s: string; chip: string; stage: string }
const key = (c: { subject: string; chip: string; stage: string }): Key => ({ s: toCanon(c.subject), chip: fam(c.chip), stage: c.stage });
const stageOk = (a: string, b: string) => a === b || a === "training" || b === "training";
const same = (a: Key, b: Key) => a.s === b.s && a.chip === b.chip && stageOk(a.stage, b.stage);
const show = (k: Key) => `${k.s} / ${k.chip} / ${k.stage}`;

const rows = readFileSync(goldPath, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Row)
  .filter((r) => !idsArg || (Number(/(\d+)$/.exec(r.id)?.[1] ?? 0) % 2 === (idsArg === "odd" ? 1 : 0)));
const byCause = new Map<string, string[]>();
const add = (cause: string, line: string) => byCause.set(cause, [...(byCause.get(cause) ?? []), line]);
let tp = 0;
let fp = 0;
let fn = 0;
for (const r of rows) {
  const x = extract(r);
  const body = `${r.title}\n\n${r.text}`;
  const quote = (c: Claim) => body.slice(c.evidence.start, c.evidence.end).replace(/\s+/g, " ").slice(0, 260);
  const pred = x.claims.filter((c) => !c.negated);
  const negated = x.claims.filter((c) => c.negated);
  const gold = (r.claims ?? []).map(key);
  const used = new Set<number>();
  const unmatched: Claim[] = [];
  for (const c of pred) {
    const j = gold.findIndex((g, k) => !used.has(k) && same(g, key(c)));
    if (j >= 0) { used.add(j); tp++; } else unmatched.push(c);
  }
  const missed = gold.filter((_, k) => !used.has(k));
  fn += missed.length;
  fp += unmatched.length;
  for (const g of missed) {
    const pk = pred.map((c) => ({ c, k: key(c) }));
    const nk = negated.find((c) => same(g, key(c)));
    const st = pk.find(({ k }) => k.s === g.s && k.chip === g.chip);
    const sb = pk.find(({ k }) => k.chip === g.chip && stageOk(k.stage, g.stage));
    const ch = pk.find(({ k }) => k.s === g.s && stageOk(k.stage, g.stage));
    const [cause, c] = nk ? ["negated", nk] : st ? ["stage", st.c] : sb ? ["subject", sb.c] : ch ? ["chip", ch.c] : ["missing", undefined];
    const where = c ? `\n      got ${show(key(c))}: "${quote(c)}"` : "";
    add(`FN ${cause}`, `${r.id}: ${show(g)}${where}`);
  }
  for (const c of unmatched) {
    const k = key(c);
    const cause = gold.some((g) => g.s === k.s && g.chip === k.chip) ? "stage"
      : gold.some((g) => g.chip === k.chip && stageOk(g.stage, k.stage)) ? "subject"
      : gold.some((g) => g.s === k.s && stageOk(g.stage, k.stage)) ? "chip" : "spurious";
    add(`FP ${cause}`, `${r.id}: ${show(k)} (${c.modality}): "${quote(c)}"`);
  }
}
const p = tp / Math.max(1, tp + fp);
const rc = tp / Math.max(1, tp + fn);
console.log(`${rows.length} articles: claim tp ${tp} fp ${fp} fn ${fn}  P ${p.toFixed(3)} R ${rc.toFixed(3)} F1 ${(2 * p * rc / Math.max(1e-9, p + rc)).toFixed(3)}`);
for (const [cause, lines] of [...byCause].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n== ${cause}: ${lines.length}`);
  if (!summaryOnly) for (const l of lines) console.log(`  ${l}`);
}
