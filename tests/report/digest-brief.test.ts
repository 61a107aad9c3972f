// The digest's decisions over plain data: evidence levels, what is new relative to earlier weeks, which indicators
// became corroborated in the week, and where each novelty is told.
import { describe, expect, it } from "vitest";
import { claimNovelties, type ClaimNames } from "../../src/report/claim-novelty.ts";
import { digestBrief, type DigestInput } from "../../src/report/digest-brief.ts";
import { evidenceLevel } from "../../src/report/evidence-level.ts";
import type { EarlierClaim, IndicatorEvidence, WeekClaim } from "../../src/store/repositories/digest.ts";
import type { EventListItem } from "../../src/store/repositories/events.ts";

const names: ClaimNames = {
  labOf: (subject, type) => (type === "org" ? subject : ({ "GLM-5": "Zhipu AI", "GLM-5.1": "Zhipu AI", "LongCat-2.0": "Meituan", "DeepSeek-V4": "DeepSeek" } as Record<string, string>)[subject] ?? subject),
  chipFamilyOf: (chip) => (chip.startsWith("Huawei Ascend") ? "Huawei Ascend" : chip.startsWith("Cambricon MLU") ? "Cambricon MLU" : chip),
  stageGroup: (stage) => ({ pretraining: "train", training: "train", posttraining: "post", inference: "infer" } as Record<string, string>)[stage] ?? stage,
};

const claim = (subject: string, chip: string, stage: string, at: string, clusterId = 1): WeekClaim => ({ subject, subjectType: "model", chip, stage, modality: "achieved", at, clusterId });
const earlier = (subject: string, chip: string, stage: string): EarlierClaim => ({ subject, subjectType: "model", chip, stage, firstAt: "2026-10-01T00:00:00.000Z" });

describe("evidenceLevel", () => {
  it("is corroborated only by a confirmed event reported by two or more outlets", () => {
    expect(evidenceLevel([])).toBe("unseen");
    expect(evidenceLevel([{ status: "flagged", outlets: 5 }])).toBe("weak");
    expect(evidenceLevel([{ status: "confirmed", outlets: 1 }])).toBe("weak");
    expect(evidenceLevel([{ status: "confirmed", outlets: 1 }, { status: "confirmed", outlets: 2 }])).toBe("corroborated");
  });
});

describe("claimNovelties", () => {
  it("finds the first time a lab uses a chip family for a stage, and the first claim on a specific chip", () => {
    const before = [earlier("GLM-5", "Huawei Ascend 910C", "pretraining"), earlier("DeepSeek-V4", "Cambricon MLU590", "inference")];
    const week = [
      claim("GLM-5.1", "Huawei Ascend 910C", "training", "2026-11-10T00:00:00.000Z"), // Zhipu trained on Ascend before
      claim("LongCat-2.0", "Huawei Ascend 910C", "pretraining", "2026-11-11T00:00:00.000Z", 2),
      claim("LongCat-2.0", "Huawei Ascend 910C", "pretraining", "2026-11-10T08:00:00.000Z", 3), // the earlier report of it
      claim("DeepSeek-V4", "Huawei Ascend 950PR", "inference", "2026-11-12T00:00:00.000Z", 4),
      claim("GLM-5", "Huawei Ascend 910C", "posttraining", "2026-11-12T00:00:00.000Z", 5),
    ];
    const found = claimNovelties(week, before, names).map((n) => (n.kind === "lab-on-chip" ? `lab ${n.lab} ${n.stage} ${n.chipFamily} @${n.claim.clusterId}` : `chip ${n.chip} @${n.claim.clusterId}`));
    expect(found).toEqual(["lab Meituan train Huawei Ascend @3", "lab DeepSeek infer Huawei Ascend @4", "chip Huawei Ascend 950PR @4", "lab Zhipu AI post Huawei Ascend @5"]);
  });

  it("does not call a chip family new", () => {
    expect(claimNovelties([claim("GLM-5", "Huawei Ascend", "pretraining", "2026-11-10T00:00:00.000Z")], [earlier("GLM-5", "Huawei Ascend", "inference")], names).map((n) => n.kind)).toEqual(["lab-on-chip"]);
  });
});

