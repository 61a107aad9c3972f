// The weekly digest over four weeks of stored news (through extraction, story linking and flagging), on both
// databases: the week's confirmed and flagged events per indicator with sources and languages, what is new relative
// to earlier weeks by event date (a lab on a chip for the first time, the first claim on a chip), the indicators that
// became corroborated, and the flagged stories still awaiting review.
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { fingerprint } from "../../src/ingest/dedup.ts";
import { storeNewArticles } from "../../src/jobs/extract-and-store.ts";
import { weeklyDigest } from "../../src/report/digest.ts";
import type { Db } from "../../src/store/db.ts";
import { listEvents } from "../../src/store/repositories/events.ts";
import { addFeeds } from "../../src/store/repositories/feeds.ts";
import { reviewEvents } from "../../src/store/repositories/reviews.ts";
import { availableDrivers, useTestDatabase } from "../support/db.ts";

type Outlet = "wire" | "kuaixun" | "third";
interface Report { outlet: Outlet; lang: string; published: string; title: string; text: string }

// W44 (26 Oct - 1 Nov), W45, W46 (the digest's week: 9-15 Nov), W47.
const REPORTS: Report[] = [
  { outlet: "wire", lang: "en", published: "2026-10-27T03:00:00Z", title: "Zhipu AI says GLM-5 was pre-trained on Huawei Ascend 910C clusters", text: "Zhipu AI said its GLM-5 model was pre-trained entirely on Huawei Ascend 910C clusters, with no Nvidia hardware involved." },
  { outlet: "wire", lang: "en", published: "2026-10-28T15:00:00Z", title: "US adds 14 Chinese firms to Entity List over diverted AI chips", text: "The Commerce Department added 14 Chinese companies to the Entity List on Wednesday, saying they had helped divert Nvidia H200 chips to China in breach of export controls." },
  { outlet: "third", lang: "en", published: "2026-11-03T06:00:00Z", title: "DeepSeek-V4 goes live on Cambricon MLU590 clusters", text: "DeepSeek said its V4 model is now served on Cambricon MLU590 accelerators in a Shanghai data centre, with inference costs a third lower than before." },
  { outlet: "third", lang: "en", published: "2026-11-04T06:00:00Z", title: "Kuaishou says Kling was trained on Huawei Ascend 910B chips", text: "Kuaishou said its Kling video model was trained on a cluster of Huawei Ascend 910B chips." },
  { outlet: "wire", lang: "en", published: "2026-11-10T02:00:00Z", title: "Meituan pre-trains LongCat-2.0 on a Huawei Ascend 910C cluster", text: "Meituan said on Tuesday that LongCat-2.0 was pre-trained on a cluster of 8,000 Huawei Ascend 910C chips, its first large training run on domestic hardware." },
  { outlet: "kuaixun", lang: "zh-CN", published: "2026-11-11T02:00:00Z", title: "美团LongCat-2.0在昇腾910C集群上完成预训练", text: "美团11日表示，LongCat-2.0已在由8000张华为昇腾910C组成的集群上完成预训练，这是美团首次在国产算力上完成大规模训练。" },
  { outlet: "third", lang: "en", published: "2026-11-12T04:00:00Z", title: "Zhipu AI trains GLM-5.1 on Huawei Ascend 910C", text: "Zhipu AI said GLM-5.1 was pre-trained on the same Huawei Ascend 910C cluster as GLM-5, with a larger data mix." },
  { outlet: "wire", lang: "en", published: "2026-11-13T05:00:00Z", title: "DeepSeek-V4-Flash goes live on Huawei Ascend 950PR", text: "DeepSeek-V4-Flash is now served on Huawei Ascend 950PR inference cards in Huawei Cloud, the companies said on Friday." },
  { outlet: "wire", lang: "en", published: "2026-11-12T10:00:00Z", title: "Dutch government curbs ASML servicing of DUV tools in China", text: "The Dutch government said ASML will need an export licence to service its immersion DUV lithography systems installed in China, tightening export controls on chipmaking tools." },
  { outlet: "third", lang: "en", published: "2026-11-14T07:00:00Z", title: "Kuaishou trains Kling 3 on a Huawei Ascend 910B cluster", text: "Kuaishou said Kling 3 was trained on a cluster of Huawei Ascend 910B accelerators, moving its video model training off Nvidia GPUs." },
  { outlet: "wire", lang: "en", published: "2026-11-17T05:00:00Z", title: "Baidu pre-trains ERNIE 5.1 on Kunlunxin P800 chips", text: "Baidu said ERNIE 5.1 was pre-trained on a cluster of 30,000 Kunlunxin P800 chips." },
];

/** Stores the reports one poll at a time, in date order, as feeds would bring them. */
async function storeReports(db: Db): Promise<void> {
  const feeds = await addFeeds(db, [
    { url: "https://wire.example/en", title: "Wire", lang: "en" },
    { url: "https://kuaixun.example/zh", title: "快讯", lang: "zh" },
    { url: "https://third.example/en", title: "Third", lang: "en" },
  ]);
  const feedOf: Record<Outlet, number> = { wire: feeds[0]!.id, kuaixun: feeds[1]!.id, third: feeds[2]!.id };
  const deps = { db, config: loadConfig({}) };
  for (const [i, r] of [...REPORTS].sort((a, b) => a.published.localeCompare(b.published)).entries()) {
    const { contentHash, simhash } = fingerprint(r.title, r.text);
    const url = `https://${r.outlet}.example/${i}`;
    await storeNewArticles(
      [{ feedId: feedOf[r.outlet], url, guid: url, title: r.title, summary: r.text, lang: r.lang, publishedAt: new Date(r.published), contentHash, simhash: BigInt.asIntN(64, simhash) }],
      deps,
    );
  }
}

