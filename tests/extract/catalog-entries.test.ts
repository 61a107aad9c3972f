// Catalog entries added for names dev2's notes list as missing, and their siblings: each resolves from its
// English, simplified and traditional surfaces, and the look-alike phrases stay untagged.
import { describe, expect, it } from "vitest";
import { names, run } from "./helpers.ts";

describe("catalog entries for government bodies", () => {
  it("resolves Chinese ministries and customs from English, simplified and traditional names", () => {
    expect(names(run("China's Ministry of Commerce and the General Administration of Customs announced the rules."), "org"))
      .toEqual(["General Administration of Customs of China", "Ministry of Commerce of China"]);
    expect(names(run("商务部、海关总署联合发布公告，对相关两用物项实施出口管制。"), "org"))
      .toEqual(["General Administration of Customs of China", "Ministry of Commerce of China"]);
    expect(names(run("商務部與海關總署聯合發布公告，對兩用物項實施出口管制。"), "org"))
      .toEqual(["General Administration of Customs of China", "Ministry of Commerce of China"]);
    expect(names(run("国家海洋局与科技部、国务院国资委表示……"), "org"))
      .toEqual(["Ministry of Science and Technology of China", "State Oceanic Administration", "State-owned Assets Supervision and Administration Commission"]);
  });

  it("folds a traditional character everywhere even when one alias is written with it (電 of 台積電)", () => {
    expect(names(run("台積電為中國電信代工。"), "org")).toEqual(["China Telecom", "TSMC"]);
  });

  it("keeps 商务部 apart from the US Commerce Department", () => {
    expect(names(run("美国商务部周二宣布新的出口管制规则，限制对华出口。"), "org")).toEqual(["US Department of Commerce"]);
    expect(names(run("美國商務部週二宣布新的出口管制規則。"), "org")).toEqual(["US Department of Commerce"]);
  });

  it("resolves US bodies with and without the U.S. prefix", () => {
    expect(names(run("The Justice Department charged two men; the U.S. Department of the Treasury and the State Department followed."), "org"))
      .toEqual(["US Department of Justice", "US Department of State", "US Department of the Treasury"]);
  });
});

describe("catalog entries for companies, chips and models", () => {
  it("resolves server makers and chip start-ups in both scripts", () => {
    expect(names(run("Inspur, H3C and Lenovo build the servers; Rockchip and Axera make the SoCs."), "org"))
      .toEqual(["Axera", "H3C", "Inspur Group", "Lenovo", "Rockchip"]);
    expect(names(run("浪潮信息、新华三与联想提供服务器，瑞芯微负责芯片。"), "org")).toEqual(["H3C", "Inspur Group", "Lenovo", "Rockchip"]);
    expect(names(run("浪潮資訊、新華三與聯想提供伺服器，瑞芯微負責晶片。"), "org")).toEqual(["H3C", "Inspur Group", "Lenovo", "Rockchip"]);
  });

  it("resolves edge boards and server cards, including Ascend-branded Atlas names", () => {
    expect(names(run("Benchmarks on the Rockchip RK3588 and RK3576, the AX650N and the Atlas 300I Duo."), "chip"))
      .toEqual(["Axera AX650N", "Huawei Atlas 300I Duo", "Rockchip RK3576", "Rockchip RK3588"]);
    expect(names(run("该模型已在昇腾800I A2和昇腾300I Duo上完成适配。"), "chip")).toEqual(["Huawei Atlas 300I Duo", "Huawei Atlas 800I A2"]);
  });

  it("names distilled and open models by the family grammar, not by the parts inside them", () => {
    const x = run("On the NPU, DeepSeek-R1-Distill-Qwen-1.5B ran at 11 tokens/s; Llama 3.1 8B, Gemma2, MiniCPM3 and Phi-2 are supported.");
    expect(names(x, "model")).toEqual(["DeepSeek-R1-Distill-Qwen-1.5B", "Gemma2", "Llama 3.1 8B", "MiniCPM3", "Phi-2"]);
  });

  it("ends a version at a full stop: a name last in its sentence still counts", () => {
    expect(names(run("New model support: Llama3, Gemma2, MiniCPM3."), "model")).toEqual(["Gemma2", "Llama 3", "MiniCPM3"]);
  });

  it("needs a capital for capitalised entries: 'the big fund' of another investor is not the Big Fund", () => {
    expect(names(run("The big fund kept adding to its stakes in Nvidia and Apple."), "org")).toEqual(["Apple", "Nvidia"]);
    expect(names(run("Big Fund III invested in the fab."), "org")).toEqual(["Big Fund"]);
  });
});

