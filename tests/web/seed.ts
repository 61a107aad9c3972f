// Realistic analyst data for web tests, stored through the lead's repositories (as the jobs would store it):
// feeds, articles in story clusters, and hand-built extractions whose offsets point into the real text.
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { insertNewArticles } from "../../src/store/repositories/articles.ts";
import { assignCluster } from "../../src/store/repositories/clusters.ts";
import { saveExtraction } from "../../src/store/repositories/extractions.ts";
import { extractionText } from "../../src/store/repositories/events.ts";
import type { Claim, Entity, EntityType, Extraction, IndicatorId, Stage } from "../../src/extract/types.ts";
import type { Db } from "../../src/store/db.ts";
import { events } from "../../src/store/schema.ts";
import { eq } from "drizzle-orm";

export const XSS_TITLE = "Ascend 950 <script>window.__xss=1</script>";

interface StorySpec {
  key: string;
  feed: number;
  url: string;
  title: string;
  text: string;
  lang: string;
  publishedDaysAgo: number;
  simhash: bigint;
  indicator: IndicatorId;
  score: number;
  rules: string[];
  entities: [EntityType, string, string][];
  claim?: { subject: string; subjectType: "model" | "org"; chip: string; stage: Stage; modality: Claim["modality"]; sentence: string; negated?: boolean };
  evidence: string[];
}

function span(full: string, needle: string, from = 0): { start: number; end: number } {
  const start = full.indexOf(needle, from);
  if (start < 0) throw new Error(`seed: "${needle}" not in text`);
  return { start, end: start + needle.length };
}

function extractionFor(s: StorySpec, full: string): Extraction {
  const entities: Entity[] = [];
  for (const [type, name, surface] of s.entities) {
    let at = 0;
    for (;;) {
      const i = full.indexOf(surface, at);
      if (i < 0) break;
      entities.push({ type, name, surface, start: i, end: i + surface.length });
      at = i + surface.length;
    }
  }
  const claims: Claim[] = s.claim
    ? [
        {
          subject: s.claim.subject,
          subjectType: s.claim.subjectType,
          chip: s.claim.chip,
          chipDomestic: /Huawei|Cambricon|Ascend|昇腾/.test(s.claim.chip),
          stage: s.claim.stage,
          modality: s.claim.modality,
          negated: s.claim.negated ?? false,
          evidence: span(full, s.claim.sentence),
        },
      ]
    : [];
  return {
    rulesetVersion: "seed-1",
    entities,
    claims,
    indicators: [{ id: s.indicator, score: s.score, rules: s.rules, evidence: s.evidence.map((e) => span(full, e)) }],
  };
}

const GLM_TEXT =
  "Zhipu AI said on Tuesday that GLM-5 was pre-trained entirely on Huawei Ascend 910C accelerators. " +
  "The company used a cluster of Atlas 800T A2 servers and the MindSpore framework. Analysts called it the largest such run so far.";

