// A stored story about a chip the bundled catalog does not know (the issue's own example, Zhonghao Xinying's Chana),
// extracted as a poll would: with the live extractor. Catalog tests add it and watch the story get flagged.
import { pino } from "pino";
import { loadConfig } from "../../src/config.ts";
import { createJobDeps } from "../../src/jobs/deps.ts";
import { extractAndStore } from "../../src/jobs/extract-and-store.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { getArticles, insertNewArticles } from "../../src/store/repositories/articles.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import type { Db } from "../../src/store/db.ts";

export const CHANA_TITLE = "Zhonghao Xinying's Chana chips now run DeepSeek-V3.2 inference for China Mobile";
export const CHANA_TEXT =
  "China Mobile said it now serves DeepSeek-V3.2 inference on Zhonghao Xinying's Chana TPU clusters in its Hangzhou data centre, replacing Nvidia H20 cards. The domestic chip maker said Chana delivers 1.5 times the throughput of the H20.";

export const CHANA_ENTRY = { type: "chip" as const, name: "Zhonghao Xinying Chana", domestic: true, family: "Zhonghao Xinying Chana" };

export const GLM_TITLE = "Zhipu AI pre-trained GLM-5 on Huawei Ascend 910C clusters";
const GLM_TEXT = "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C accelerators, without Nvidia hardware.";

/** Stores the Chana story (and, with `withKnown`, a story the bundled catalog flags), extracted live; the Chana article's id. */
export async function storeChanaArticle(db: Db, withKnown = false): Promise<number> {
  const [feed] = await addFeeds(db, [{ url: "https://chipwire.example/chana.xml", title: "Chip wire" }]);
  const rows = await insertNewArticles(db, [
    { feedId: feed!.id, url: "https://chipwire.example/2026/chana-china-mobile", title: CHANA_TITLE, summary: CHANA_TEXT, lang: "en", contentHash: "chana", simhash: 0x5a5a_1234_5a5a_1234n, publishedAt: new Date() },
    ...(withKnown ? [{ feedId: feed!.id, url: "https://chipwire.example/2026/glm5", title: GLM_TITLE, summary: GLM_TEXT, lang: "en", contentHash: "glm", simhash: -0x0f0f_0f0f_0f0f_0f0fn, publishedAt: new Date() }] : []),
  ]);
  const row = rows.find((r) => r.url.endsWith("chana-china-mobile"));
  const deps = createJobDeps({ db, config: loadConfig({ LOG_LEVEL: "silent" }), logger: pino({ level: "silent" }), metrics: createMetrics(), enqueue: async () => {} });
  await extractAndStore(await getArticles(db, rows.map((r) => r.id)), deps);
  await deps.offload.close();
  return row!.id;
}
