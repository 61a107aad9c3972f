// Trigger vocabulary and rule scope found missing on independently written text (the demo feeds). The
// sentences here are written for these tests, not copied from the dev set or the demo feeds.
import { describe, expect, it } from "vitest";
import { indicatorIds, rulesOf, run } from "./helpers.ts";

describe("held-out vocabulary", () => {
  it("post-training on domestic hardware is not pre-training evidence", () => {
    const x = run("Kuaishou finished post-training of its Kling model on domestic chips in March.");
    expect(rulesOf(x, "pretraining_on_domestic")).toEqual([]);
    expect(indicatorIds(run("华为表示，该模型的后训练全部在国产芯片上完成。"))).not.toContain("pretraining_on_domestic");
    expect(rulesOf(run("The lab trained its next model on domestic chips."), "pretraining_on_domestic")).toContain("pre.training_on_domestic_compute");
  });
});

describe("chip-maker capital", () => {
  it("'raised' counts only when money is raised, not output or prices", () => {
    expect(indicatorIds(run("SMIC raised wafer output at its Beijing site by a fifth."))).not.toContain("chip_policy_investment");
    expect(rulesOf(run("Cambricon is raising 4 billion yuan in a private placement."), "chip_policy_investment")).toEqual(["invest.chip_maker_capital"]);
  });
});
