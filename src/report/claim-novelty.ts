// What is new this week relative to every earlier week, from the claims (by the articles' event dates):
//   - a lab on a chip: the first time an organisation (a model's maker, or the organisation the claim names) is
//     reported training, post-training or serving (stage groups: pre-training and unspecified training are one) on
//     a chip family (Huawei Ascend, Cambricon MLU ...);
//   - a new chip: the first claim of any stage on a specific chip (Huawei Ascend 950PR, not the Ascend family).
// Denied and planned claims count on neither side (the store leaves them out), nor do earlier claims analysts
// dismissed. Pure: the catalog's names come in as functions.
import type { StageGroup } from "../extract/story-facts.ts";
import type { EarlierClaim, WeekClaim } from "../store/repositories/digest.ts";

export interface ClaimNames {
  /** The organisation behind a claim's subject. */
  labOf(subject: string, subjectType: string): string;
  chipFamilyOf(chip: string): string;
  stageGroup(stage: string): StageGroup | string;
}

export type Novelty =
  | { kind: "lab-on-chip"; lab: string; chipFamily: string; stage: string; claim: WeekClaim }
  | { kind: "new-chip"; chip: string; claim: WeekClaim };

/** This week's novelties, each once (its earliest claim this week), in date order. */
export function claimNovelties(week: readonly WeekClaim[], earlier: readonly EarlierClaim[], names: ClaimNames): Novelty[] {
  const labKey = (c: { subject: string; subjectType: string; chip: string; stage: string }) =>
    `${names.labOf(c.subject, c.subjectType)}|${names.chipFamilyOf(c.chip)}|${names.stageGroup(c.stage)}`;
  const seenLabs = new Set(earlier.map(labKey));
  const seenChips = new Set(earlier.map((c) => c.chip));
  const out = new Map<string, Novelty>();
  for (const c of [...week].sort((a, b) => a.at.localeCompare(b.at) || a.subject.localeCompare(b.subject))) {
    const lab = labKey(c);
    if (!seenLabs.has(lab) && !out.has(`l:${lab}`)) {
      out.set(`l:${lab}`, { kind: "lab-on-chip", lab: names.labOf(c.subject, c.subjectType), chipFamily: names.chipFamilyOf(c.chip), stage: String(names.stageGroup(c.stage)), claim: c });
    }
    const specific = names.chipFamilyOf(c.chip) !== c.chip;
    if (specific && !seenChips.has(c.chip) && !out.has(`c:${c.chip}`)) out.set(`c:${c.chip}`, { kind: "new-chip", chip: c.chip, claim: c });
  }
  return [...out.values()];
}
