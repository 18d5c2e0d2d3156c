import { afterEach, describe, expect, it } from "vitest";
import { completeConfig, config, ConfigError, loadConfig, resetConfigForTests } from "./config.server";

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

describe("config(): one object every reader shares", () => {
  afterEach(() => resetConfigForTests());

  it("reads the environment once, so a reader after boot sees what was validated, not a later change", () => {
    const first = config();
    expect(config()).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("takes what boot learned (embedded services, generated secret) once, for every reader", () => {
    const before = config();
    const booted = completeConfig({
      DATABASE_URL: "postgres://app@127.0.0.1:5433/haidong",
      MEILI_URL: "http://127.0.0.1:7701",
      MEILI_MASTER_KEY: undefined,
      SESSION_SECRET: "g".repeat(64),
    });
    expect(config()).toBe(booted);
    expect(booted).toMatchObject({
      DATABASE_URL: "postgres://app@127.0.0.1:5433/haidong",
      MEILI_URL: "http://127.0.0.1:7701",
      SESSION_SECRET: "g".repeat(64),
      PORT: before.PORT,
    });
    // an unknown value leaves the validated one alone rather than blanking it
    expect(booted.MEILI_MASTER_KEY).toBe(before.MEILI_MASTER_KEY);
    expect(() => completeConfig({ DATABASE_URL: "postgres://other@127.0.0.1/x" })).toThrow(/once/);
  });
});
