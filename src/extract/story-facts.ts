// What an article says, reduced to the language-independent facts story linking compares (review/story-link.ts):
// its affirmed claims as (subject, chip family, stage group), its indicators, and the names its title puts first.
// Catalog names are canonical in every language and script, so the English and the Chinese report of one event
// reduce to the same facts whatever their wording. Reports name one product at different depths ("Qwen" in one
// headline, "Qwen3.5" in another; "文心大模型5.1" read as ERNIE), so each product carries its line of families.
import { chipFamilyOf, isGovernment, modelMaker, orgCountry, orgParents, productLine } from "./catalog/lineage.ts";
import { quantities } from "./quantities.ts";
import type { Entity, Extraction, IndicatorId } from "./types.ts";

export interface StoryFacts {
  /** Affirmed claims whose subject or specific chip the title names: `subject|chip family|stage group`. */
  claims: string[];
  indicators: IndicatorId[];
  /** Of those, the ones with evidence in the title: what the headline says happened. Absent in facts stored before
   * it existed (story_keys rows): they count all their indicators as the headline's. */
  titleIndicators?: IndicatorId[];
  /** Models and specific chips (not a whole family) named in the title, including names found by a version pattern
   * that the catalog does not list yet. */
  specific: string[];
  /** Organisations named in the title, the makers of the models it names ("GLM-5.1" names Zhipu AI), and the parents
   * of those ("Kunlunxin" names Baidu: a report may say "Baidu's chip unit Kunlunxin", another only "昆仑芯"). */
  orgs: string[];
  /** Of those, the Chinese ones (catalog country CN): the key players of a domestic story. */
  domesticOrgs: string[];
  /** Every model and chip the title names, with its families, most specific first: ["Qwen3.5-397B-A17B", "Qwen3.5",
   * "Qwen"], ["Huawei Ascend 910C", "Huawei Ascend"]. A family the title names ("Qwen", "昇腾") stands for the members
   * of it that the article names ("Qwen3.5" in the text), when it names any. Absent in facts stored before it existed. */
  products?: { type: "model" | "chip"; line: string[] }[];
  /** Every affirmed claim of the article, its subject with its families: `subject>family|chip family|stage group`.
   * Absent in facts stored before it existed. */
  textClaims?: string[];
  /** What the whole article names and states, as keys that are the same in every language: `g:` a government body,
   * `o:` a Chinese organisation, `f:` any other, `p:` a specific model or chip, `y:` a family, `k:` a vocabulary
   * concept that says what kind of thing happened, `q:` a stated figure (quantities.ts), figures in the order
   * stated. What story linking weighs when a report gives it no claim or headline name to compare. Absent in facts
   * stored before it existed. */
  anchors?: string[];
  /** The headline frames commentary, not a report: an explainer, a Q&A, a column, a question ("can Huawei
   * out-build…?"). Commentary shares a report's names and figures without being its story. */
  commentary?: boolean;
}

/** Concepts (data/lexicon) that say what kind of thing happened: a listing, a licence, smuggling, a subsidy, a state
 * fund, a share sale, results, a fab. The words every report uses (chip, model, train, domestic) say nothing. */
const HAPPENING_CONCEPTS = new Set([
  "export_measure", "licence", "listing", "controlled_item", "control_enforcement", "control_easing", "import_restriction",
  "security_summons", "domestic_only", "domestic_share", "compute_subsidy", "state_fund", "capital_raise", "financial_result",
  "fab", "capability_milestone", "policy_instrument", "cluster_bringup",
]);

/** A headline that labels itself commentary or asks a question. */
const COMMENTARY = /^(?:explainer|analysis|q ?& ?a|opinion|column|comment(?:ary)?|interview|faq|view)\b|^【|[?？]\s*$|^(?:解读|评论|专栏|观点|对话|专访|问答)/i;

/** The anchor key of a named entity (see StoryFacts.anchors). */
function entityAnchor(e: Pick<Entity, "type" | "name" | "discovered">): string {
  if (e.type === "org") return `${isGovernment(e.name) ? "g" : orgCountry(e.name) === "CN" ? "o" : "f"}:${e.name}`;
  const line = productLine(e.type, e.name);
  // A chip family names no one chip; a catalog model with no family above it is itself a line (Doubao, Hunyuan).
  const specific = e.type === "chip" ? line.length > 1 : line.length > 1 || e.discovered === true;
  return `${specific ? "p" : "y"}:${e.name}`;
}

/** The article's anchors: its names, its happening concepts, and the figures it states outside names ("Ascend 960",
 * "GLM-5.1" are names, not figures). `text` is what extraction read: title + separator + body. */
