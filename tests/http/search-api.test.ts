import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE, insertSearchFixture } from "../../db/seed/search-fixtures";
import { scriptUrls } from "../../scripts/bench/js";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { FALLBACK_TIMEOUT_MS } from "../../db/queries/search-fallback";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// GET /api/v1/search and /search over real HTTP: the shape docs/interfaces.md fixes, 400s that name the parameter, caching headers,
// safe output for markup, and the PostgreSQL fallback when Meilisearch is unreachable.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;

const enc = encodeURIComponent;

/** The facet checkbox for a value in server-rendered HTML (attribute order is React's business). */
function checkbox(html: string, name: string, value: string): string | undefined {
  return [...html.matchAll(/<input [^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`name="${name}"`) && tag.includes(`value="${value}"`));
}

async function api(qs: string) {
  const res = await fetch(`${app.url}/api/v1/search?${qs}`);
  return {
    res,
    body: (await res.json()) as Record<string, unknown> & { hits: Record<string, unknown>[]; facets: Record<string, Record<string, number>>; total: number },
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await insertSearchFixture(t.db);
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  // the app's own outbox worker indexes the reference data and the fixture
  await waitForIndexed(async () => {
    if ((await pendingSearchEventCount(t.db)) > 0) return false;
    const { body } = await api(`q=${enc(FIXTURE.products.jerky)}`);
    return body.degraded === false && body.hits.some((h) => h.name_zh === FIXTURE.products.jerky);
  }, 30_000);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

describe("GET /api/v1/search", () => {
  it("answers in the docs/interfaces.md shape with cacheable JSON", async () => {
    const { res, body } = await api(`q=${enc("青稞")}&per_page=5`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);
    expect(Object.keys(body).sort()).toEqual(["corrected", "degraded", "facets", "hits", "page", "per_page", "total"]);
    expect(body.corrected).toBeNull();
    expect(body).toMatchObject({ page: 1, per_page: 5, degraded: false });
    expect(body.total).toBeGreaterThan(5);
    expect(body.hits).toHaveLength(5);
    for (const hit of body.hits) {
      expect(hit).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String), name_zh: expect.any(String), url: expect.any(String) }));
      expect(hit).toHaveProperty("name_en");
      expect(hit).toHaveProperty("county");
      const prefix = { gi: "/gi/", trademark: "/trademarks/", organization: "/organizations/", regional_brand: "/regional-brands/", product: "/products/" }[
        hit.type as string
      ];
      expect(hit.url).toBe(`${prefix}${hit.record_id}`);
      // search-only fields never leave the server
      expect(hit).not.toHaveProperty("name_substrings");
      expect(hit).not.toHaveProperty("pinyin");
    }
    expect(Object.keys(body.facets).sort()).toEqual(["certification", "county", "gi_scheme", "month", "nice_class", "township", "type", "well_known"]);
  });

  it("filters by facet parameters (OR within one, AND across) and counts only the facets asked for", async () => {
    const { body } = await api(`type=product&county=${enc("乐都")}&county=${enc("循化")}&facets=type,county&per_page=50`);
    expect(Object.keys(body.facets).sort()).toEqual(["county", "type"]);
    const names = body.hits.map((h) => h.name_zh);
    expect(names).toEqual(expect.arrayContaining([FIXTURE.products.garlic, FIXTURE.products.sauce]));
    for (const h of body.hits) {
      expect(h.type).toBe("product");
      expect(["乐都区", "循化撒拉族自治县"]).toContain(h.county);
    }
    const { body: schemes } = await api(`gi_scheme=protected_product&county=${enc("互助土族自治县")}&month=8&certification=green_food`);
    expect(schemes.hits.map((h) => h.name_zh)).toEqual([FIXTURE.products.liquor]);
    const { body: wellKnown } = await api(`well_known=true&nice_class=30&township=${enc(FIXTURE.townships.weiyuan)}`);
    expect(wellKnown.total).toBe(0);
    const { body: tm } = await api(`well_known=true&nice_class=30`);
    expect(tm.hits.map((h) => h.name_zh)).toEqual([FIXTURE.trademarks.exact.name]);
  });

  it("pages with page and per_page", async () => {
    const first = await api("per_page=3&page=1&sort=name");
    const second = await api("per_page=3&page=2&sort=name");
    expect(second.body).toMatchObject({ page: 2, per_page: 3 });
    const ids = [...first.body.hits, ...second.body.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(6);
  });

  it("returns matched words as escaped HTML with <mark>, never the stored markup", async () => {
    const { res, body } = await api(`q=${enc("青稞饼")}`);
    // JSON, never sniffed as HTML
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const hit = body.hits.find((h) => h.name_zh === FIXTURE.products.markup) as { highlight: { name_zh?: string } } | undefined;
    expect(hit?.highlight.name_zh).toBe("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;<mark>青稞饼</mark>");
  });

  it.each([
    ["colour=red", "colour"],
    ["type=gis", "type"],
    [`county=${enc("北京")}`, "county"],
    ["township=%00", "township"],
    ["gi_scheme=pdo", "gi_scheme"],
    ["nice_class=99", "nice_class"],
    ["certification=halal", "certification"],
    ["month=13", "month"],
    ["well_known=maybe", "well_known"],
    ["sort=price", "sort"],
    ["facets=type,colour", "facets"],
    ["page=0", "page"],
    ["page=1&page=2", "page"],
    ["per_page=500", "per_page"],
    [`q=${"a".repeat(201)}`, "q"],
    ["lang=en", "lang"],
  ])("refuses %s with 400 naming %s", async (qs, param) => {
    const { res, body } = await api(qs);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toContain(`Parameter ${param}:`);
  });

  it("has no action: a same-origin POST is refused without a 500", async () => {
    const res = await fetch(`${app.url}/api/v1/search`, { method: "POST", headers: { origin: app.url } });
    expect(res.status).toBe(405);
  });
});

