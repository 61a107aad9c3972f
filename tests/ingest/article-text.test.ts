import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractMainText } from "../../src/ingest/article-text.ts";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "testdata", name), "utf8");

describe("extractMainText", () => {
  it("keeps the article paragraphs of an English page and drops navigation, sidebars, comments, footer", () => {
    const { title, text } = extractMainText(fixture("article-en.html"), "https://news.example.com/a");
    expect(title).toBe("DeepSeek trains model on Huawei Ascend chips");
    expect(text).toContain("trained in part on Huawei's Ascend 910C");
    expect(text).toContain("ported to Huawei's CANN framework");
    expect(text).toContain("Nvidia H800 chips");
    for (const noise of ["Markets", "Most read", "Stocks rally", "Great article", "Copyright", "should not appear", "Related:"]) {
      expect(text, noise).not.toContain(noise);
    }
    expect(text.split("\n").length).toBeGreaterThanOrEqual(3);
  });

  it("handles a Chinese page whose text sits in a div with <br> breaks", () => {
    const { title, text } = extractMainText(fixture("article-zh.html"), "https://news.example.cn/a");
    expect(title).toBe("深度求索新模型在昇腾芯片上完成训练");
    expect(text).toContain("华为昇腾910C芯片集群上完成");
    expect(text).toContain("迁移到了华为的CANN框架");
    expect(text).toContain("英伟达H800芯片");
    for (const noise of ["首页", "热点推荐", "央行宣布降准", "版权所有"]) expect(text, noise).not.toContain(noise);
  });

  it("strips a site suffix from <title> and survives pages without text", () => {
    const html = "<html><head><title>寒武纪发布新一代云端训练芯片 - 示例财经</title></head><body><div>短</div></body></html>";
    expect(extractMainText(html, "https://e.cn/")).toEqual({ title: "寒武纪发布新一代云端训练芯片", text: "短" });
    expect(extractMainText("", "https://e.cn/")).toEqual({ title: "", text: "" });
  });
});

describe("extractMainText on hostile nesting", () => {
  const sentence = "Huawei said on Monday that Ascend 910C chips, made in China, shipped in volume.";

  it("reads a page of 3,000 nested divs (2,000 took 100 s and then overflowed the stack)", () => {
    const html = `<html><body>${"<div>".repeat(3_000)}<p>${sentence}</p>${"</div>".repeat(3_000)}</body></html>`;
    expect(extractMainText(html, "https://e.com/").text).toBe(sentence);
  });

  it("credits a block with the text of the inline elements inside it", () => {
    const html = `<html><body><div><a href="/">Home</a></div><div id="story"><span><b>${sentence}</b> ${sentence}</span></div></body></html>`;
    expect(extractMainText(html, "https://e.com/").text).toBe(`${sentence} ${sentence}`);
  });

  it("refuses a page nested deeper than its parser handles in linear time", () => {
    const html = `<html><body>${"<div><span><td><a>text, ".repeat(20_000)}</body></html>`;
    expect(() => extractMainText(html, "https://e.com/")).toThrow(/nested deeper than 4096/);
  });
});
