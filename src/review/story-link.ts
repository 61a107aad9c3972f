// Story linking: two articles report one story when their extracted content says the same thing, whatever their
// language or wording, within a window of days (SimHash, in the store, still catches copies first):
//   - they make the same claim (subject, chip family, stage group) that their titles lead with, or
//   - their titles name the same specific model or chip (and, when both name organisations, a common one) and they
//     fire a common indicator, or one of them fires none (a launch the extractor read no indicator in), or
//   - they fire a common indicator and their titles name the same set of Chinese organisations (a listing, a
//     placement, results: stories told by who, not what), and both headlines carry that indicator, or, when a
//     headline names only who, both texts make the same claim.
//   - or, when neither says it in a claim or headline name (a policy, a fund, a listing, a crackdown), the whole texts
//     name and state the same specific things: a weighted overlap of their anchors (story-facts.ts: names, figures,
//     what kind of thing happened) with the same figures, or a specific product and the same kind of happening
//     (contentLink). A foreign giant alone (Nvidia) weighs little: it is in most export news.
// Products are compared at the depth each title names them: a family in a title ("Qwen", "昇腾") stands for the
// members the article names (story-facts.ts), and titles naming products of one kind that are neither the same nor
// one a family of the other (DeepSeek-V4-Pro and -Flash) are different stories whatever else they share.
// Measured on the labelled pairs in data/eval/story-pairs.jsonl (tests/review/story-pairs.test.ts).
import type { StoryFacts } from "../extract/story-facts.ts";

export type { StoryFacts };

/** Articles further apart than this (by event date) are never one story. */
export const STORY_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export type LinkReason = "claim" | "names" | "indicator+names" | "indicator+orgs" | "content";

type Product = NonNullable<StoryFacts["products"]>[number];

const meets = <T>(a: readonly T[], b: readonly T[]): boolean => a.some((x) => b.includes(x));
const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** What the headline says happened: the indicators with evidence in the title (facts stored before titleIndicators
 * existed count all theirs). */
const headline = (f: StoryFacts): readonly string[] => f.titleIndicators ?? f.indicators;

/** `subject>family|chip family|stage` -> its parts. */
function parseClaim(c: string): { line: string[]; rest: string } {
  const bar = c.indexOf("|");
  return { line: c.slice(0, bar).split(">"), rest: c.slice(bar) };
}

/** Both texts make one claim: the same chip family and stage, subjects the same or one a family of the other
 * ("GLM-5.1" and "GLM-5.1", "iFlytek Spark X2" and "iFlytek Spark"). */
function textsAgree(a: StoryFacts, b: StoryFacts): boolean {
  const cb = (b.textClaims ?? []).map(parseClaim);
  return (a.textClaims ?? []).map(parseClaim).some((x) => cb.some((y) => x.rest === y.rest && (x.line.includes(y.line[0]!) || y.line.includes(x.line[0]!))));
}

/** What both articles say happened: an indicator both headlines carry; when a headline names only who
 * ("智谱新模型后训练告别英伟达", "Hefei's iFlytek claims a first"), the same claim in both texts. */
function sameHappening(a: StoryFacts, b: StoryFacts): boolean {
  if (meets(headline(a), headline(b))) return true;
  const quiet = (f: StoryFacts) => f.titleIndicators !== undefined && f.titleIndicators.length === 0;
  return (quiet(a) || quiet(b)) && textsAgree(a, b);
}

/** The title's products; facts stored before products existed know their specific names only. */
const productsOf = (f: StoryFacts): Product[] =>
  f.products ?? f.specific.map((name) => ({ type: "model" as const, line: [name] }));

/** One product named at two depths: the same, or one a family of the other ("Qwen" and "Qwen3.5"). */
const nested = (p: Product, q: Product): boolean => p.type === q.type && (p.line.includes(q.line[0]!) || q.line.includes(p.line[0]!));
/** A whole chip family ("Huawei Ascend") names no one product; a model family ("Doubao") is a product line. */
const specificOf = (p: Product): boolean => p.line.length > 1 || p.type === "model";

/**
 * How the two titles' products relate: "same" when both name one specific product, "conflict" when both name
 * products of one kind (models, or chips) and none of one title's is, or is a family of, one of the other's
 * (DeepSeek-V4-Pro and DeepSeek-V4-Flash; GLM-5 and LongCat), else "none".
 */
function productRelation(a: StoryFacts, b: StoryFacts): "same" | "conflict" | "none" {
  const pa = productsOf(a);
  const pb = productsOf(b);
  for (const type of ["model", "chip"] as const) {
    const ta = pa.filter((p) => p.type === type);
    const tb = pb.filter((p) => p.type === type);
    if (ta.length > 0 && tb.length > 0 && !ta.some((p) => tb.some((q) => nested(p, q)))) return "conflict";
  }
  return pa.some((p) => specificOf(p) && pb.some((q) => q.type === p.type && q.line[0] === p.line[0])) ? "same" : "none";
}

/** How specific an anchor is: how unlikely two unrelated reports of one week are to share it. A government body, a
 * specific product and a large amount are rare; a foreign giant (Nvidia, named in most export news), a family
 * (Ascend), a small count or a happening concept are common. */