const event = (id: number, indicator: string, status: EventListItem["status"], storyId: number): EventListItem =>
  ({ id, indicator, status, title: `event ${id}`, story: { id: storyId, languages: ["en"], sources: 1 } }) as EventListItem;
const evidence = (eventId: number, indicator: string, status: "confirmed" | "flagged", occurredAt: string, outletsBefore: number, outletsUntil: number): IndicatorEvidence => ({
  eventId, indicator, status, title: `event ${eventId}`, occurredAt, clusterId: eventId, outletsBefore, outletsUntil,
});

describe("digestBrief", () => {
  const week = { start: new Date("2026-11-09T00:00:00Z"), end: new Date("2026-11-16T00:00:00Z") };
  const input = (over: Partial<DigestInput>): DigestInput => ({
    week: "2026-W46", range: week, events: [], weekClaims: [], earlierClaims: [], evidence: [], waiting: { items: [], total: 0, page: 1, limit: 10 }, names, ...over,
  });

  it("lists an indicator as newly corroborated when it was unseen or weak before the week and is corroborated by its end", () => {
    const b = digestBrief(input({
      evidence: [
        // pre-training: confirmed with one outlet before (weak); a confirmed two-outlet story this week
        evidence(1, "pretraining_on_domestic", "confirmed", "2026-10-27T00:00:00.000Z", 1, 1),
        evidence(2, "pretraining_on_domestic", "confirmed", "2026-11-10T00:00:00.000Z", 0, 2),
        // export controls: flagged only, however many outlets
        evidence(3, "export_controls", "flagged", "2026-11-11T00:00:00.000Z", 0, 4),
        // inference: corroborated before the week already
        evidence(4, "inference_on_domestic", "confirmed", "2026-10-20T00:00:00.000Z", 2, 2),
        evidence(5, "inference_on_domestic", "confirmed", "2026-11-12T00:00:00.000Z", 0, 3),
        // capability: an earlier confirmed story whose second outlet reported it this week
        evidence(6, "domestic_chip_capability", "confirmed", "2026-11-06T00:00:00.000Z", 1, 2),
        // policy: unseen before, corroborated now
        evidence(7, "chip_policy_investment", "confirmed", "2026-11-13T00:00:00.000Z", 0, 2),
      ],
    }));
    expect(b.corroborated.map((c) => [c.indicator, c.from, c.by.map((e) => e.eventId)])).toEqual([
      ["pretraining_on_domestic", "weak", [2]],
      ["chip_policy_investment", "unseen", [7]],
      ["domestic_chip_capability", "weak", [6]],
    ]);
  });

  it("tells a novelty under each indicator its story has a reported event for this week, with that event's state", () => {
    const b = digestBrief(input({
      events: [event(1, "pretraining_on_domestic", "confirmed", 3), event(2, "training_migration", "flagged", 3), event(3, "inference_on_domestic", "candidate", 4), event(4, "export_controls", "dismissed", 5)],
      weekClaims: [claim("LongCat-2.0", "Huawei Ascend 910C", "pretraining", "2026-11-10T00:00:00.000Z", 3), claim("DeepSeek-V4", "Huawei Ascend 950PR", "inference", "2026-11-12T00:00:00.000Z", 4)],
    }));
    expect(b.confirmed).toBe(1);
    expect(b.flagged).toBe(1);
    expect(b.indicators.map((s) => [s.indicator, s.confirmed.length, s.flagged.length, s.news.map((n) => `${n.novelty.kind}:${n.status}`)])).toEqual([
      ["pretraining_on_domestic", 1, 0, ["lab-on-chip:confirmed", "new-chip:confirmed"]],
      ["training_migration", 0, 1, ["lab-on-chip:flagged", "new-chip:flagged"]],
    ]);
  });
});
