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
      .toEqual(["Axera", "H3C", "Inspur", "Lenovo", "Rockchip"]);
    expect(names(run("浪潮信息、新华三与联想提供服务器，瑞芯微负责芯片。"), "org")).toEqual(["H3C", "Inspur", "Lenovo", "Rockchip"]);
    expect(names(run("浪潮資訊、新華三與聯想提供伺服器，瑞芯微負責晶片。"), "org")).toEqual(["H3C", "Inspur", "Lenovo", "Rockchip"]);
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