describe("regional bodies, further ministries and server makers", () => {
  it("names a city's industry bureau, commission or communications administration in both scripts and in English", () => {
    expect(names(run("北京市经济和信息化局、北京市通信管理局联合印发《算力基础设施建设实施方案》。"), "org"))
      .toEqual(["Beijing Communications Administration", "Beijing Municipal Bureau of Economy and Information Technology"]);
    expect(names(run("上海市經濟和信息化委員會發布措施，向企業發放算力券。"), "org")).toEqual(["Shanghai Municipal Commission of Economy and Informatization"]);
    expect(names(run("Guangzhou's industry and information technology bureau will subsidise compute rental for start-ups."), "org"))
      .toEqual(["Guangzhou Municipal Bureau of Industry and Information Technology"]);
  });

  it("resolves a body named without its city ('市经信委') only when the city is named nearby", () => {
    expect(names(run("杭州出台算力券新政。市经信委表示，补贴将按季度发放。"), "org")).toEqual(["Hangzhou Municipal Commission of Economy and Informatization"]);
    expect(names(run("市经信委表示，补贴将按季度发放。"), "org")).toEqual([]);
  });

  it("reads 'the Ministry of Finance' as China's only in a Chinese setting", () => {
    expect(names(run("The rules were issued in Beijing by the Ministry of Industry and Information Technology and the Ministry of Finance."), "org"))
      .toEqual(["Ministry of Finance of China", "Ministry of Industry and Information Technology"]);
    expect(names(run("Japan's Ministry of Finance said the yen had weakened."), "org")).toEqual([]);
    expect(names(run("该学会被民政部评为3A级社会团体，公安部与中国信息安全测评中心另有通报。"), "org"))
      .toEqual(["China Information Technology Security Evaluation Center", "Ministry of Civil Affairs", "Ministry of Public Security"]);
  });

  it("names server makers by their group names", () => {
    expect(names(run("Six Inspur units, Nettrix Information Industry and Suma Technology were added to the Entity List."), "org"))
      .toEqual(["Inspur Group", "Nettrix Information Industry", "Suma Technology"]);
    expect(names(run("浪潮、宁畅与中科可控均在名单之列。"), "org")).toEqual(["Inspur Group", "Nettrix Information Industry", "Suma Technology"]);
  });

  it("names the lab from '<product> team', not the product", () => {
    const x = run("根據阿里雲通義千問團隊的說明，新模型支援119種語言。");
    expect(names(x, "org")).toEqual(["Alibaba"]);
    expect(names(x, "model")).toEqual([]);
  });
});

describe("ambiguous names confirmed through related names", () => {
  it("reads NV as Nvidia when a hardware cue is near, and an NV-confirmed Hopper as Nvidia's", () => {
    const x = run("成本比用更高规格的NV硬件低约20%。DeepSeek的优化是在NV Hopper卡上做到的。");
    expect(names(x, "org")).toContain("Nvidia");
    expect(names(x, "chip")).toEqual(["Nvidia Hopper"]);
    expect(names(run("The warehouse opened in Reno, NV, last week with new GPU servers."), "org")).toEqual([]);
  });

  it("keeps 文心 of 《文心雕龙》 apart from Baidu's ERNIE", () => {
    expect(names(run("中国《文心雕龙》学会年会在曲阜召开，与会学者讨论龙学研究。"), "model")).toEqual([]);
    expect(names(run("百度发布文心新版本，大模型能力全面升级。"), "model")).toEqual(["ERNIE"]);
  });
});

describe("version grammar of model and chip families", () => {
  it("names the first ChatGLM generation, Qwen written with a space, and versioned openPangu models", () => {
    expect(names(run("在昇腾910上微调ChatGLM-6B，再与ChatGLM3-6B对比。"), "model")).toEqual(["ChatGLM-6B", "ChatGLM3-6B"]);
    expect(names(run("傳了一個多月的Qwen 3，終於亮相。"), "model")).toEqual(["Qwen3"]);
    expect(names(run("openPangu-Embedded-7B-V1.1 improves on openPangu-Embedded-7B."), "model")).toEqual(["openPangu-Embedded-7B", "openPangu-Embedded-7B-v1.1"]);
  });

  it("keeps the dense Pangu Ultra apart from Pangu Ultra MoE", () => {
    expect(names(run("Pangu Ultra, a 135B dense model, and Pangu Ultra MoE were both trained on Ascend NPUs."), "model")).toEqual(["Pangu Ultra", "Pangu Ultra MoE"]);
  });

  it("names Ascend sub-variants, Atlas systems, mobile SoCs and Nvidia desktop systems at the level written", () => {
    expect(names(run("Validated on Ascend 910B3 and 910B4; F32 models run on the Ascend 310P."), "chip"))
      .toEqual(["Huawei Ascend 310P", "Huawei Ascend 910B3", "Huawei Ascend 910B4"]);
    expect(names(run("RL training ran on the Atlas 900 A3 SuperCluster and an Atlas 800I A3."), "chip")).toEqual(["Huawei Atlas 800I A3", "Huawei Atlas 900 A3 SuperCluster"]);
    expect(names(run("联发科已在天玑9300与天玑9400上部署模型，骁龙8 Elite随后跟进。"), "chip"))
      .toEqual(["MediaTek Dimensity 9300", "MediaTek Dimensity 9400", "Qualcomm Snapdragon 8 Elite"]);
    expect(names(run("The DGX Spark is built around the GB10 superchip; a Jetson AGX Thor sits beside it."), "chip"))
      .toEqual(["Nvidia DGX Spark", "Nvidia GB10", "Nvidia Jetson AGX Thor"]);
    expect(names(run("Apple's A19 Pro adds neural accelerators; the A19 goes in the base iPhone."), "chip")).toEqual(["Apple A19", "Apple A19 Pro"]);
  });

  it("names FLUX image models by their version and variant", () => {
    expect(names(run("We ran FLUX.1 Dev and FLUX.1-schnell in ComfyUI."), "model")).toEqual(["FLUX.1 Dev", "FLUX.1 Schnell"]);
  });
});
