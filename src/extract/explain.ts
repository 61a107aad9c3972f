// Why an article got (or missed) an indicator: per indicator with a fired rule, the model's bias, every
// feature's weight and contribution on the log-odds scale with its evidence sentences, and the decision.
// Pure: reads an Analysis (extract.ts) and the resolved models. Shared by `chipwatch explain` and the event page.
import type { Analysis } from "./extract.ts";
import { RULE_PREFIX } from "./indicators/features.ts";
import { contributions, decide, type ResolvedModel } from "./indicators/score.ts";
import type { IndicatorId, Span } from "./types.ts";

export interface QuotedSpan extends Span {
  text: string;
}

export interface ExplainedContribution {
  /** A rule id, or a derived feature's name (`in_title`, `evidence_log`). */
  id: string;
  kind: "rule" | "derived";
  value: number;
  weight: number;
  contribution: number;
  /** The weight is the prior from the rule's hand weight (no fitted weight yet). */
  prior?: true;
  evidence: QuotedSpan[];
}

export interface ExplainedIndicator {
  id: IndicatorId;
  /** The model's probability: sigmoid(bias + sum of contributions). */
  score: number;
  /** Listed in the extraction (score at or above the threshold). */
  listed: boolean;
  threshold: number;
  bias: number;
  contributions: ExplainedContribution[];
}

export interface Explanation {
  rulesetVersion: string;
  /** Every indicator with at least one fired rule, listed or not, highest score first. */
  indicators: ExplainedIndicator[];
}

const quote = (text: string, s: Span): QuotedSpan => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
const round = (x: number) => Math.round(x * 1e4) / 1e4;

export function explain(analysis: Analysis, models: Map<IndicatorId, ResolvedModel>): Explanation {
  const indicators: ExplainedIndicator[] = [];
  for (const f of analysis.features) {
    if (f.fired.length === 0) continue;
    const model = models.get(f.id)!;
    const d = decide(model, f.values);
    indicators.push({
      id: f.id,
      score: round(d.probability),
      listed: d.listed,
      threshold: model.threshold,
      bias: round(model.bias),
      contributions: contributions(model, f, analysis.titleEnd)
        .sort((a, b) => b.contribution - a.contribution)
        .map((c) => ({
          id: c.feature.startsWith(RULE_PREFIX) ? c.feature.slice(RULE_PREFIX.length) : c.feature,
          kind: c.feature.startsWith(RULE_PREFIX) ? "rule" : "derived",
          value: round(c.value),
          weight: round(c.weight),
          contribution: round(c.contribution),
          ...(c.prior ? { prior: true as const } : {}),
          evidence: c.evidence.map((s) => quote(analysis.text, s)),
        })),
    });
  }
  indicators.sort((a, b) => b.score - a.score);
  return { rulesetVersion: analysis.extraction.rulesetVersion, indicators };
}

/** How a weight or contribution is written (log-odds, two decimals, always signed): the CLI and the web pages. */
export const signed = (x: number) => (x >= 0 ? "+" : "") + x.toFixed(2);
const oneLine = (s: string, max = 160) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? t.slice(0, max - 1) + "…" : t;
};

/** A readable explanation for a terminal. */
export function formatExplanation(e: Explanation): string {
  if (e.indicators.length === 0) return `no indicator rule fired (ruleset ${e.rulesetVersion})\n`;
  const out: string[] = [];
  for (const ind of e.indicators) {
    out.push(`${ind.id}: score ${ind.score.toFixed(3)} ${ind.listed ? "LISTED" : "not listed"} (threshold ${ind.threshold}; log-odds = bias ${signed(ind.bias)}${ind.contributions.map((c) => " " + signed(c.contribution)).join("")})`);
    for (const c of ind.contributions) {
      out.push(`  ${signed(c.contribution).padStart(6)}  ${c.kind === "rule" ? "rule " : ""}${c.id}  (weight ${signed(c.weight)}${c.prior ? ", prior: no fitted weight yet" : ""} x ${c.value})`);
      for (const ev of c.kind === "rule" ? c.evidence : []) out.push(`          "${oneLine(ev.text)}"`);
    }
  }
  out.push(`ruleset ${e.rulesetVersion}`);
  return out.join("\n") + "\n";
}
