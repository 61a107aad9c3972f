import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/extract/catalog/load.ts";
import { applyOverlay, checkEdit } from "../../src/teach/overlay.ts";
import { patchCatalogFiles } from "../../src/teach/overlay-export.ts";

describe("catalog overlay", () => {
  const base = loadCatalog();

  it("adds aliases to entries and new entries with the file schema's defaults", () => {
    const c = applyOverlay(base, [
      { kind: "entry", type: "chip", name: "Zhonghao Xinying Chana", domestic: true },
      { kind: "alias", type: "chip", name: "Zhonghao Xinying Chana", alias: "刹那" },
      { kind: "alias", type: "org", name: "Huawei", alias: "Huawei Technologies Co" },
    ]);
    const chana = c.chips.find((e) => e.canonical === "Zhonghao Xinying Chana")!;
    expect(chana).toMatchObject({ aliases: ["刹那"], domestic: true, family: "Zhonghao Xinying Chana", vendor: "", context_aliases: [] });
    expect(c.orgs.find((o) => o.canonical === "Huawei")!.aliases).toContain("Huawei Technologies Co");
    // The base is not modified.
    expect(base.chips.some((e) => e.canonical === "Zhonghao Xinying Chana")).toBe(false);
  });

  it("refuses duplicates and unknown names, and skips an edit that no longer applies", () => {
    expect(checkEdit(base, { kind: "alias", type: "chip", name: "Nope", alias: "x" })).toMatch(/no chip named/);
    expect(checkEdit(base, { kind: "alias", type: "chip", name: "Huawei Ascend", alias: "ascend npu" })).toMatch(/already/);
    expect(checkEdit(base, { kind: "entry", type: "model", name: "x", org: "Nobody" })).toMatch(/not in the catalog/);
    const twice = applyOverlay(base, [
      { kind: "alias", type: "org", name: "Huawei", alias: "HW Tech" },
      { kind: "alias", type: "org", name: "Huawei", alias: "HW Tech" },
    ]);
    expect(twice.orgs.find((o) => o.canonical === "Huawei")!.aliases.filter((a) => a === "HW Tech")).toHaveLength(1);
  });

  it("exports the edits into the catalog files' own format", () => {
    const files = {
      org: JSON.stringify({ type: "org", entries: [{ canonical: "Huawei", aliases: ["华为"] }] }, null, 1) + "\n",
      model: JSON.stringify({ type: "model", entries: [] }, null, 1) + "\n",
      chip: JSON.stringify({ type: "chip", entries: [] }, null, 1) + "\n",
    };
    const out = patchCatalogFiles(files, [
      { kind: "alias", type: "org", name: "Huawei", alias: "華為" },
      { kind: "entry", type: "chip", name: "Zhonghao Xinying Chana", aliases: ["Chana TPU"], domestic: true },
    ]);
    expect(out.model).toBeUndefined();
    expect(JSON.parse(out.org!)).toEqual({ type: "org", entries: [{ canonical: "Huawei", aliases: ["华为", "華為"] }] });
    expect(JSON.parse(out.chip!).entries).toEqual([{ canonical: "Zhonghao Xinying Chana", vendor: "", family: "Zhonghao Xinying Chana", domestic: true, aliases: ["Chana TPU"] }]);
    expect(out.chip!.endsWith("}\n")).toBe(true);
    expect(out.chip).toContain('\n "entries"');
  });
});
