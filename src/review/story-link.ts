// Story linking: two articles report one story when their extracted content says the same thing, whatever their
// language or wording, within a window of days (SimHash, in the store, still catches copies first):
//   - they make the same claim (subject, chip family, stage group) that their titles lead with, or
//   - they fire a common indicator and their titles name the same model or specific chip (and, when both name
//     organisations, a common one), or
//   - they fire a common indicator and their titles name the same set of Chinese organisations, with no
//     conflicting model or chip (a listing, a placement, results: stories told by who, not what).
// Measured on the labelled pairs in data/eval/story-pairs.jsonl (tests/review/story-pairs.test.ts).
import type { StoryFacts } from "../extract/story-facts.ts";

export type { StoryFacts };

/** Articles further apart than this (by event date) are never one story. */
export const STORY_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export type LinkReason = "claim" | "indicator+names" | "indicator+orgs";

const meets = <T>(a: readonly T[], b: readonly T[]): boolean => a.some((x) => b.includes(x));
const headline = (f: StoryFacts): readonly string[] => f.titleIndicators ?? f.indicators;
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Why two articles are one story, or null when their content does not say so. */
export function linkReason(a: StoryFacts, b: StoryFacts): LinkReason | null {
  if (meets(a.claims, b.claims)) return "claim";
  if (!meets(a.indicators, b.indicators)) return null;
  const orgsAgree = a.orgs.length === 0 || b.orgs.length === 0 || meets(a.orgs, b.orgs);
  if (meets(a.specific, b.specific) && orgsAgree) return "indicator+names";
  const noConflict = a.specific.length === 0 || b.specific.length === 0 || meets(a.specific, b.specific);
  // Told by who, not what: the same organisations and an indicator that both headlines carry (an article that only
  // mentions the org's other news in its body is another story).
  if (a.domesticOrgs.length > 0 && sameSet(a.domesticOrgs, b.domesticOrgs) && noConflict && meets(headline(a), headline(b))) return "indicator+orgs";
  return null;
}

/** Whether two event dates are within the story window of each other. */
export function withinStoryWindow(a: Date, b: Date, days = STORY_WINDOW_DAYS): boolean {
  return Math.abs(a.getTime() - b.getTime()) <= days * DAY_MS;
}

/** Two dated articles are one story: linked by content and within the window. */
export function sameStory(a: { facts: StoryFacts; at: Date }, b: { facts: StoryFacts; at: Date }): LinkReason | null {
  return withinStoryWindow(a.at, b.at) ? linkReason(a.facts, b.facts) : null;
}

/**
 * Lookup keys for the store's index: two articles that linkReason links share at least one key (the converse need
 * not hold; candidates found by key are confirmed with linkReason).
 */
export function storyKeys(f: StoryFacts): string[] {
  const keys = f.claims.map((c) => `c:${c}`);
  for (const indicator of f.indicators) {
    for (const name of f.specific) keys.push(`n:${indicator}|${name}`);
    if (f.domesticOrgs.length > 0) keys.push(`o:${indicator}|${f.domesticOrgs.join(",")}`);
  }
  return keys;
}

/** Facts with nothing to link by: such an article founds its own story unless it is a copy. */
export const hasStoryFacts = (f: StoryFacts): boolean => storyKeys(f).length > 0;
