import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 15: stack traces and server paths on malformed paths, open redirects through dot segments, and signed-in
// pages a shared cache could keep.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
const apps: Record<string, TestApp> = {};
let producer: { email: string; password: string; organizationId: number | null };
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  const [dev, prod] = await Promise.all([
    startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { NODE_ENV: "development" } }),
    startTestApp({
      databaseUrl: t.url,
      indexPrefix: search.prefix,
      env: { NODE_ENV: "production", SESSION_SECRET: "a-production-secret-of-at-least-32-chars", PUBLIC_ORIGIN: "https://haidong.example" },
    }),
  ]);
  apps.development = dev;
  apps.production = prod;
  producer = await createAccount(t.db, { organizationName: "私密联系方式合作社" });
  cookie = (await signInOverHttp(dev.url, producer.email, producer.password)).cookie;
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.values(apps).map((a) => a.stop()));
  await search?.drop();
  await t?.drop();
});

const LEAKS = /at [\w.<>]+ \(|node_modules|\/work\/|\/home\/|\/tmp\/|URIError|NotFoundError|ForbiddenError|Error: /;

describe("a malformed or unknown path answers a plain page in the visitor's language, never a stack or a path", () => {
  for (const mode of ["development", "production"]) {
    it.each([
      ["/%", 400],
      ["/assets/%", 400],
      ["/images/..%2f", 404],
      ["/images/.hidden", 404],
      ["/images/nonexistent.jpg", 404],
      ["/images/%", 400],
    ])(`NODE_ENV=${mode}: GET %s answers %i`, async (requestPath, status) => {
      const res = await fetch(`${apps[mode]!.url}${requestPath}`);
      const body = await res.text();
      expect(res.status).toBe(status);
      expect(body).not.toMatch(LEAKS);
      expect(body).toContain(status === 400 ? "请求无法处理" : "页面不存在");
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
    });
  }

  it("in English when the visitor chose English", async () => {
    const res = await fetch(`${apps.development!.url}/images/nonexistent.jpg`, { headers: { cookie: "hd_prefs=lang%3Den" } });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Page not found");
  });

  it("the API answers JSON", async () => {
    const res = await fetch(`${apps.development!.url}/api/v1/%`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/格式不正确/) });
  });

  it("a body of another kind than a form is refused with 415, not parsed", async () => {
    const res = await fetch(`${apps.development!.url}/login`, {
      method: "POST",
      headers: { origin: apps.development!.url, "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(415);
    expect(await res.text()).not.toMatch(LEAKS);
  });
});

const TARGETS = ["/.//evil.example", "/%2e//evil.example", "/a/..//evil.example", "/%2E%2E//evil.example"];

describe("no redirect leaves the site, however its dot segments are written", () => {
  it.each(TARGETS)("GET /login?redirectTo=%s when already signed in", async (target) => {
    const res = await fetch(`${apps.development!.url}/login?redirectTo=${encodeURIComponent(target)}`, { redirect: "manual", headers: { cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toMatch(/^\/\/|evil/);
  });

  it.each(TARGETS)("the sign-in form posted with redirectTo=%s", async (target) => {
    const res = await fetch(`${apps.development!.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: apps.development!.url },
      body: new URLSearchParams({ account: producer.email, password: producer.password, redirectTo: target }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).not.toMatch(/^\/\/|evil/);
  });

  it.each(TARGETS)("adding to the shortlist with redirectTo=%s", async (target) => {
    const product = await t.db.selectFrom("products").select("id").executeTakeFirst();
    const res = await fetch(`${apps.development!.url}/shortlist/items`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: apps.development!.url },
      body: new URLSearchParams({ intent: "add", productId: String(product?.id ?? 1), redirectTo: target }),
    });
    expect(res.status).toBeLessThan(400);
    expect(res.headers.get("location") ?? "").not.toMatch(/^\/\/|evil/);
  });
});

describe("every response that depends on the session is private and not stored", () => {
  it.each(["/producer", "/producer.data", "/producer/organization", `/organizations/0`, "/", "/search?q=青稞"])("signed in: GET %s", async (p) => {
    const res = await fetch(`${apps.development!.url}${p.replace("/0", `/${producer.organizationId}`)}`, { redirect: "manual", headers: { cookie } });
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("the sign-in answer that starts a session is not stored either", async () => {
    const { res } = await signInOverHttp(apps.development!.url, producer.email, producer.password);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("a public page seen without a session keeps its public caching", async () => {
    const res = await fetch(`${apps.development!.url}/`);
    expect(res.headers.get("cache-control") ?? "").not.toContain("private");
  });
});
