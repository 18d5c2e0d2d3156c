import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("the running app", () => {
  it("reports health as in docs/interfaces.md", async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", search: "ok" });
  });

  it("indexes the seeded catalogue through its own outbox worker", async () => {
    await waitForIndexed(async () => {
      const html = await (await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`)).text();
      return html.includes("互助青稞酒") && !html.includes("搜索服务暂时不可用");
    });
  });

  it("switches language with ?lang= and remembers it in a cookie", async () => {
    const res = await fetch(`${app.url}/?lang=en`);
    const html = await res.text();
    expect(html).toMatch(/<html lang="en"/);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/hd_prefs=/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const again = await (await fetch(`${app.url}/`, { headers: { cookie: cookie.split(";")[0]! } })).text();
    expect(again).toMatch(/<html lang="en"/);
    expect(again).toContain("Haidong Brand &amp; GI Catalogue");
  });

  it("has an icon for tabs and bookmarks: /favicon.ico (it was a 404) and the SVG every page links", async () => {
    const ico = await fetch(`${app.url}/favicon.ico`);
    expect(ico.status).toBe(200);
    const bytes = Buffer.from(await ico.arrayBuffer());
    // ICO header: reserved 0, type 1 (icon), then at least one image
    expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2)]).toEqual([0, 1]);
    expect(bytes.readUInt16LE(4)).toBeGreaterThan(0);
    const html = await (await fetch(`${app.url}/`)).text();
    expect(html).toMatch(/<link rel="icon" href="\/favicon\.svg" type="image\/svg\+xml"\/?>/);
    const svg = await fetch(`${app.url}/favicon.svg`);
    expect([svg.status, svg.headers.get("content-type")]).toEqual([200, "image/svg+xml"]);
  });

  it("answers a bad search parameter with 400, not 500", async () => {
    const res = await fetch(`${app.url}/search?page=abc`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("page");
  });

  it("answers an unknown GI with 404", async () => {
    expect((await fetch(`${app.url}/gi/999999`)).status).toBe(404);
    expect((await fetch(`${app.url}/gi/not-a-number`)).status).toBe(404);
  });

  it.each([
    ["another origin", { origin: "http://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["a foreign Referer", { referer: "http://evil.example/form" }],
  ])("refuses a POST from %s with 403, resource routes included", async (_label, headers) => {
    for (const path of ["/search", "/healthz"]) {
      const res = await fetch(`${app.url}${path}`, { method: "POST", headers, body: "x=1" });
      expect(res.status).toBe(403);
    }
  });

  it("lets a same-origin POST through the origin check", async () => {
    const res = await fetch(`${app.url}/healthz`, { method: "POST", headers: { origin: app.url } });
    expect(res.status).not.toBe(403);
    expect(res.status).toBeLessThan(500);
  });

  it("sends a CSP with a fresh nonce and the hardening headers", async () => {
    const [a, b] = await Promise.all([fetch(`${app.url}/`), fetch(`${app.url}/`)]);
    const csp = a.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const html = await a.text();
    const nonce = csp.match(/nonce-([^']+)/)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("never sends the Meilisearch admin key to the browser", async () => {
    const key = inject("meiliKey");
    const pages = await Promise.all(
      [
        "/",
        "/search?q=yak",
        "/gi/1",
        "/trademarks/1",
        "/regional-brands/1",
        "/events",
        "/stats",
        "/verify",
        "/login",
        "/signup",
        "/shortlist",
        "/open-data",
        "/report",
        "/api/v1/openapi.json",
      ].map(async (p) => (await fetch(`${app.url}${p}`)).text()),
    );
    const scripts = new Set(pages.flatMap((html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)));
    expect(scripts.size).toBeGreaterThan(0);
    const assets = await Promise.all([...scripts].map(async (s) => (await fetch(`${app.url}${s}`)).text()));
    for (const text of [...pages, ...assets]) expect(text).not.toContain(key);
    // no source maps are built (vite.config.ts build.sourcemap false): none is referenced, none is served
    for (const text of assets) expect(text).not.toMatch(/sourceMappingURL=/);
    for (const s of [...scripts].filter((a) => a.endsWith(".js"))) {
      const map = await fetch(`${app.url}${s}.map`);
      expect(map.status).toBe(404);
      expect(await map.text()).not.toContain(key);
    }
  });
});

describe("with Meilisearch unreachable", () => {
  let degraded: TestApp;
  beforeAll(async () => {
    degraded = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { MEILI_URL: "http://127.0.0.1:9" } }).catch((e) => {
      throw e;
    });
  });
  afterAll(async () => degraded?.stop());

  it("stays healthy with search degraded and answers searches from PostgreSQL", async () => {
    const health = await fetch(`${degraded.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ db: "ok", search: "degraded" });
    const res = await fetch(`${degraded.url}/search?q=${encodeURIComponent("青稞")}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("互助青稞酒");
    expect(html).toContain("搜索服务暂时不可用");
  });
});