/** The analysts' decisions: GLM-5 (W44), DeepSeek on Cambricon (W45) and LongCat (W46) confirmed, Kling (W45) dismissed. */
async function review(db: Db): Promise<void> {
  const flagged = (await listEvents(db, { status: "flagged" }, { sort: "priority", page: 1, limit: 100 })).items;
  const ids = (title: RegExp) => flagged.filter((e) => title.test(e.title)).map((e) => e.id);
  const confirm = [...ids(/GLM-5 was pre-trained/), ...ids(/Cambricon MLU590/), ...ids(/LongCat/)];
  const dismiss = ids(/Kling was trained/);
  expect(confirm.length).toBeGreaterThanOrEqual(3);
  expect(dismiss.length).toBeGreaterThanOrEqual(1);
  await reviewEvents(db, { ids: confirm, action: "confirm", actor: "analyst" });
  await reviewEvents(db, { ids: dismiss, action: "dismiss", actor: "analyst" });
}

/** The Markdown section under a heading, up to the next heading of the same or a higher level. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0].length;
  const rest = md.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level}} `, "m"));
  return next < 0 ? rest : rest.slice(0, next);
}

describe.each(availableDrivers())("weekly digest on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("reads like the analyst's brief over several weeks", async () => {
    await storeReports(t.db);
    await review(t.db);
    const md = await weeklyDigest(t.db, "2026-W46");

    // Per indicator, the week's confirmed story with both outlets, their languages and its sources.
    const pretraining = section(md, "## Pre-training on domestic chips");
    const confirmed = section(pretraining, "### Confirmed");
    expect(confirmed).toContain("Meituan pre-trains LongCat-2.0");
    expect(confirmed).toContain("2 outlets, en + zh");
    expect(confirmed).toMatch(/— Wire \(en\), 2026-11-10/);
    expect(confirmed).toMatch(/— 快讯 \(zh-CN\), 2026-11-11/);
    expect(section(pretraining, "### Flagged, not yet reviewed")).toContain("GLM-5.1");
    // Earlier weeks' and later weeks' events are not the week's.
    expect(md).not.toContain("GLM-5 was pre-trained");
    expect(md.slice(0, md.indexOf("## What to watch next"))).not.toContain("ERNIE 5.1");

    // New relative to earlier weeks, by event date: Meituan's first training run on Ascend; Zhipu had one in W44;
    // Kuaishou's W45 claim was dismissed, so its W46 one is news.
    const news = section(pretraining, "### New relative to earlier weeks");
    expect(news).toContain("**First time Meituan trains on Huawei Ascend**: LongCat-2.0 on Huawei Ascend 910C (pre-training, achieved), 2026-11-10 — confirmed");
    expect(news).toContain("**First time Kuaishou trains on Huawei Ascend**");
    expect(news).not.toContain("Zhipu");
    expect(news).not.toContain("First claim on Huawei Ascend 910C");
    const inference = section(md, "## Inference on domestic chips");
    const inferenceNews = section(inference, "### New relative to earlier weeks");
    expect(inferenceNews).toContain("**First claim on Huawei Ascend 950PR**: DeepSeek-V4-Flash on Huawei Ascend 950PR (inference, achieved), 2026-11-13 — awaiting review");
    expect(inferenceNews).toContain("**First time DeepSeek serves models on Huawei Ascend**");
    expect(md).not.toContain("Cambricon");

    // What to watch next: pre-training went from weak (GLM-5: confirmed, one outlet) to corroborated (LongCat:
    // confirmed, two outlets); export controls stay weak (flagged only), inference weak (one outlet).
    const watch = section(md, "## What to watch next");
    const moved = section(watch, "### Indicators now corroborated");
    expect(moved).toContain("- **Pre-training on domestic chips**: weak → corroborated, by Meituan pre-trains LongCat-2.0 on a Huawei Ascend 910C cluster (2 outlets, happened 2026-11-10)");
    expect(moved.match(/^- /gm)).toHaveLength(1);
    // The flagged stories awaiting review, whenever they happened.
    const waiting = section(watch, "### Flagged stories awaiting review");
    for (const title of ["DeepSeek-V4-Flash", "GLM-5.1", "ASML", "Entity List", "ERNIE 5.1", "Kling 3"]) expect(waiting, title).toContain(title);
    expect(waiting).not.toContain("LongCat");
    expect(waiting).toMatch(/^6 flagged stories are awaiting review:/m);

    // Another week of the same data: in W44 everything was new and nothing was corroborated yet.
    const w44 = await weeklyDigest(t.db, "2026-W44");
    expect(section(w44, "### New relative to earlier weeks")).toContain("**First time Zhipu AI trains on Huawei Ascend**");
    expect(section(w44, "### Indicators now corroborated")).toContain("No indicator moved from unseen or weak to corroborated this week.");
    // After W46, the pre-training indicator is corroborated already: W47 does not list it again.
    expect(section(await weeklyDigest(t.db, "2026-W47"), "### Indicators now corroborated")).not.toContain("Pre-training");
  });
});
