// Deterministic synthetic news corpus for the extraction benchmark: ~5 KB articles in a realistic mix. Most
// news is off-topic (general prose, no catalog names); some is tech/business news with a few names; a small
// share is on-topic, with catalog names at about the density of ../shared/research/tagging.md's corpus
// (~15 per article), decoys ("ascend", "Apache Spark", 昆仑山) and stage/indicator trigger phrases.
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
// Everyday news words, including ones the trigger anchors hit (state, new, day, support, run, target ...).
const EN_GENERAL = ("the a of to and in that for on with as by said was were is are it he she they his her city council " +
  "police court judge election vote voters minister president state new day week season team game coach players fans " +
  "weather storm rain school students teachers hospital health doctors patients prices inflation bank rates housing " +
  "support run target local officials government plan would could also more than after before while which their about " +
  "into over people family children festival museum film music report water road traffic rail airport tourism").split(" ");
const ZH_GENERAL = "的一是在了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";

/** Shares of article kinds: off-topic, tech/business with a few names, on-topic. */
export interface CorpusMix { general: number; tech: number; onTopic: number }
export const REALISTIC_MIX: CorpusMix = { general: 0.65, tech: 0.25, onTopic: 0.1 };
export const ON_TOPIC_ONLY: CorpusMix = { general: 0, tech: 0, onTopic: 1 };

const EN_TRIGGERS = ["was pre-trained on", "is deployed on", "runs inference on", "was fine-tuned on", "was trained on",
  "could not complete a training run on", "needs an export licence for", "added to the Entity List", "raised capital in an IPO",
  "plans mass production of", "climbers ascend the ridge", "Apache Spark jobs", "the Atlas V rocket"];
const ZH_CHARS = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
const ZH_TRIGGERS = ["完成预训练", "部署推理", "在国产芯片上训练", "实现量产", "递交上市申请", "翻越昆仑山口", "盘古开天辟地", "后训练", "出口管制"];

/** Per article kind: word source, chance of a catalog name and of a trigger phrase per word (or Han char). */
const KINDS = {
  general: { en: EN_GENERAL, zh: ZH_GENERAL, name: 0, trigger: 0 },
  tech: { en: EN_WORDS, zh: ZH_CHARS, name: 0.0006, trigger: 0.001 },
  onTopic: { en: EN_WORDS, zh: ZH_CHARS, name: 0.017, trigger: 0.01 },
};

/** Builds articles until the UTF-8 size reaches `bytes`. */
export function buildCorpus(catalog: CatalogData, lang: "en" | "zh", bytes: number, seed = 1, mix: CorpusMix = REALISTIC_MIX): Article[] {
  const r = rng(seed);
  const pick = <T>(xs: T[] | string): T => xs[Math.floor(r() * xs.length)] as T;
  const names: string[] = [];
  for (const e of [...catalog.orgs, ...catalog.models, ...catalog.chips]) {
    for (const n of [e.canonical, ...e.aliases]) if (/[\u4e00-\u9fff]/.test(n) === (lang === "zh")) names.push(n);
  }
  const out: Article[] = [];
  let total = 0;
  while (total < bytes) {
    const u = r();
    const kind = KINDS[u < mix.general ? "general" : u < mix.general + mix.tech ? "tech" : "onTopic"];
    const [nameRate, triggerRate] = lang === "zh" ? [kind.name * 0.7, kind.trigger * 0.6] : [kind.name, kind.trigger]; // ZH: per Han char
    const word = () => (r() < nameRate ? pick<string>(names) : r() < triggerRate ? pick<string>(lang === "en" ? EN_TRIGGERS : ZH_TRIGGERS) : pick<string>(lang === "en" ? kind.en : kind.zh));
    let text = "";
    while (Buffer.byteLength(text) < 5000) {
      if (lang === "en") {
        const words: string[] = [];
        for (let i = 0; i < 18; i++) words.push(word());
        const s = words.join(" ");
        text += s[0]!.toUpperCase() + s.slice(1) + ". ";
      } else {
        let s = "";
        for (let i = 0; i < 30; i++) s += word();
        text += s + "。";
      }
    }
    const filler = lang === "en" ? Array.from({ length: 8 }, () => pick<string>(kind.en)).join(" ") : Array.from({ length: 14 }, () => pick<string>(kind.zh)).join("");
    const title = kind === KINDS.general ? filler : kind === KINDS.tech ? `${pick<string>(names)} ${filler}`
      : lang === "en" ? `${pick<string>(names)} ${pick<string>(EN_TRIGGERS)} ${pick<string>(names)}` : `${pick<string>(names)}${pick<string>(ZH_TRIGGERS)}`;
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