export const STORIES: StorySpec[] = [
  {
    key: "glm",
    feed: 0,
    url: "https://news.example.com/2026/zhipu-glm5-ascend",
    title: "Zhipu AI pre-trains GLM-5 on Huawei Ascend 910C",
    text: GLM_TEXT,
    lang: "en",
    publishedDaysAgo: 1,
    simhash: 0x0f0f_0f0f_0f0f_0f0fn,
    indicator: "pretraining_on_domestic",
    score: 0.92,
    rules: ["pretrain.claim_domestic_chip", "pretrain.named_model"],
    entities: [
      ["org", "Zhipu AI", "Zhipu AI"],
      ["model", "GLM-5", "GLM-5"],
      ["chip", "Huawei Ascend 910C", "Huawei Ascend 910C"],
      ["chip", "Huawei Atlas 800T A2", "Atlas 800T A2"],
      ["org", "Huawei", "Huawei"],
    ],
    claim: {
      subject: "GLM-5",
      subjectType: "model",
      chip: "Huawei Ascend 910C",
      stage: "pretraining",
      modality: "achieved",
      sentence: "Zhipu AI said on Tuesday that GLM-5 was pre-trained entirely on Huawei Ascend 910C accelerators.",
    },
    evidence: ["Zhipu AI said on Tuesday that GLM-5 was pre-trained entirely on Huawei Ascend 910C accelerators."],
  },
  {
    // A syndicated copy of the GLM story from a second feed: one more source for the same event.
    key: "glm-copy",
    feed: 1,
    url: "https://wire.example.org/tech/glm5-ascend",
    title: "Zhipu AI pre-trains GLM-5 on Huawei Ascend 910C",
    text: GLM_TEXT,
    lang: "en",
    publishedDaysAgo: 1,
    simhash: 0x0f0f_0f0f_0f0f_0f0en,
    indicator: "pretraining_on_domestic",
    score: 0.9,
    rules: ["pretrain.claim_domestic_chip"],
    entities: [
      ["org", "Zhipu AI", "Zhipu AI"],
      ["model", "GLM-5", "GLM-5"],
      ["chip", "Huawei Ascend 910C", "Huawei Ascend 910C"],
    ],
    evidence: ["Zhipu AI said on Tuesday that GLM-5 was pre-trained entirely on Huawei Ascend 910C accelerators."],
  },
  {
    key: "deepseek",
    feed: 0,
    url: "https://news.example.com/2026/deepseek-r2-ascend-trouble",
    title: "DeepSeek reportedly struggled to train R2 on Ascend chips",
    text:
      "DeepSeek is said to have tried to train its R2 model on Huawei Ascend chips before moving back to Nvidia H20 for training. " +
      "People familiar with the matter cited unstable interconnects.",
    lang: "en",
    publishedDaysAgo: 3,
    simhash: 0x1234_5678_9abc_def0n,
    indicator: "training_migration",
    score: 0.71,
    rules: ["migration.failed_attempt", "migration.reported"],
    entities: [
      ["org", "DeepSeek", "DeepSeek"],
      ["model", "DeepSeek-R2", "R2"],
      ["chip", "Huawei Ascend", "Huawei Ascend"],
      ["chip", "Nvidia H20", "Nvidia H20"],
    ],
    claim: {
      subject: "DeepSeek-R2",
      subjectType: "model",
      chip: "Huawei Ascend",
      stage: "training",
      modality: "reported",
      sentence: "DeepSeek is said to have tried to train its R2 model on Huawei Ascend chips before moving back to Nvidia H20 for training.",
    },
    evidence: ["DeepSeek is said to have tried to train its R2 model on Huawei Ascend chips before moving back to Nvidia H20 for training."],
  },
  {
    key: "policy",
    feed: 2,
    url: "https://gov.example.cn/miit/fund-2026",
    title: "MIIT sets up fund for domestic AI chip fabrication",
    text: "The MIIT announced a new fund to support domestic AI chip design and fabrication at SMIC and other foundries.",
    lang: "en",
    publishedDaysAgo: 9,
    simhash: 0x7777_0000_7777_0000n,
    indicator: "chip_policy_investment",
    score: 0.66,
    rules: ["policy.fund_announced"],
    entities: [
      ["org", "MIIT", "MIIT"],
      ["org", "SMIC", "SMIC"],
    ],
    evidence: ["The MIIT announced a new fund to support domestic AI chip design and fabrication at SMIC and other foundries."],
  },
  {
    key: "export",
    feed: 1,
    url: "https://wire.example.org/policy/hbm-export-rules",
    title: "US tightens export controls on HBM shipments to China",
    text: "The US Commerce Department added new licence requirements for HBM exports to China, affecting Huawei and SMIC.",
    lang: "en",
    publishedDaysAgo: 16,
    simhash: 0x0000_ffff_0000_ffffn,
    indicator: "export_controls",
    score: 0.81,
    rules: ["export.licence_rule"],
    entities: [
      ["org", "US Commerce Department", "US Commerce Department"],
      ["org", "Huawei", "Huawei"],
      ["org", "SMIC", "SMIC"],
    ],
    evidence: ["The US Commerce Department added new licence requirements for HBM exports to China, affecting Huawei and SMIC."],
  },
  {
    key: "zh",
    feed: 2,
    url: "https://gov.example.cn/news/glm-45-shengteng",
    title: "智谱AI宣布GLM-4.5在昇腾910B集群上完成预训练",
    text: "智谱AI表示，GLM-4.5模型已在昇腾910B集群上完成预训练。该集群由华为提供。",
    lang: "zh",
    publishedDaysAgo: 2,
    simhash: 0x5a5a_a5a5_5a5a_a5a5n,
    indicator: "pretraining_on_domestic",
    score: 0.75,
    rules: ["pretrain.claim_domestic_chip"],
    entities: [
      ["org", "Zhipu AI", "智谱AI"],
      ["model", "GLM-4.5", "GLM-4.5"],
      ["chip", "Huawei Ascend 910B", "昇腾910B"],
      ["org", "Huawei", "华为"],
    ],
    claim: {
      subject: "GLM-4.5",
      subjectType: "model",
      chip: "Huawei Ascend 910B",
      stage: "pretraining",
      modality: "achieved",
      sentence: "智谱AI表示，GLM-4.5模型已在昇腾910B集群上完成预训练。",
    },
    evidence: ["智谱AI表示，GLM-4.5模型已在昇腾910B集群上完成预训练。"],
  },
  {
    key: "xss",
    feed: 1,
    url: "javascript:alert(document.cookie)",
    title: XSS_TITLE,
    text: 'Huawei unveiled the Ascend 950 <img src=x onerror="window.__xss=2;alert(1)"> with in-house HBM. <a href="javascript:alert(1)">more</a>',
    lang: "en",
    publishedDaysAgo: 0,
    simhash: 0x3c3c_c3c3_3c3c_c3c3n,
    indicator: "domestic_chip_capability",
    score: 0.77,
    rules: ["capability.new_chip"],
    entities: [
      ["org", "Huawei", "Huawei"],
      ["chip", "Huawei Ascend 950", "Ascend 950"],
    ],
    evidence: ['Huawei unveiled the Ascend 950 <img src=x onerror="window.__xss=2;alert(1)"> with in-house HBM.'],
  },
  {
    key: "candidate",
    feed: 0,
    url: "https://news.example.com/2026/inference-pilot",
    title: "Bank pilots chatbot inference on Cambricon cards",
    text: "A regional bank said it is piloting chatbot inference on Cambricon MLU370 cards.",
    lang: "en",
    publishedDaysAgo: 4,
    simhash: 0x6969_9696_6969_9696n,
    indicator: "inference_on_domestic",
    score: 0.3,
    rules: ["inference.pilot"],
    entities: [["chip", "Cambricon MLU370", "Cambricon MLU370"]],
    evidence: ["A regional bank said it is piloting chatbot inference on Cambricon MLU370 cards."],
  },
];

