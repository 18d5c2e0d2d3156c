import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.server";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const c = loadConfig({});
    expect(c.HOST).toBe("127.0.0.1");
    expect(c.PORT).toBe(3000);
    expect(c.DATA_DIR).toBe("./data");
  });

  it("names every bad variable in one error", () => {
    try {
      loadConfig({ NODE_ENV: "production", DATABASE_URL: "mysql://x", PORT: "http" });
      expect.unreachable("loadConfig should have thrown");
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const text = (e as ConfigError).problems.join("\n");
      expect(text).toMatch(/DATABASE_URL/);
      expect(text).toMatch(/PORT/);
      expect(text).toMatch(/SESSION_SECRET is required/);
    }
  });

  it("refuses production without PUBLIC_ORIGIN, so no absolute URL can fall back to the request's Host", () => {
    const production = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(48) };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_ORIGIN is required when NODE_ENV=production/);
    expect(loadConfig({ ...production, PUBLIC_ORIGIN: "https://catalogue.example.cn" }).PUBLIC_ORIGIN).toBe("https://catalogue.example.cn");
    // development and tests keep working without it (the listening address stands in)
    expect(loadConfig({ NODE_ENV: "test" }).PUBLIC_ORIGIN).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
