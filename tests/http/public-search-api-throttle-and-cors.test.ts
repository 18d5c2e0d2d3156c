import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// /api/v1/search is part of the public read-only API: it answers other sites' browsers (CORS, no credentials) and has
// the same per-client budget as the open-data API (120 at once, then 2 a second), answered 429 JSON + Retry-After.

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

describe("the public search API", () => {
  it("lets a county tourism site read search results from its own pages in the browser", async () => {
    const res = await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("青稞")}`, { headers: { origin: "https://tourism.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    const preflight = await fetch(`${app.url}/api/v1/search`, {
      method: "OPTIONS",
      headers: { origin: "https://tourism.example", "access-control-request-method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    const post = await fetch(`${app.url}/api/v1/search`, { method: "POST", headers: { origin: app.url } });
    expect(post.status).toBe(405);
    expect(post.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("a scraper asking 150 times in a row is told to wait, in JSON with Retry-After", async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    // an unknown parameter is answered 400 without touching the search engine, so the loop is quick; the budget is
    // spent by every request all the same
    for (let i = 0; i < 150; i++) {
      const res = await fetch(`${app.url}/api/v1/search?bogus=${i}`);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(refused!.headers.get("content-type")).toMatch(/^application\/json/);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused!.headers.get("access-control-allow-origin")).toBe("*");
    expect(((await refused!.json()) as { error: string }).error).toMatch(/too many requests/);
  });
});