describe("GET /search", () => {
  it("loads no validator code: parameters are parsed by the loader only, so zod stays out of the page's JavaScript", async () => {
    // zod once came back into the search page through a shared module (+25 KB gzipped, over the 150 KB budget the
    // bench measures); its internals all go through `._zod`
    const html = await (await fetch(`${app.url}/search?q=${encodeURIComponent("青稞")}`)).text();
    const scripts = scriptUrls(html);
    expect(scripts.length).toBeGreaterThan(3);
    const withZod: string[] = [];
    for (const src of scripts) if ((await (await fetch(new URL(src, app.url))).text()).includes("._zod.")) withZod.push(src);
    expect(withZod).toEqual([]);
  });

  it("names a bad parameter in Chinese by default and in English with lang=en", async () => {
    const zh = await fetch(`${app.url}/search?page=0`);
    expect(zh.status).toBe(400);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain("参数 page:应在 1 到 200 之间");
    expect(zhHtml).toContain("搜索条件有误");
    const en = await fetch(`${app.url}/search?month=13&lang=en`);
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("Parameter month: must be from 1 to 12");
  });

  it("renders stored and typed markup as text", async () => {
    const html = await (await fetch(`${app.url}/search?q=${enc('<script>alert("q")</script>青稞饼')}`)).text();
    expect(html).not.toMatch(/<script>alert\(/);
    expect(html).not.toMatch(/<img src=x/);
    const found = await (await fetch(`${app.url}/search?q=${enc("青稞饼")}`)).text();
    expect(found).toContain("<span>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span><mark>青稞饼</mark>");
  });

  it("shows facet checkboxes with counts, and keeps a selected county's siblings visible", async () => {
    const html = await (await fetch(`${app.url}/search?county=${enc("乐都区")}`)).text();
    expect(checkbox(html, "county", "乐都区")).toMatch(/type="checkbox".*checked=""/);
    expect(checkbox(html, "county", "乐都区")).toContain('form="search-form"');
    expect(checkbox(html, "county", "互助土族自治县")).not.toContain("checked");
    expect(html).toMatch(/facet__count">\(\d+\)</);
  });

  it("suggests other spellings and removing filters when nothing is found", async () => {
    const html = await (await fetch(`${app.url}/search?q=${enc("土豆丝")}&county=${enc("乐都区")}`)).text();
    expect(html).toContain(`href="/search?q=tudousi&amp;county=${enc("乐都区")}"`);
    expect(html).toContain(`href="/search?q=${enc("土豆丝")}"`);
  });
});

describe("with Meilisearch unreachable", () => {
  let degraded: TestApp;
  beforeAll(async () => {
    degraded = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { MEILI_URL: "http://127.0.0.1:9" } });
  });
  afterAll(async () => degraded?.stop());

  it("answers the API from PostgreSQL with degraded: true, type and county counts, uncached", async () => {
    const started = Date.now();
    const res = await fetch(`${degraded.url}/api/v1/search?q=${enc("青稞")}&county=${enc("互助")}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as {
      hits: { name_zh: string; county: string }[];
      facets: Record<string, Record<string, number>>;
      degraded: boolean;
      total: number;
    };
    expect(body.degraded).toBe(true);
    expect(body.hits.map((h) => h.name_zh)).toContain("互助青稞酒");
    for (const h of body.hits) expect(h.county).toBe("互助土族自治县");
    expect(Object.keys(body.facets).sort()).toEqual(["county", "type"]);
    expect(body.facets.county?.["互助土族自治县"]).toBe(body.total);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("gives up on a fallback query after its time limit with 503 and Retry-After, instead of holding a connection", async () => {
    // a lock that keeps the fallback's read of its search table (decision 040) waiting, as a busy server would
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const holder = t.db.transaction().execute(async (trx) => {
      await sql`lock table search_records in access exclusive mode`.execute(trx);
      locked();
      await held;
    });
    try {
      await lockTaken;
      const started = Date.now();
      const res = await fetch(`${degraded.url}/api/v1/search?q=${enc("青稞")}`);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(Date.now() - started).toBeGreaterThanOrEqual(FALLBACK_TIMEOUT_MS - 100);
    } finally {
      release();
      await holder;
    }
    expect((await fetch(`${degraded.url}/api/v1/search?q=${enc("青稞")}`)).status).toBe(200);
  });

  it("shows the page with a notice, results and the main facets", async () => {
    const res = await fetch(`${degraded.url}/search?q=${enc("hu zhu")}&type=gi`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("搜索服务暂时不可用");
    expect(html).toContain("互助青稞酒");
    expect(checkbox(html, "type", "gi")).toContain('checked=""');
    expect(html).toMatch(/facet__count">\(\d+\)</);
  });
});
