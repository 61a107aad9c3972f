import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseFlags, runMode } from "../src/config.ts";

describe("config", () => {
  it("has working defaults for embedded mode", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
    expect(runMode(c)).toBe("embedded");
  });

  it("reads and coerces environment values, and flags override them", () => {
    const { overrides, rest } = parseFlags(["start", "--port", "4000", "--demo", "--log-level=debug"]);
    expect(rest).toEqual(["start"]);
    const c = loadConfig({ PORT: "5000", ALLOW_PRIVATE_NETWORKS: "true", REDIS_URL: "redis://127.0.0.1:6379" }, overrides);
    expect(c.PORT).toBe(4000);
    expect(c.DEMO).toBe(true);
    expect(c.LOG_LEVEL).toBe("debug");
    expect(c.ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(runMode(c)).toBe("queue");
  });

  it("names the bad key in a one-line error", () => {
    expect(() => loadConfig({ PORT: "seventy" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "seventy" })).toThrow(/^config: PORT: /);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ FEED_MIN_INTERVAL_S: "5000", FEED_MAX_INTERVAL_S: "600" })).toThrow(/FEED_MIN_INTERVAL_S/);
    const err = (() => {
      try {
        loadConfig({ FLAG_THRESHOLD: "2" });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(err?.key).toBe("FLAG_THRESHOLD");
    expect(err?.message.includes("\n")).toBe(false);
  });

  it("requires a signing secret with a webhook", () => {
    expect(() => loadConfig({ WEBHOOK_URL: "https://hooks.example/x" })).toThrow(/^config: WEBHOOK_SECRET: /);
    expect(loadConfig({ WEBHOOK_URL: "https://hooks.example/x", WEBHOOK_SECRET: "0123456789abcdef" }).WEBHOOK_SECRET).toHaveLength(16);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("refuses a flag without its value", () => {
    expect(() => parseFlags(["start", "--port"])).toThrow(/PORT/);
  });
});
