// Deterministic synthetic news articles for load tests: realistic length and vocabulary, about one in five relevant
// (a Chinese lab, model and domestic chip in one claim), the rest ordinary technology news. Every article is a
// distinct story: its sentences are drawn word by word from a seeded generator, so syndication detection (SimHash)
// does not fold the whole corpus into a handful of stories, as it would with a few fixed filler sentences.
const LABS = ["Zhipu AI", "DeepSeek", "Moonshot AI", "Baidu", "Alibaba Cloud", "iFlytek", "MiniMax", "StepFun"];
const MODELS = ["GLM-4.5", "DeepSeek-V3", "Kimi K2", "ERNIE 4.5", "Qwen3", "Spark X1", "MiniMax-M1", "Step-2"];
const CHIPS = ["Huawei Ascend 910B", "Ascend 910C", "Cambricon MLU370", "Hygon DCU", "Kunlunxin P800", "Ascend 310"];
const STAGES = ["pre-trained", "fine-tuned", "trained with reinforcement learning", "deployed for inference"];
const TOPICS = [
  "smartphone shipments",
  "data-centre power prices",
  "a cloud outage",
  "electric vehicle batteries",
  "satellite broadband",
  "open-source databases",
  "quarterly earnings",
  "a browser update",
];
const FILLER = [
  "Analysts said the figures were broadly in line with expectations, although several cautioned that the second half of the year would be harder to read.",
  "The company declined to give a timetable, saying only that more details would follow at its developer conference later in the quarter.",
  "Industry observers noted that supply constraints had eased compared with last year, while demand from enterprise customers stayed strong.",
  "Regulators have asked for more information, and a spokesperson said the firm was cooperating fully with the review.",
  "Competitors are expected to respond with price cuts of their own, which could squeeze margins across the sector.",
  "Engineers familiar with the project said the hardest part had been the software, not the silicon, and that tooling had improved markedly.",
];

const WORDS = [...new Set(FILLER.join(" ").toLowerCase().replace(/[^a-z\s-]/g, "").split(/\s+/).concat(
  "market growth revenue chip demand server network storage software release customers pricing forecast shares board",
  "quarter factory plant capacity memory battery display camera sensor launch partner contract deal government agency",
  "report survey study data security privacy update version platform service users growth decline profit loss team",
  "city region province national global europe asia america investors bank fund startup founder executive officer",
).join(" ").split(/\s+/))].filter(Boolean);

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sentence(next: () => number): string {
  const words = Array.from({ length: 12 + Math.floor(next() * 14) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  const text = words.join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

export interface SimArticle {
  title: string;
  body: string;
  relevant: boolean;
}

export function simArticle(feed: number, item: number): SimArticle {
  const n = feed * 7919 + item * 104_729;
  const relevant = n % 5 === 0;
  const next = generator(n);
  const paragraphs = [0, 1, 2, 3].map((k) => `${pick(FILLER, n + k)} ${sentence(next)} ${sentence(next)}`);
  if (relevant) {
    const lab = pick(LABS, n);
    const model = pick(MODELS, n >> 3);
    const chip = pick(CHIPS, n >> 5);
    const stage = pick(STAGES, n >> 7);
    paragraphs.unshift(
      `${lab} said its ${model} model was ${stage} on ${chip} accelerators, the latest sign that Chinese developers are moving work onto domestic hardware.`,
    );
    return { title: `${lab} says ${model} ${stage} on ${chip} (${feed}-${item})`, body: paragraphs.join("\n\n"), relevant };
  }
  const topic = pick(TOPICS, n);
  paragraphs.unshift(`A new report on ${topic} was published on Tuesday, drawing attention from investors and customers alike.`);
  return { title: `Report on ${topic} draws attention (${feed}-${item})`, body: paragraphs.join("\n\n"), relevant };
}