function anchorWeight(anchor: string): number {
  switch (anchor.slice(0, 2)) {
    case "g:":
    case "p:":
      return 1.5;
    case "o:":
      return 1;
    case "f:":
      return 0.25;
    case "q:":
      return figureWeight(anchor.slice(2));
    default:
      return 0.5;
  }
}

/** A figure's weight (quantities.ts keys): counts up to twelve and round percentages recur; amounts rarely do. */
function figureWeight(q: string): number {
  const colon = q.indexOf(":");
  const kind = q.slice(0, colon);
  const value = Number(q.slice(colon + 1));
  if (kind === "n") return value <= 12 ? 0.5 : value >= 1e6 ? 1.5 : 1;
  if (kind === "%") return value % 10 === 0 ? 0.75 : 1;
  if (kind === "d") return 0.75;
  return 1;
}

/** How many of the figures a report states first (title, lead: its key figures) the story index keys. */
const LEAD_FIGURES = 8;
const isFigure = (anchor: string) => anchor.startsWith("q:");
/** What content links are looked up by in the story index: anchors few reports of one week share (a government
 * body, a specific product, a lead figure other than a small count). A content link shares one of them. */
function keyAnchors(f: StoryFacts): string[] {
  const anchors = f.anchors ?? [];
  const lead = anchors.filter(isFigure).slice(0, LEAD_FIGURES).filter((q) => figureWeight(q.slice(2)) > 0.5);
  return [...anchors.filter((x) => x.startsWith("g:") || x.startsWith("p:")), ...lead];
}
const sum = (anchors: Iterable<string>) => [...anchors].reduce((s, x) => s + anchorWeight(x), 0);

/** Shared anchor weight needed, and the share of the smaller article's weight it must be (a long analysis shares
 * much with any report of its subject, and little of itself). */
const CONTENT_MIN = 2.5;
const CONTENT_SHARE = 0.5;

/**
 * Two reports that say the same thing in different words and name nothing the other rules compare (a policy, a fund,
 * an entity listing, a smuggling crackdown): their anchors overlap by weight, they share a key anchor (a government
 * body, a specific product, a lead figure), and what they share is specific to the story: the same figures (amounts,
 * shares, dates), at least half of those of either, or a specific product and the same kind of happening. Never when
 * either is commentary, their headlines' products or Chinese organisations differ, or their texts make claims and
 * none agrees.
 */
function contentLink(a: StoryFacts, b: StoryFacts, products: "same" | "conflict" | "none"): boolean {
  if (!a.anchors || !b.anchors || a.commentary || b.commentary || products === "conflict") return false;
  if (a.domesticOrgs.length > 0 && b.domesticOrgs.length > 0 && !meets(a.domesticOrgs, b.domesticOrgs)) return false;
  if ((a.textClaims ?? []).length > 0 && (b.textClaims ?? []).length > 0 && !textsAgree(a, b)) return false;
  const inB = new Set(b.anchors);
  const shared = a.anchors.filter((x) => inB.has(x));
  const weight = sum(shared);
  if (weight < CONTENT_MIN || weight < CONTENT_SHARE * Math.min(sum(a.anchors), sum(b.anchors))) return false;
  if (!meets(keyAnchors(a), keyAnchors(b))) return false;
  const figures = sum(shared.filter(isFigure));
  if (figures > 0 && figures >= 0.5 * Math.min(sum(a.anchors.filter(isFigure)), sum(b.anchors.filter(isFigure)))) return true;
  return shared.some((x) => x.startsWith("p:")) && shared.some((x) => x.startsWith("k:"));
}

/** Why two articles are one story, or null when their content does not say so. */
export function linkReason(a: StoryFacts, b: StoryFacts): LinkReason | null {
  if (meets(a.claims, b.claims)) return "claim";
  const products = productRelation(a, b);
  const orgsAgree = a.orgs.length === 0 || b.orgs.length === 0 || meets(a.orgs, b.orgs);
  if (products === "same" && orgsAgree && (a.indicators.length === 0 || b.indicators.length === 0)) return "names";
  if (meets(a.indicators, b.indicators) && products !== "conflict") {
    if (products === "same" && orgsAgree) return "indicator+names";
    // Told by who, not what: the same organisations, and the same thing happening to them (an article that only
    // mentions the org's other news in its body is another story).
    if (a.domesticOrgs.length > 0 && sameSet(a.domesticOrgs, b.domesticOrgs) && sameHappening(a, b)) return "indicator+orgs";
  }
  return contentLink(a, b, products) ? "content" : null;
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
  const specific = productsOf(f).filter(specificOf).map((p) => p.line[0]!);
  for (const name of specific) keys.push(`p:${name}`);
  const names = new Set([...f.specific, ...specific]);
  for (const indicator of f.indicators) {
    for (const name of names) keys.push(`n:${indicator}|${name}`);
    if (f.domesticOrgs.length > 0) keys.push(`o:${indicator}|${f.domesticOrgs.join(",")}`);
  }
  for (const anchor of keyAnchors(f)) keys.push(`a:${anchor}`);
  return keys;
}

/** Facts with nothing to link by: such an article founds its own story unless it is a copy. */
export const hasStoryFacts = (f: StoryFacts): boolean => storyKeys(f).length > 0;