function anchorsOf(extraction: Pick<Extraction, "entities" | "concepts">, text: string): string[] {
  const names = extraction.entities.filter((e) => !(e.discovered && e.type === "org"));
  // Offsets are UTF-16 code units, as split("") cuts them.
  const units = text.split("");
  for (const e of names) units.fill(" ", e.start, e.end);
  const masked = units.join("");
  return [
    ...new Set(names.map(entityAnchor)),
    ...(extraction.concepts ?? []).filter((c) => HAPPENING_CONCEPTS.has(c)).map((c) => `k:${c}`),
    ...quantities(masked).map((q) => `q:${q}`),
  ];
}

/** Pre-training and unspecified training are one stage to a reader ("trained on" in one report is "pre-trained" in another). */
const STAGE_GROUP: Record<string, StageGroup> = { pretraining: "train", training: "train", posttraining: "post", inference: "infer" };
export type StageGroup = "train" | "post" | "infer";
/** A claim's stage as a reader groups it: train (pre-training or unspecified training), post (post-training), infer. */
export const stageGroup = (stage: string): StageGroup | string => STAGE_GROUP[stage] ?? stage;

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** The story facts of one extraction; `titleEnd` is the title's length (offsets below it are in the title), `text`
 * the string extraction read (title + separator + body: its figures; without it, none). */
export function storyFacts(extraction: Pick<Extraction, "entities" | "claims" | "indicators" | "concepts">, titleEnd: number, text = ""): StoryFacts {
  // Discovered organisations are guesses from capitalised words; discovered models and chips follow a catalog
  // family's version pattern, and a new model's name in a headline is what that headline is about.
  const inTitle = extraction.entities.filter((e) => e.start < titleEnd && !(e.discovered && e.type === "org"));
  const lines = (type: "model" | "chip", names: Iterable<string>) => [...new Set(names)].map((name) => ({ type, line: productLine(type, name) }));
  const named = (type: "model" | "chip") => lines(type, extraction.entities.filter((e) => e.type === type).map((e) => e.name));
  const articleProducts = [...named("model"), ...named("chip")];
  const products = lines("model", inTitle.filter((e) => e.type === "model").map((e) => e.name))
    .concat(lines("chip", inTitle.filter((e) => e.type === "chip").map((e) => e.name)))
    .flatMap((p) => {
      // The headline's "Qwen" is the text's "Qwen3.5": a family resolves to the members of it the article names.
      const members = articleProducts.filter((m) => m.type === p.type && m.line.indexOf(p.line[0]!) > 0);
      return members.length > 0 ? members : [p];
    });
  const titleNames = new Set(inTitle.map((e) => e.name));
  const specificChip = (chip: string) => titleNames.has(chip) && chipFamilyOf(chip) !== chip;
  const affirmed = extraction.claims.filter((c) => !c.negated);
  const claim = (subject: string, c: (typeof affirmed)[number]) => `${subject}|${chipFamilyOf(c.chip)}|${stageGroup(c.stage)}`;
  const claims = affirmed.filter((c) => titleNames.has(c.subject) || specificChip(c.chip)).map((c) => claim(c.subject, c));
  const textClaims = affirmed.map((c) => claim(c.subjectType === "model" ? productLine("model", c.subject).join(">") : c.subject, c));
  const titleOrgs = new Set([
    ...inTitle.filter((e) => e.type === "org").map((e) => e.name),
    ...inTitle.flatMap((e) => (e.type === "model" ? (modelMaker(e.name) ?? []) : [])),
  ]);
  const orgs = new Set([...titleOrgs].flatMap((o) => [o, ...orgParents(o)]));
  return {
    claims: sorted(claims),
    indicators: sorted(extraction.indicators.map((i) => i.id)) as IndicatorId[],
    titleIndicators: sorted(extraction.indicators.filter((i) => i.evidence.some((e) => e.start < titleEnd)).map((i) => i.id)) as IndicatorId[],
    specific: sorted(inTitle.filter((e) => e.type === "model" || (e.type === "chip" && chipFamilyOf(e.name) !== e.name)).map((e) => e.name)),
    orgs: sorted(orgs),
    domesticOrgs: sorted(orgs).filter((o) => orgCountry(o) === "CN"),
    products: [...new Map(products.map((p) => [`${p.type}:${p.line[0]}`, p])).values()],
    textClaims: sorted(textClaims),
    anchors: anchorsOf(extraction, text),
    commentary: COMMENTARY.test(text.slice(0, titleEnd).trim()),
  };
}
