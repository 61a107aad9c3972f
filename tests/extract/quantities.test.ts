// Figures as story linking compares them: one key per figure whatever the language or the way it is written.
import { describe, expect, it } from "vitest";
import { quantities } from "../../src/extract/quantities.ts";

describe("quantities", () => {
  it("reads amounts, shares, multiples and dates the same in English and Chinese", () => {
    const en = quantities("Shenzhen sets up a 20 billion yuan fund, hoping to draw $7.5 billion more; revenue rose fivefold and at least 70 percent must be domestic from September 1.");
    const zh = quantities("深圳设立200亿元基金，力争撬动75亿美元；营收增长五倍，国产占比不低于七成，自9月1日起施行。");
    expect(en).toEqual(["n:20000000000", "n:7500000000", "x:5", "%:70", "d:9-1"]);
    expect(zh).toEqual(en);
    expect(quantities("nine Chinese entities, 18,000 chips, HK$6 billion, 96GB")).toEqual(["n:9", "n:18000", "n:6000000000", "gb:96"]);
    expect(quantities("9家中国实体，1.8万张卡，60亿港元，96GB，三万卡，万卡集群")).toEqual(["n:9", "n:18000", "n:6000000000", "gb:96", "n:30000", "n:10000"]);
  });

  it("lists figures in the order stated, each once", () => {
    expect(quantities("40% now, up from 30%; 40% again")).toEqual(["%:40", "%:30"]);
  });

  it("leaves out years, days of the month, numbers inside names and vague magnitudes", () => {
    expect(quantities("In 2027 the Ascend 910C and GLM-5.1 ran on H20 and P800 parts; a 7B model; 5m tall")).toEqual([]);
    expect(quantities("2026年，思元590于29日发布，百亿级投资，统一部署，三季报")).toEqual([]);
  });

  it("reads hostile input in linear time", () => {
    const long = "1,".repeat(50_000) + "7".repeat(50_000) + "a " + "九".repeat(50_000) + "May ".repeat(20_000) + "1.".repeat(50_000);
    const start = performance.now();
    quantities(long);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
