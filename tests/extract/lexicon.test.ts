// The indicator vocabulary as data (data/lexicon): validation at load, form expansion, and matching through
// the catalog's automaton in English, simplified and traditional Chinese, with look-alikes suppressed.
import { describe, expect, it } from "vitest";
import { expandTerm } from "../../src/extract/concepts/schema.ts";
import { LEXICON_FILES, loadLexicon, parseLexicon } from "../../src/extract/concepts/load.ts";
import { compileCatalog } from "../../src/extract/compile.ts";
import { loadCatalog } from "../../src/extract/catalog/load.ts";
import { AnchorHits, BreakHits, ConceptHits, findMentions } from "../../src/extract/match.ts";
import { RULES } from "../../src/extract/indicators/rules.ts";

const lexicon = loadLexicon();
const compiled = compileCatalog(loadCatalog(), lexicon);
const hits = new ConceptHits(compiled.conceptCount);

/** The concepts found in a text, each with the surface it matched. */
function concepts(text: string): string[] {
  findMentions(compiled, text, new AnchorHits(), new BreakHits(), hits);
  const out: string[] = [];
  for (let k = 0; k < hits.length; k++) out.push(`${lexicon.concepts[hits.concepts[k]!]!.id}=${text.slice(hits.starts[k], hits.ends[k])}`);
  return out;
}
const has = (text: string, id: string) => concepts(text).some((c) => c.startsWith(`${id}=`));

const file = (concepts: unknown[]) => ({ file: "lexicon", area: "test", concepts });
const concept = (extra: Record<string, unknown>) => ({ id: "x", description: "d", en: ["a"], ...extra });

describe("lexicon files", () => {
  it("load and validate: unique ids, known indicators, no unknown fields", () => {
    expect(lexicon.concepts.length).toBeGreaterThan(30);
    expect(() => parseLexicon({ "a.json": file([concept({}), concept({})]) })).toThrow(/defined twice/);
    expect(() => parseLexicon({ "a.json": file([concept({ serves: ["exports"] })]) })).toThrow(/a\.json/);
    expect(() => parseLexicon({ "a.json": file([concept({ weight: 1 })]) })).toThrow(/a\.json/);
    expect(() => parseLexicon({ "a.json": file([concept({ en: ["(a|b"] })]) })).toThrow(/group/);
    expect(() => parseLexicon({ "a.json": file([concept({ en: [], zh_hans: [] })]) })).toThrow(/at least one form/);
    expect(() => parseLexicon({ "a.json": file([concept({ id: "Bad-Id" })]) })).toThrow();
  });

  it("expand (a|b|) groups and keep single spaces", () => {
    expect(expandTerm("(domestic|home-grown) (|AI )chip")).toEqual(["domestic chip", "domestic AI chip", "home-grown chip", "home-grown AI chip"]);
    expect(() => expandTerm("(a|b|c|d|e) (a|b|c|d|e) (a|b|c|d|e)", 100)).toThrow(/more than 100/);
  });

  it("every concept is used by a rule, and every rule's concepts exist", () => {
    const used = new Set<number>();
    for (const r of RULES) {
      for (const s of r.specs ?? []) {
        for (const it of [...s.in, ...s.near, ...s.doc, ...s.none]) for (const c of it.concepts) used.add(c);
        if (s.seq) {
          used.add(s.seq.concept);
          for (const c of s.seq.then.concepts) used.add(c);
        }
        if (s.notHypothetical !== undefined) used.add(s.notHypothetical).add(lexicon.index.get("hypothetical")!);
      }
    }
    const unused = lexicon.concepts.filter((c) => !used.has(c.index)).map((c) => c.id);
    expect(unused).toEqual([]);
    expect(Object.keys(LEXICON_FILES).length).toBe(lexicon.files.length);
  });
});

describe("concept matching through the automaton", () => {
  it("English forms on word boundaries, with plurals and prefix stems", () => {
    expect(has("The US tightened export controls on HBM.", "export_measure")).toBe(true);
    // A prospectus cited as a source of facts is not a share sale; filing one is.
    expect(has("公司客户集中度较高的风险在招股书中已有提示。", "capital_raise")).toBe(false);
    expect(has("According to its prospectus, the company sells most of its cards to two customers.", "capital_raise")).toBe(false);
    expect(has("摩尔线程科创板IPO获受理，招股书显示拟募资80亿元。", "capital_raise")).toBe(true);
    expect(has("It needs an export licence for each shipment.", "licence")).toBe(true);
    expect(has("The firm filed licensing requirements for ...", "licence")).toBe(true);
    expect(has("Nvidia was told the chips require licenses.", "licence")).toBe(true);
    expect(has("the trainee was late", "training_word")).toBe(false);
    expect(has("Retrained nothing", "training_word")).toBe(false);
    expect(has("The model was pre-trained on 10T tokens.", "training_word")).toBe(true);
  });

  it("simplified, traditional and regional Chinese forms", () => {
    expect(has("该模型在国产算力上完成训练", "domestic_compute")).toBe(true);
    expect(has("該模型在國產算力上完成訓練", "domestic_compute")).toBe(true);
    expect(has("該模型在國產算力上完成訓練", "training_word")).toBe(true);
    expect(has("採用國產AI晶片進行推論", "domestic_compute")).toBe(true);
    expect(has("採用國產AI晶片進行推論", "inference_word")).toBe(true);
    expect(has("美國收緊對華出口管制", "export_measure")).toBe(true);
    expect(has("輝達H20須取得出口許可證", "licence")).toBe(true);
    expect(has("公司已開始量產，良率提升", "capability_milestone")).toBe(true);
  });

  it("look-alikes suppress the concept they contain", () => {
    expect(has("昇腾CANN训练营第二季开营", "training_word")).toBe(false);
    expect(has("DeepSeek-R1是一款推理模型", "inference_word")).toBe(false);
    expect(has("The company kept its competitive edge.", "compact")).toBe(false);
    expect(has("The model was post-trained with RL.", "training_word")).toBe(false);
    expect(has("中方宣布镓锗锑出口管制", "export_measure")).toBe(false);
    expect(has("美方宣布新的出口管制", "export_measure")).toBe(true);
    expect(has("The bond yield rose.", "capability_milestone")).toBe(false);
    expect(has("Yields of the 7nm line rose.", "capability_milestone")).toBe(true);
  });
});
