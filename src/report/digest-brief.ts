// The weekly digest as an analyst's brief, decided over data (pure; store/repositories/digest.ts and the event and
// queue repositories load it, digest.ts renders it):
//   - per indicator: the events that happened in the week (event date), confirmed ones and those awaiting review,
//     each with its story's outlets and languages; and what is new relative to every earlier week (claim-novelty.ts:
//     a lab on a chip family for the first time, the first claim on a chip), under each indicator the novelty's
//     story has an event for this week;
//   - what to watch next: the indicators whose evidence level (evidence-level.ts) went from unseen or weak before the
//     week to corroborated by its end, with the events that did it; and the flagged stories still awaiting review.
import type { StoryQueuePage } from "../store/repositories/story-queue.ts";
import type { EarlierClaim, IndicatorEvidence, WeekClaim } from "../store/repositories/digest.ts";
import type { EventListItem } from "../store/repositories/events.ts";
import { claimNovelties, type ClaimNames, type Novelty } from "./claim-novelty.ts";
import { corroborates, evidenceLevel, type EvidenceLevel } from "./evidence-level.ts";
import { INDICATOR_IDS } from "./indicator-labels.ts";

export interface DigestInput {
  week: string;
  range: { start: Date; end: Date };
  /** The events that happened in the week (any status). */
  events: readonly EventListItem[];
  weekClaims: readonly WeekClaim[];
  earlierClaims: readonly EarlierClaim[];
  /** Confirmed and flagged events that happened before the week's end. */
  evidence: readonly IndicatorEvidence[];
  /** The review queue's first page (flagged stories, most important first). */
  waiting: StoryQueuePage;
  names: ClaimNames;
}

export interface IndicatorNews {
  novelty: Novelty;
  /** The review state of the indicator's event in the novelty's story. */
  status: "confirmed" | "flagged";
}

export interface IndicatorBrief {
  indicator: string;
  confirmed: EventListItem[];
  flagged: EventListItem[];
  news: IndicatorNews[];
}

export interface CorroboratedIndicator {
  indicator: string;
  from: Exclude<EvidenceLevel, "corroborated">;
  /** The events that corroborate it now and did not before the week. */
  by: IndicatorEvidence[];
}

export interface DigestBrief {
  week: string;
  range: { start: Date; end: Date };
  confirmed: number;
  flagged: number;
  indicators: IndicatorBrief[];
  corroborated: CorroboratedIndicator[];
  waiting: StoryQueuePage;
}

/** Known indicators in their usual order, then any others the data has. */
const indicatorOrder = (ids: Iterable<string>): string[] => [...new Set<string>([...INDICATOR_IDS, ...ids])];

function newlyCorroborated(evidence: readonly IndicatorEvidence[], start: Date): CorroboratedIndicator[] {
  const startIso = start.toISOString();
  const before = (e: IndicatorEvidence) => e.occurredAt < startIso;
  const out: CorroboratedIndicator[] = [];
  for (const indicator of indicatorOrder(evidence.map((e) => e.indicator))) {
    const mine = evidence.filter((e) => e.indicator === indicator);
    const was = evidenceLevel(mine.filter(before).map((e) => ({ status: e.status, outlets: e.outletsBefore })));
    const now = evidenceLevel(mine.map((e) => ({ status: e.status, outlets: e.outletsUntil })));
    if (was === "corroborated" || now !== "corroborated") continue;
    const by = mine.filter((e) => corroborates({ status: e.status, outlets: e.outletsUntil }) && !(before(e) && corroborates({ status: e.status, outlets: e.outletsBefore })));
    out.push({ indicator, from: was, by });
  }
  return out;
}

export function digestBrief(input: DigestInput): DigestBrief {
  const reported = input.events.filter((e) => e.status === "confirmed" || e.status === "flagged");
  const novelties = claimNovelties(input.weekClaims, input.earlierClaims, input.names);
  const indicators = indicatorOrder(reported.map((e) => e.indicator)).flatMap((indicator): IndicatorBrief[] => {
    const mine = reported.filter((e) => e.indicator === indicator);
    const news = novelties.flatMap((novelty): IndicatorNews[] => {
      const event = mine.find((e) => e.story.id === novelty.claim.clusterId);
      return event ? [{ novelty, status: event.status as IndicatorNews["status"] }] : [];
    });
    const brief = { indicator, confirmed: mine.filter((e) => e.status === "confirmed"), flagged: mine.filter((e) => e.status === "flagged"), news };
    return mine.length > 0 ? [brief] : [];
  });
  return {
    week: input.week,
    range: input.range,
    confirmed: reported.filter((e) => e.status === "confirmed").length,
    flagged: reported.filter((e) => e.status === "flagged").length,
    indicators,
    corroborated: newlyCorroborated(input.evidence, input.range.start),
    waiting: input.waiting,
  };
}
