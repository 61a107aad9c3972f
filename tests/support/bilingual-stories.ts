// Two stories as the demo reports them: GLM-5's pre-training on Ascend in English and, a day later from another
// outlet, in Chinese (one story by content, not by SimHash), and Meituan's LongCat post-training in English (another).
import { loadConfig } from "../../src/config.ts";
import { fingerprint } from "../../src/ingest/dedup.ts";
import { storeNewArticles } from "../../src/jobs/extract-and-store.ts";
import type { Db } from "../../src/store/db.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";

export const GLM_EN_URL = "https://wire.example/glm5";
export const GLM_ZH_URL = "https://kuaixun.example/glm5";
export const LONGCAT_URL = "https://third.example/longcat";

/** A new article row as a poll stores it (fingerprinted like ingest does). */
export function row(feedId: number, url: string, title: string, summary: string, lang: string, published: string) {
  const { contentHash, simhash } = fingerprint(title, summary);
  return { feedId, url, guid: url, title, summary, lang, publishedAt: new Date(published), contentHash, simhash: BigInt.asIntN(64, simhash) };
}

/** Stores the English GLM-5 report, then (a later poll) the Chinese one and the LongCat story. */
export async function storeBilingualStories(db: Db): Promise<void> {
  const [en, zh, other] = await addFeeds(db, [
    { url: "https://wire.example/en", title: "Wire (en)", lang: "en" },
    { url: "https://kuaixun.example/zh", title: "快讯 (zh)", lang: "zh" },
    { url: "https://third.example/en", title: "Third (en)", lang: "en" },
  ]);
  const deps = { db, config: loadConfig({}) };
  await storeNewArticles(
    [
      row(en!.id, GLM_EN_URL, "Zhipu AI says GLM-5 was pre-trained on Huawei Ascend 910C clusters",
        "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C clusters, and that new models will be trained on domestic chips instead of Nvidia GPUs.",
        "en", "2026-11-02T03:10:00Z"),
    ],
    deps,
  );
  await storeNewArticles(
    [
      row(zh!.id, GLM_ZH_URL, "智谱GLM-5在华为昇腾上完成预训练，新模型训练全面转向国产算力",
        "11月3日消息，智谱今日表示，GLM-5已在华为昇腾910C集群上完成预训练。智谱称，此后新模型的训练将全部从英伟达GPU迁移到国产算力上。",
        "zh-CN", "2026-11-03T02:20:00Z"),
      row(other!.id, LONGCAT_URL, "Meituan post-trains LongCat-2.0 with reinforcement learning on Ascend cluster",
        "Meituan said its LongCat team completed the reinforcement-learning stage of LongCat-2.0 on a cluster of Huawei Ascend 910C chips.",
        "en", "2026-11-04T08:30:00Z"),
    ],
    deps,
  );
}