export const FEEDS = [
  { url: "https://news.example.com/feed.xml", title: "Example Tech News", lang: "en" },
  { url: "https://wire.example.org/rss", title: "Example Wire", lang: "en" },
  { url: "https://gov.example.cn/rss.xml", title: "示例政务", lang: "zh" },
];

/** Seeds the stories; returns event ids by story key (the copy shares the GLM event). */
export async function seedWorkspace(db: Db, now = Date.now()): Promise<Record<string, number>> {
  const feeds = await addFeeds(db, FEEDS);
  const ids: Record<string, number> = {};
  for (const s of STORIES) {
    const [stored] = await insertNewArticles(db, [
      {
        feedId: feeds[s.feed]!.id,
        url: s.url,
        guid: s.url,
        title: s.title,
        summary: s.text,
        lang: s.lang,
        publishedAt: new Date(now - s.publishedDaysAgo * 86_400_000),
        contentHash: `seed-${s.key}`,
        simhash: s.simhash,
      },
    ]);
    const articleId = stored!.id;
    const clusterId = await assignCluster(db, articleId, s.simhash, 3);
    const full = extractionText({ title: s.title, fullText: null, summary: s.text });
    const saved = await saveExtraction(db, { id: articleId, title: s.title, clusterId }, extractionFor(s, full), { flagThreshold: 0.5 });
    ids[s.key] = saved.eventIds[0]!;
    // Events are first seen when the job runs; backdate them to their story so weekly charts and date filters have history.
    if (s.key !== "glm-copy") {
      await db.update(events).set({ firstSeenAt: new Date(now - s.publishedDaysAgo * 86_400_000) }).where(eq(events.id, ids[s.key]!));
    }
  }
  return ids;
}
