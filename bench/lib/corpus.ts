// Deterministic synthetic news corpus for the extraction benchmark: ~5 KB articles of filler prose with
// catalog names at about the density of ../shared/research/tagging.md's corpus (~15 per article), decoys ("ascend", "Apache Spark", 昆仑山) and stage/indicator trigger phrases mixed in.
import type { CatalogData } from "../../src/extract/catalog/schema.ts";

export interface Article { title: string; text: string }

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

const EN_WORDS = ("the a of to and in that for on with as by said company market year new its from at chip model training " +
  "data cloud reported analysts people familiar matter quarter revenue shares billion percent sources plan government " +
  "would could also more than after before while which their about into over under between demand supply capacity " +
  "industry engineers software hardware cluster servers export rules officials customers investors researchers").split(" ");
const EN_TRIGGERS = ["was pre-trained on", "is deployed on", "runs inference on", "was fine-tuned on", "was trained on",
  "could not complete a training run on", "needs an export licence for", "added to the Entity List", "raised capital in an IPO",
  "plans mass production of", "climbers ascend the ridge", "Apache Spark jobs", "the Atlas V rocket"];
const ZH_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
const ZH_TRIGGERS = ["完成预训练", "部署推理", "在国产芯片上训练", "实现量产", "递交上市申请", "翻越昆仑山口", "盘古开天辟地", "后训练", "出口管制"];

/** Builds articles until the UTF-8 size reaches `bytes`. */
export function buildCorpus(catalog: CatalogData, lang: "en" | "zh", bytes: number, seed = 1): Article[] {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const names: string[] = [];
  for (const e of [...catalog.orgs, ...catalog.models, ...catalog.chips]) {
    for (const n of [e.canonical, ...e.aliases]) if (/[\u4e00-\u9fff]/.test(n) === (lang === "zh")) names.push(n);
  }
  const out: Article[] = [];
  let total = 0;
  while (total < bytes) {
    let text = "";
    while (Buffer.byteLength(text) < 5000) {
      if (lang === "en") {
        const words: string[] = [];
        for (let i = 0; i < 18; i++) words.push(r() < 0.017 ? pick(names) : r() < 0.01 ? pick(EN_TRIGGERS) : pick(EN_WORDS));
        const s = words.join(" ");
        text += s[0]!.toUpperCase() + s.slice(1) + ". ";
      } else {
        let s = "";
        for (let i = 0; i < 30; i++) s += r() < 0.012 ? pick(names) : r() < 0.006 ? pick(ZH_TRIGGERS) : ZH_CHARS[Math.floor(r() * ZH_CHARS.length)];
        text += s + "。";
      }
    }
    const title = lang === "en" ? `${pick(names)} ${pick(EN_TRIGGERS)} ${pick(names)}` : `${pick(names)}${pick(ZH_TRIGGERS)}`;
    out.push({ title, text });
    total += Buffer.byteLength(title) + Buffer.byteLength(text);
  }
  return out;
}

/** All catalog names (aliases included), for the naive baseline. */
export function allAliases(catalog: CatalogData): string[] {
  const out = new Set<string>();
  for (const e of [...catalog.orgs, ...catalog.models, ...catalog.chips]) for (const n of [e.canonical, ...e.aliases, ...e.context_aliases]) out.add(n);
  return [...out];
}
