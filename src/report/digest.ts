// The weekly digest as Markdown for mail or a wiki: digest-brief.ts decides what it says (the week's confirmed and
// flagged events per indicator with their sources and languages, what is new relative to earlier weeks, what to
// watch next); this module loads its data from the store and renders it. Titles come from feeds, so Markdown syntax
// in them is escaped and only http(s) URLs become links.
import { chipFamilyOf, modelMaker } from "../extract/catalog/lineage.ts";
import { stageGroup } from "../extract/story-facts.ts";
import type { Db } from "../store/db.ts";
import { claimsBefore, claimsInWeek, indicatorEvidence } from "../store/repositories/digest.ts";
import { allEvents, type EventListItem } from "../store/repositories/events.ts";
import { storyQueue } from "../store/repositories/story-queue.ts";
import type { ClaimNames, Novelty } from "./claim-novelty.ts";
import { digestBrief, type DigestBrief, type IndicatorNews } from "./digest-brief.ts";
import { CORROBORATING_OUTLETS } from "./evidence-level.ts";
import { indicatorLabel } from "./indicator-labels.ts";
import { isoWeekRange } from "./iso-week.ts";

export function escapeMarkdown(s: string): string {
  return s.replace(/\s+/g, " ").trim().replace(/[\\`*_{}[\]<>|~]/g, (m) => `\\${m}`);
}

/** An inline link when the URL is http(s), else the escaped text and the URL as code. */
export function markdownLink(label: string, url: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return escapeMarkdown(label);
  const href = parsed.toString().replace(/[()<> ]/g, (m) => `%${m.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(label)}](${href})`;
}

function eventBlock(e: EventListItem): string[] {
  const claim = e.claim && !e.claim.negated ? ` — claim: ${escapeMarkdown(`${e.claim.subject} → ${e.claim.chip} (${e.claim.stage}, ${e.claim.modality})`)}` : "";
  const langs = e.story.languages.length > 0 ? `, ${e.story.languages.join(" + ")}` : "";
  const outlets = `${e.story.sources} outlet${e.story.sources === 1 ? "" : "s"}${langs}`;
  const lines = [`- **${escapeMarkdown(e.title)}** (${e.status}, score ${e.score.toFixed(2)}, ${outlets}, happened ${e.occurredAt.slice(0, 10)})${claim}`];
  for (const s of e.sources) {
    const lang = s.lang ? ` (${escapeMarkdown(s.lang)})` : "";
    const when = s.publishedAt ? `, ${s.publishedAt.slice(0, 10)}` : "";
    lines.push(`  - ${markdownLink(s.title || s.url, s.url)} — ${escapeMarkdown(s.feed)}${lang}${when}`);
  }
  return lines;
}

export class InvalidWeekError extends Error {
  constructor(week: string) {
    super(`not an ISO week: ${week} (expected YYYY-Www)`);
    this.name = "InvalidWeekError";
  }
}

/** The catalog's names for claims: a model's lab is its maker (a lab named as the subject is itself). */
const CATALOG_NAMES: ClaimNames = {
  labOf: (subject, subjectType) => (subjectType === "model" ? (modelMaker(subject) ?? subject) : subject),
  chipFamilyOf,
  stageGroup,
};

const STAGE_VERB: Record<string, string> = { train: "trains", post: "post-trains", infer: "serves models" };
const STAGE_WORD: Record<string, string> = { pretraining: "pre-training", posttraining: "post-training", training: "training", inference: "inference" };
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const day = (iso: string) => iso.slice(0, 10);

function claimText(n: Novelty): string {
  const c = n.claim;
  return escapeMarkdown(`${c.subject} on ${c.chip} (${STAGE_WORD[c.stage] ?? c.stage}, ${c.modality}), ${day(c.at)}`);
}

function newsLine({ novelty: n, status }: IndicatorNews): string {
  const what =
    n.kind === "lab-on-chip"
      ? `First time ${n.lab} ${STAGE_VERB[n.stage] ?? n.stage} on ${n.chipFamily}`
      : `First claim on ${n.chip}`;
  return `- **${escapeMarkdown(what)}**: ${claimText(n)}${status === "flagged" ? " — awaiting review" : " — confirmed"}`;
}

export function renderDigest(b: DigestBrief): string {
  const out = [
    `# chipwatch digest ${b.week}`,
    "",
    `Events that happened ${day(b.range.start.toISOString())} to ${day(new Date(b.range.end.getTime() - 1).toISOString())} (UTC): ` +
      `${b.confirmed} confirmed, ${b.flagged} awaiting review.`,
  ];
  for (const s of b.indicators) {
    out.push("", `## ${escapeMarkdown(indicatorLabel(s.indicator))}`);
    if (s.news.length > 0) out.push("", "### New relative to earlier weeks", "", ...s.news.map(newsLine));
    if (s.confirmed.length > 0) out.push("", "### Confirmed", "", ...s.confirmed.flatMap(eventBlock));
    if (s.flagged.length > 0) out.push("", "### Flagged, not yet reviewed", "", ...s.flagged.flatMap(eventBlock));
  }
  if (b.indicators.length === 0) out.push("", "No confirmed or flagged events this week.");
  out.push("", "## What to watch next", "", "### Indicators now corroborated", "");
  out.push(
    `Corroborated: an analyst confirmed one of the indicator's events and ${CORROBORATING_OUTLETS} or more independent outlets reported its story. ` +
      "Weak: confirmed or flagged events, none corroborated. Unseen: none.",
    "",
  );
  if (b.corroborated.length === 0) out.push("No indicator moved from unseen or weak to corroborated this week.");
  for (const c of b.corroborated) {
    const by = c.by.map((e) => `${escapeMarkdown(e.title)} (${plural(e.outletsUntil, "outlet", "outlets")}, happened ${day(e.occurredAt)})`);
    out.push(`- **${escapeMarkdown(indicatorLabel(c.indicator))}**: ${c.from} → corroborated, by ${by.join("; ")}`);
  }
  out.push("", "### Flagged stories awaiting review", "");
  const w = b.waiting;
  if (w.total === 0) out.push("No flagged story is awaiting review.");
  else {
    out.push(`${plural(w.total, "flagged story is", "flagged stories are")} awaiting review${w.total > w.items.length ? ` (the ${w.items.length} most important)` : ""}:`, "");
    for (const s of w.items) {
      const flagged = s.events.filter((e) => e.status === "flagged").map((e) => escapeMarkdown(indicatorLabel(e.indicator)));
      out.push(`- ${escapeMarkdown(s.title)} (${s.story.languages.join(" + ") || "?"}, ${plural(s.story.sources, "outlet", "outlets")}, happened ${day(s.occurredAt)}): ${flagged.join(", ")}`);
    }
  }
  return out.join("\n") + "\n";
}

/** How many flagged stories the digest lists by name. */
const WAITING_LISTED = 10;

export async function weeklyDigest(db: Db, isoWeek: string): Promise<string> {
  const range = isoWeekRange(isoWeek);
  if (!range) throw new InvalidWeekError(isoWeek);
  const [events, weekClaims, earlierClaims, evidence, waiting] = await Promise.all([
    allEvents(db, { from: range.start, to: range.end }),
    claimsInWeek(db, { from: range.start, to: range.end }),
    claimsBefore(db, range.start),
    indicatorEvidence(db, { start: range.start, until: range.end }),
    storyQueue(db, { page: 1, limit: WAITING_LISTED }),
  ]);
  return renderDigest(digestBrief({ week: isoWeek, range, events, weekClaims, earlierClaims, evidence, waiting, names: CATALOG_NAMES }));
}
