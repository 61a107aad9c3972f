import { describe, expect, it } from "vitest";
import { contentHash, fingerprint, hammingDistance, isNearDuplicate, NEAR_DUPLICATE_DISTANCE, simhash64 } from "../../src/ingest/dedup.ts";

const EN_ORIGINAL = `Chinese artificial intelligence company DeepSeek said on Thursday that its latest model was trained
in part on Huawei's Ascend 910C processors, marking one of the most significant tests so far of China's effort to
build a domestic alternative to Nvidia hardware. The company said training ran on a cluster of several thousand
chips at a data centre in Guizhou province, and that the software was ported to Huawei's CANN framework over six
months. Analysts said the disclosure suggests that yields at SMIC have improved enough to supply large orders, though
they cautioned that the company still relied on Nvidia H800 chips bought before export controls were tightened in
2023 for the bulk of its earlier work. Huawei declined to comment on the order volume.`;

// A wire copy as another outlet runs it: dateline, one word edited, a closing credit line.
const EN_SYNDICATED = `BEIJING (Reuters) - ${EN_ORIGINAL.replace("most significant", "biggest")}
Reporting by Eduardo Baptista; Editing by Jamie Freed`;

const EN_SAME_TOPIC = `Huawei is ramping up production of its Ascend 910C artificial intelligence processors and plans
to ship hundreds of thousands of units to Chinese customers next year, according to people familiar with the matter.
Chinese technology firms including ByteDance, Baidu and Tencent have placed orders as they look for substitutes for
Nvidia products restricted by US export rules. SMIC manufactures the chips on its 7-nanometre process, but output
has been limited by low yields, the people said, adding that Huawei hopes to double capacity by the end of the year.`;

const ZH_ORIGINAL = `据知情人士透露，深度求索公司最新发布的大模型部分训练工作在华为昇腾910C芯片集群上完成，这是国产人工智能芯片迄今
面临的最重要考验之一。该公司表示，训练任务在贵州一个数据中心的数千张芯片上运行，软件在六个月内迁移到了华为的CANN框架。分析人士认为，
这一消息表明中芯国际的良率已提升到足以支撑大批量订单的水平，但他们也提醒，该公司早期的大部分工作仍依赖出口管制收紧前采购的英伟达H800芯片。
华为对订单规模不予置评。`;

const ZH_SYNDICATED = `【新浪科技讯】${ZH_ORIGINAL.replace("最重要", "最关键")}（来源：第一财经）`;

const ZH_SAME_TOPIC = `华为正在加快昇腾910C人工智能处理器的生产，计划明年向国内客户交付数十万颗芯片。知情人士称，字节跳动、百度和腾讯等科技
企业已经下单，寻找受美国出口管制限制的英伟达产品的替代品。中芯国际采用7纳米工艺制造这些芯片，但由于良率偏低，产量一直有限，华为希望
在年底前将产能翻一番。`;

describe("contentHash", () => {
  it("ignores case, spacing, punctuation and full-width forms", () => {
    expect(contentHash("Huawei  Ascend", "Trained on 910C!")).toBe(contentHash("huawei ascend", "trained on 910c"));
    expect(contentHash("华为昇腾，发布", "ＡＩ芯片。")).toBe(contentHash("华为昇腾 发布", "AI芯片"));
    expect(contentHash("a", "b")).not.toBe(contentHash("a", "c"));
    expect(contentHash("a", "b")).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("simhash64", () => {
  it("puts syndicated English copies within the threshold and other stories outside it", () => {
    const a = simhash64(EN_ORIGINAL);
    expect(hammingDistance(a, simhash64(EN_SYNDICATED))).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(isNearDuplicate(a, simhash64(EN_SYNDICATED))).toBe(true);
    expect(isNearDuplicate(a, simhash64(EN_SAME_TOPIC))).toBe(false);
    expect(hammingDistance(a, simhash64(EN_SAME_TOPIC))).toBeGreaterThan(20);
  });

  it("does the same for Chinese", () => {
    const a = simhash64(ZH_ORIGINAL);
    expect(hammingDistance(a, simhash64(ZH_SYNDICATED))).toBeLessThanOrEqual(NEAR_DUPLICATE_DISTANCE);
    expect(hammingDistance(a, simhash64(ZH_SAME_TOPIC))).toBeGreaterThan(20);
    expect(hammingDistance(a, simhash64(EN_ORIGINAL))).toBeGreaterThan(20);
  });

  it("is deterministic, fits in 64 bits, and handles empty and short text", () => {
    expect(simhash64(EN_ORIGINAL)).toBe(simhash64(EN_ORIGINAL));
    expect(simhash64(ZH_ORIGINAL) < 1n << 64n).toBe(true);
    expect(simhash64("")).toBe(0n);
    expect(simhash64("昇腾")).not.toBe(0n);
  });
});

describe("stored fingerprints", () => {
  // Hashes are stored and compared with those of later articles: a faster implementation must give the same values.
  // These were computed by the first (string-joining, per-bit voting) implementation.
  it("keeps the values of earlier versions", () => {
    const en = "DeepSeek said its latest model was trained on Huawei's Ascend 910C processors.";
    const zh = "深度求索公司最新发布的大模型部分训练工作在华为昇腾910C芯片集群上完成。";
    expect(simhash64(en).toString(16)).toBe("cddec08c257ea90a");
    expect(simhash64(zh).toString(16)).toBe("8b0c2ee3b0030b8c");
    expect(simhash64("昇腾").toString(16)).toBe("c48d0100840200");
    expect(simhash64("ab cd").toString(16)).toBe("1458981108802404");
    expect(contentHash("Title", en)).toBe("46797b7a0761fb0fae78fc06fc0f97c3a9299665a2d28e00ad78f27f1c43e2f3");
  });

  it("fingerprint() gives what contentHash and simhash64 of title and text give", () => {
    for (const [title, text] of [
      ["DeepSeek on Ascend", EN_ORIGINAL],
      ["华为昇腾", ZH_SYNDICATED],
      ["ΟΔΟΣ", "Σ then text"],
      ["", ""],
      ["one", ""],
    ] as const) {
      expect(fingerprint(title, text)).toEqual({ contentHash: contentHash(title, text), simhash: simhash64(`${title}\n\n${text}`) });
    }
  });
});

describe("hammingDistance", () => {
  it("counts differing bits, treating signed and unsigned forms alike", () => {
    expect(hammingDistance(0n, 0n)).toBe(0);
    expect(hammingDistance(0b1011n, 0b0001n)).toBe(2);
    expect(hammingDistance(-1n, (1n << 64n) - 1n)).toBe(0);
    expect(hammingDistance(0n, -1n)).toBe(64);
  });
});
