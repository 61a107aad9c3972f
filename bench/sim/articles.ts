// Deterministic synthetic news articles for load tests: realistic length and vocabulary, about one in five relevant
// (a Chinese lab, model and domestic chip in one claim), the rest ordinary technology news.
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
  const paragraphs = [0, 1, 2, 3].map((k) => `${pick(FILLER, n + k)} ${pick(FILLER, n + k + 3)}`);
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
