// The weekly digest: per indicator, the confirmed and still-flagged events that happened (event date: earliest published source) in one ISO week, with their
// sources, as Markdown for mail or a wiki. Titles come from feeds, so Markdown syntax in them is escaped and only
// http(s) URLs become links.
import type { Db } from "../store/db.ts";
import { allEvents, type EventListItem } from "../store/repositories/events.ts";
import { storyQueue } from "../store/repositories/story-queue.ts";
import { INDICATOR_IDS, indicatorLabel } from "./indicator-labels.ts";
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
  const isNew = e.novel ? " — **new**: the first claim of its kind chipwatch has seen" : "";
  const lines = [`- **${escapeMarkdown(e.title)}** (${e.status}, score ${e.score.toFixed(2)}, ${outlets}, happened ${e.occurredAt.slice(0, 10)})${claim}${isNew}`];
  for (const s of e.sources) {
    const when = s.publishedAt ? `, ${s.publishedAt.slice(0, 10)}` : "";
    lines.push(`  - ${markdownLink(s.title || s.url, s.url)} — ${escapeMarkdown(s.feed)}${when}`);
  }
  return lines;
}

export class InvalidWeekError extends Error {
  constructor(week: string) {
    super(`not an ISO week: ${week} (expected YYYY-Www)`);
    this.name = "InvalidWeekError";
  }
}

export async function weeklyDigest(db: Db, isoWeek: string): Promise<string> {
  const range = isoWeekRange(isoWeek);
  if (!range) throw new InvalidWeekError(isoWeek);
  const events = (await allEvents(db, { from: range.start, to: range.end })).filter(
    (e) => e.status === "confirmed" || e.status === "flagged",
  );
  const out = [
    `# chipwatch digest ${isoWeek}`,
    "",
    `Events that happened ${range.start.toISOString().slice(0, 10)} to ${new Date(range.end.getTime() - 1).toISOString().slice(0, 10)} (UTC): ` +
      `${events.filter((e) => e.status === "confirmed").length} confirmed, ${events.filter((e) => e.status === "flagged").length} awaiting review.`,
  ];
  const ids = [...new Set<string>([...INDICATOR_IDS, ...events.map((e) => e.indicator)])];
  for (const id of ids) {
    const mine = events.filter((e) => e.indicator === id);
    if (mine.length === 0) continue;
    out.push("", `## ${escapeMarkdown(indicatorLabel(id))}`);
    for (const [status, heading] of [
      ["confirmed", "Confirmed"],
      ["flagged", "Flagged, not yet reviewed"],
    ] as const) {
      const group = mine.filter((e) => e.status === status);
      if (group.length === 0) continue;
      out.push("", `### ${heading}`, "", ...group.flatMap(eventBlock));
    }
  }
  if (events.length === 0) out.push("", "No confirmed or flagged events this week.");
  const waiting = await storyQueue(db, { page: 1, limit: 10 });
  out.push("", "## What to watch next", "");
  if (waiting.total === 0) out.push("No flagged story is awaiting review.");
  else {
    out.push(`${waiting.total} flagged stor${waiting.total === 1 ? "y is" : "ies are"} awaiting review${waiting.total > 10 ? " (the 10 most important)" : ""}:`, "");
    for (const s of waiting.items) {
      const flagged = s.events.filter((e) => e.status === "flagged").map((e) => escapeMarkdown(indicatorLabel(e.indicator)));
      out.push(`- ${escapeMarkdown(s.title)} (${s.story.languages.join(" + ") || "?"}, ${s.story.sources} outlet${s.story.sources === 1 ? "" : "s"}): ${flagged.join(", ")}`);
    }
  }
  return out.join("\n") + "\n";
}
