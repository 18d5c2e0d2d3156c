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

  it("keeps mail in the database unless SMTP_URL names a server, and wants a From address to send from production", () => {
    expect(loadConfig({}).SMTP_URL).toBeUndefined();
    expect(loadConfig({}).MAIL_FROM).toMatch(/@/);
    const c = loadConfig({ SMTP_URL: "smtp://mailer:s%40cret@mail.example.cn:587", MAIL_FROM: "海东品牌目录 <noreply@example.cn>" });
    expect(c.SMTP_URL).toBe("smtp://mailer:s%40cret@mail.example.cn:587");
    expect(c.MAIL_FROM).toBe("海东品牌目录 <noreply@example.cn>");
    expect(loadConfig({ SMTP_URL: "smtps://mail.example.cn:465" }).SMTP_URL).toBe("smtps://mail.example.cn:465");
    expect(() => loadConfig({ SMTP_URL: "http://mail.example.cn" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => loadConfig({ MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM must be an address/);
    const production = { NODE_ENV: "production", SESSION_SECRET: "s".repeat(48), PUBLIC_ORIGIN: "https://catalogue.example.cn" };
    expect(() => loadConfig({ ...production, SMTP_URL: "smtp://mail.example.cn" })).toThrow(/MAIL_FROM is required with SMTP_URL in production/);
    expect(loadConfig({ ...production, SMTP_URL: "smtp://mail.example.cn", MAIL_FROM: "noreply@example.cn" }).MAIL_FROM).toBe("noreply@example.cn");
  });

  it("keeps pictures on disk unless S3_BUCKET names a bucket, and says which S3 setting is wrong", () => {
    expect(loadConfig({}).S3_BUCKET).toBeUndefined();
    const s3 = loadConfig({
      S3_BUCKET: "haidong-pictures",
      S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
      S3_REGION: "cn-hangzhou",
      S3_ACCESS_KEY_ID: "id",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_PUBLIC_BASE_URL: "https://img.example.cn/pictures/",
    });
    expect(s3).toMatchObject({ S3_BUCKET: "haidong-pictures", S3_REGION: "cn-hangzhou", S3_FORCE_PATH_STYLE: "0" });
    // one form of the base, so `${base}/${key}` never doubles the slash
    expect(s3.S3_PUBLIC_BASE_URL).toBe("https://img.example.cn/pictures");
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return "";
      } catch (e) {
        return (e as ConfigError).problems.join("\n");
      }
    };
    expect(problems({ S3_BUCKET: "Pictures_1" })).toMatch(/^S3_BUCKET must be a bucket name/);
    expect(problems({ S3_BUCKET: "pictures", S3_ENDPOINT: "oss-cn-hangzhou.aliyuncs.com" })).toMatch(/^S3_ENDPOINT must be an http/);
    expect(problems({ S3_BUCKET: "pictures", S3_FORCE_PATH_STYLE: "yes" })).toMatch(/^S3_FORCE_PATH_STYLE/);
    expect(problems({ S3_BUCKET: "pictures", S3_ACCESS_KEY_ID: "id" })).toMatch(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/);
    expect(problems({ S3_ENDPOINT: "http://127.0.0.1:9000", S3_PUBLIC_BASE_URL: "https://img.example.cn" })).toMatch(
      /S3_ENDPOINT, S3_PUBLIC_BASE_URL are set but S3_BUCKET is not/,
    );
    // claim evidence never shares the (possibly public) picture bucket
    expect(problems({ S3_BUCKET: "pictures", S3_EVIDENCE_BUCKET: "pictures" })).toMatch(/S3_EVIDENCE_BUCKET must not be S3_BUCKET/);
    expect(loadConfig({ S3_BUCKET: "pictures", S3_EVIDENCE_BUCKET: "evidence" }).S3_EVIDENCE_BUCKET).toBe("evidence");
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
