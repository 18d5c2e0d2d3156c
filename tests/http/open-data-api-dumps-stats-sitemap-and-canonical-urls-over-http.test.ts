import http from "node:http";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jsonb } from "../../db/json";
import { OPEN_DATA_TYPES } from "../../db/queries/open-data";
import { csvColumns } from "../../app/open-data/dumps.server";
import { SearchResponse } from "../../app/open-data/openapi";
import { LIST_SCHEMAS, RECORD_SCHEMAS } from "../../app/open-data/schemas";
import { todayInChina } from "../../app/platform/china-time";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// The open-data API, bulk dumps, /stats, sitemap.xml, robots.txt and the record pages' canonical/Open Graph/JSON-LD
// over real HTTP against the built app, real PostgreSQL and Meilisearch. The app trusts one proxy hop (TRUST_PROXY=1)
// so each test can be its own client (X-Forwarded-For) for the per-client throttle.

const ORIGIN = "https://catalogue.example.cn";
const HOSTILE = "</script><script>alert(1)</script>";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let bare: TestApp; // no PUBLIC_ORIGIN
const ids = {
  org: 0,
  markedOrg: 0,
  draftOrg: 0,
  township: 0,
  products: [] as number[],
  hostileProduct: 0,
  draftProduct: 0,
  sampleProduct: 0,
  markedProduct: 0,
  validMark: 0,
  draftGi: 0,
};
const PRODUCT_COUNT = 23;

let clientNo = 0;
/** A fresh client address (RFC 5737 documentation range: only ever a header value). */
const newClient = () => ({ "x-forwarded-for": `198.51.100.${++clientNo}` });

async function get(path: string, headers: Record<string, string> = {}, base = app.url) {
  const res = await fetch(`${base}${path}`, { headers: { ...newClient(), ...headers } });
  const text = await res.text();
  return { res, status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

function addYears(iso: string, years: number) {
  const [y, m, d] = iso.split("-");
  return `${Number(y) + years}-${m}-${d === "29" && m === "02" ? "28" : d}`;
}

beforeAll(async () => {
  t = await createTestDatabase();
  const db = t.db;
  // only this file's rows count in the figures
  for (const table of ["trademarks", "products"] as const) await db.updateTable(table).set({ status: "archived" }).execute();
  const ledu = (await db.selectFrom("places").select("id").where("name_zh", "=", "乐都区").executeTakeFirstOrThrow()).id;
  const huzhu = (await db.selectFrom("places").select("id").where("name_zh", "=", "互助土族自治县").executeTakeFirstOrThrow()).id;
  ids.township = (
    await db
      .insertInto("places")
      .values({ kind: "township", parent_id: ledu, name_zh: "碾伯街道" })
      .onConflict((oc) => oc.columns(["parent_id", "name_zh"]).doUpdateSet({ name_zh: "碾伯街道" }))
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  const org = (values: Record<string, unknown>) =>
    db
      .insertInto("organizations")
      .values({ name_zh: "x", status: "published", ...values })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  ids.org = await org({
    name_zh: "开放数据测试合作社",
    county_id: ledu,
    township_id: ids.township,
    org_type: "cooperative",
    contacts: jsonb([
      { kind: "phone", value: "0972-1234567", public: true },
      { kind: "mobile", value: "13900009999", public: false },
    ]),
  });
  ids.markedOrg = await org({ name_zh: "经营异常测试公司", county_id: huzhu, credit_status: "abnormal" });
  ids.draftOrg = await org({ name_zh: "草稿测试公司", county_id: huzhu, status: "draft" });
  const product = (values: Record<string, unknown>) =>
    db
      .insertInto("products")
      .values({ organization_id: ids.org, name_zh: "p", status: "published", ...values })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  for (let i = 1; i <= PRODUCT_COUNT; i++) {
    ids.products.push(
      await product({
        name_zh: `开放数据产品${String(i).padStart(2, "0")}`,
        category: i % 3 === 0 ? "肉类" : "粮油",
        availability_months: i <= 5 ? [5, 6] : [1],
      }),
    );
  }
  ids.hostileProduct = await product({ name_zh: HOSTILE, category: "粮油", description_zh: `描述 ${HOSTILE} & \u2028` });
  ids.draftProduct = await product({ name_zh: "草稿产品", status: "draft" });
  ids.sampleProduct = await product({ name_zh: "示例开放数据产品", is_sample: true, category: "粮油" });
  ids.markedProduct = await product({ name_zh: "异常主体产品", organization_id: ids.markedOrg });
  const today = todayInChina();
  ids.validMark = (
    await db
      .insertInto("trademarks")
      .values({
        name_zh: "开放数据商标",
        reg_no: "OD0001",
        legal_status: "registered",
        registration_date: addYears(today, -2),
        status: "published",
        well_known: true,
        holder_org_id: ids.org,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto("trademarks")
    .values({ name_zh: "失效商标", reg_no: "OD0002", legal_status: "registered", registration_date: addYears(today, -11), status: "published" })
    .execute();
  // held by an organisation under a credit mark: out of the public catalogue, the API, the dumps and the figures
  await db
    .insertInto("trademarks")
    .values({
      name_zh: "异常主体商标",
      reg_no: "OD0003",
      legal_status: "registered",
      registration_date: addYears(today, -1),
      status: "published",
      well_known: true,
      holder_org_id: ids.markedOrg,
    })
    .execute();
  ids.draftGi = (await db.insertInto("gi_products").values({ name_zh: "草稿地标", status: "draft" }).returning("id").executeTakeFirstOrThrow()).id;

  search = await createTestSearch();
  [app, bare] = await Promise.all([
    startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { PUBLIC_ORIGIN: ORIGIN, TRUST_PROXY: "1" } }),
    startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix }),
  ]);
});

afterAll(async () => {
  await Promise.all([app?.stop(), bare?.stop()]);
  await search?.drop();
  await t?.drop();
});

describe("GET /api/v1/<type>", () => {
  it("pages through published records by id, with totals, and every answer matches its Zod schema exactly", async () => {
    const seen: number[] = [];
    let total = 0;
    for (const page of [1, 2, 3, 4]) {
      const r = await get(`/api/v1/products?per_page=7&page=${page}&county=${encodeURIComponent("乐都")}`);
      expect(r.status).toBe(200);
      expect(r.res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      const body = r.json();
      // parsing strips unknown fields: equality means the body has exactly the published shape
      expect(LIST_SCHEMAS.products.parse(body)).toEqual(body);
      const items = body.items as { id: number; name_zh: string }[];
      total = body.total as number;
      expect(body).toMatchObject({ page, per_page: 7 });
      seen.push(...items.map((i) => i.id));
    }
    // 23 products + the hostile one + the sample (flagged); never the draft or the credit-marked organisation's
    expect(total).toBe(PRODUCT_COUNT + 2);
    expect(seen).toEqual([...ids.products, ids.hostileProduct, ids.sampleProduct]);
    const past = (await get(`/api/v1/products?per_page=7&page=5&county=${encodeURIComponent("乐都")}`)).json();
    expect(past).toEqual({ items: [], total: PRODUCT_COUNT + 2, page: 5, per_page: 7 });
  });

  it("applies the type's filters (OR within a parameter, AND across)", async () => {
    const months = (await get("/api/v1/products?month=5&month=12&per_page=100")).json();
    expect((months.items as { id: number }[]).map((i) => i.id)).toEqual(ids.products.slice(0, 5));
    const township = (await get(`/api/v1/products?township=${encodeURIComponent("碾伯街道")}&per_page=1`)).json();
    expect(township.total).toBe(PRODUCT_COUNT + 2);
    const huzhu = (await get(`/api/v1/products?county=${encodeURIComponent("互助")}`)).json();
    expect(huzhu.total).toBe(0); // the only 互助 products belong to a credit-marked or draft organisation
    const wellKnown = (await get("/api/v1/trademarks?well_known=true")).json();
    expect((wellKnown.items as { id: number }[]).map((i) => i.id)).toEqual([ids.validMark]);
    const gi = (await get("/api/v1/gi?gi_scheme=agricultural&per_page=100")).json();
    for (const item of gi.items as { schemes: { scheme: string }[] }[]) expect(item.schemes.map((s) => s.scheme)).toContain("agricultural");
    expect(gi.total).toBeGreaterThan(0);
  });

  it("serves every type's list and detail, the detail equal to its list item", async () => {
    for (const type of OPEN_DATA_TYPES) {
      const list = (await get(`/api/v1/${type}?per_page=100`)).json();
      expect(LIST_SCHEMAS[type].parse(list)).toEqual(list);
      const first = (list.items as { id: number; url: string }[])[0]!;
      expect(first, type).toBeDefined();
      const detail = await get(`/api/v1/${type}/${first.id}`);
      expect(detail.status).toBe(200);
      expect(RECORD_SCHEMAS[type].parse(detail.json())).toEqual(detail.json());
      expect(detail.json()).toEqual(first);
    }
  });

  it("shows organisations in good standing with their public contacts only", async () => {
    const org = await get(`/api/v1/organizations/${ids.org}`);
    expect(org.json()).toMatchObject({ name_zh: "开放数据测试合作社", contacts: [{ kind: "phone", value: "0972-1234567" }], township: "碾伯街道" });
    expect(org.text).not.toContain("13900009999");
    expect(org.text).not.toMatch(/credit_status|"public"/);
    const all = await get("/api/v1/organizations?per_page=100");
    expect(all.text).not.toContain("13900009999");
    expect(all.text).not.toContain("经营异常测试公司");
    expect(all.text).not.toContain("草稿测试公司");
  });

  it.each([
    ["/api/v1/products?per_page=101", 400, "per_page"],
    ["/api/v1/products?per_page=abc", 400, "per_page"],
    ["/api/v1/products?page=0", 400, "page"],
    ["/api/v1/products?colour=red", 400, "colour"],
    ["/api/v1/products?county=Beijing", 400, "county"],
    ["/api/v1/products?township=%E6%97%A0%E6%AD%A4%E9%95%87", 400, "township"],
    ["/api/v1/trademarks?well_known=maybe", 400, "well_known"],
    ["/api/v1/gi?gi_scheme=x", 400, "gi_scheme"],
    ["/api/v1/gi/1?page=2", 400, "page"],
  ])("%s → %i naming the parameter", async (path, status, param) => {
    const r = await get(path);
    expect(r.status).toBe(status);
    expect(r.res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
    const body = r.json();
    expect(Object.keys(body)).toEqual(["error"]);
    expect(body.error).toContain(param);
  });

  it("answers 404 {error} for unknown or unpublished records and unknown resources", async () => {
    const paths = [
      `/api/v1/products/${ids.draftProduct}`,
      `/api/v1/products/${ids.markedProduct}`,
      `/api/v1/organizations/${ids.markedOrg}`,
      `/api/v1/organizations/${ids.draftOrg}`,
      `/api/v1/gi/${ids.draftGi}`,
      "/api/v1/trademarks/999999999",
      "/api/v1/trademarks/abc",
      "/api/v1/trademarks/1e3",
      "/api/v1/regional-brands/-1",
      "/api/v1/widgets",
      "/api/v1/widgets/1",
    ];
    for (const path of paths) {
      const r = await get(path);
      expect({ path, status: r.status }).toEqual({ path, status: 404 });
      expect(Object.keys(r.json())).toEqual(["error"]);
    }
  });
});

describe("caching and conditional GET", () => {
  it("answers If-None-Match and If-Modified-Since with 304, and a changed record with a new ETag", async () => {
    const path = `/api/v1/products/${ids.products[0]}`;
    const first = await get(path);
    const etag = first.res.headers.get("etag")!;
    const modified = first.res.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(new Date(modified).getTime()).toBeGreaterThan(0);
    expect(first.res.headers.get("cache-control")).toMatch(/public, max-age=\d+/);

    const again = await get(path, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.text).toBe("");
    expect(again.res.headers.get("etag")).toBe(etag);
    expect(again.res.headers.get("access-control-allow-origin")).toBe("*");
    expect((await get(path, { "if-none-match": `"other", ${etag}` })).status).toBe(304);
    expect((await get(path, { "if-modified-since": modified })).status).toBe(304);
    expect((await get(path, { "if-modified-since": new Date(Date.parse(modified) - 86_400_000).toUTCString() })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since
    expect((await get(path, { "if-none-match": 'W/"stale"', "if-modified-since": modified })).status).toBe(200);

    await t.db
      .updateTable("products")
      .set({ description_zh: "更新后的描述", updated_at: new Date(Date.parse(modified) + 5000) })
      .where("id", "=", ids.products[0]!)
      .execute();
    const changed = await get(path, { "if-none-match": etag, "if-modified-since": modified });
    expect(changed.status).toBe(200);
    expect(changed.json().description_zh).toBe("更新后的描述");
    expect(changed.res.headers.get("etag")).not.toBe(etag);
    expect(Date.parse(changed.res.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(modified));
    expect((await get(path, { "if-modified-since": modified })).status).toBe(200);
  });

  it("gives lists an ETag too", async () => {
    const first = await get("/api/v1/gi?per_page=3");
    expect((await get("/api/v1/gi?per_page=3", { "if-none-match": first.res.headers.get("etag")! })).status).toBe(304);
    expect((await get("/api/v1/gi?per_page=4", { "if-none-match": first.res.headers.get("etag")! })).status).toBe(200);
  });
});

describe("CORS", () => {
  it("lets any origin GET, and answers the preflight for GET only", async () => {
    const r = await get("/api/v1/gi", { origin: "https://elsewhere.example" });
    expect(r.res.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.res.headers.get("access-control-expose-headers")).toContain("ETag");
    const pre = await fetch(`${app.url}/api/v1/gi`, {
      method: "OPTIONS",
      headers: {
        ...newClient(),
        origin: "https://elsewhere.example",
        "access-control-request-method": "GET",
        "access-control-request-headers": "if-none-match",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    expect(pre.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("if-none-match");
    const post = await fetch(`${app.url}/api/v1/gi`, { method: "POST", headers: newClient() });
    expect(post.status).toBe(405);
    const cross = await fetch(`${app.url}/api/v1/gi/1`, { method: "DELETE", headers: { ...newClient(), origin: "https://elsewhere.example" } });
    expect([403, 405]).toContain(cross.status);
  });
});

describe("throttling", () => {
  it("answers 429 with Retry-After once a client has used its burst, and only for that client", async () => {
    const client = newClient();
    let allowed = 0;
    let limited: { res: Response; body: string } | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await fetch(`${app.url}/api/v1/regional-brands?per_page=1`, { headers: client });
      const body = await res.text();
      if (res.status === 429) limited = { res, body };
      else {
        expect(res.status).toBe(200);
        allowed++;
      }
    }
    expect(limited).toBeDefined();
    expect(allowed).toBeGreaterThanOrEqual(120);
    expect(Number(limited!.res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited!.res.headers.get("access-control-allow-origin")).toBe("*");
    expect((JSON.parse(limited!.body) as { error: string }).error).toMatch(/too many requests/);
    // the dumps share the budget; another client is unaffected
    expect((await fetch(`${app.url}/open-data/gi.json`, { headers: client })).status).toBe(429);
    expect((await get("/api/v1/regional-brands?per_page=1")).status).toBe(200);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("serves a valid OpenAPI 3.1 document naming the canonical server", async () => {
    const r = await get("/api/v1/openapi.json");
    expect(r.status).toBe(200);
    const doc = r.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.servers).toEqual([{ url: ORIGIN }]);
    expect(Object.keys(doc.paths as object)).toEqual(expect.arrayContaining(["/api/v1/products", "/api/v1/products/{id}", "/api/v1/search"]));
  });

  it("describes /api/v1/search truthfully (its real answer matches the documented schema)", async () => {
    const r = await get(`/api/v1/search?q=${encodeURIComponent("青稞")}&per_page=3`);
    expect(r.status).toBe(200);
    expect(SearchResponse.safeParse(r.json()).success).toBe(true);
  });
});

describe("bulk downloads", () => {
  it("serves CSV with a BOM and the schema's columns, without private or hidden data", async () => {
    const r = await get("/open-data/products.csv");
    expect(r.status).toBe(200);
    expect(r.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(r.res.headers.get("content-disposition")).toMatch(/^attachment; filename="haidong-products-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(r.res.headers.get("link")).toContain('rel="license"');
    const bytes = new Uint8Array(await (await fetch(`${app.url}/open-data/products.csv`, { headers: newClient() })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = r.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(header).toBe(
      csvColumns(RECORD_SCHEMAS.products)
        .map((c) => c.name)
        .join(","),
    );
    expect(header).toContain("organization_name_zh");
    expect(rows).toHaveLength(PRODUCT_COUNT + 2);
    expect(r.text).toContain("开放数据产品01");
    expect(r.text).not.toContain("草稿产品");
    expect(r.text).not.toContain("异常主体产品");
    const orgs = await get("/open-data/organizations.csv");
    expect(orgs.text).toContain("phone:0972-1234567");
    expect(orgs.text).not.toContain("13900009999");
  });

  it("serves JSON with the licence, generation time and records in the API's shape, and 304 when unchanged", async () => {
    const r = await get("/open-data/trademarks.json");
    const body = r.json() as { licence: { name: string; url: string }; generated_at: string; count: number; records: unknown[] };
    expect(body.licence).toMatchObject({ name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/" });
    expect(Date.parse(body.generated_at)).toBeGreaterThan(Date.now() - 3_600_000);
    expect(body.count).toBe(2); // not the credit-marked holder's mark
    expect(r.text).not.toContain("异常主体商标");
    expect(z.array(RECORD_SCHEMAS.trademarks).parse(body.records)).toEqual(body.records);
    const api = (await get("/api/v1/trademarks?per_page=100")).json();
    expect(body.records).toEqual(api.items);
    expect((await get("/open-data/trademarks.json", { "if-none-match": r.res.headers.get("etag")! })).status).toBe(304);
    expect((await get("/open-data/nothing.csv")).status).toBe(404);
    expect((await get("/open-data/gi.xml")).status).toBe(404);
  });

  it("lists every download with its licence on /open-data", async () => {
    const r = await get("/open-data");
    expect(r.status).toBe(200);
    for (const type of OPEN_DATA_TYPES) {
      expect(r.text).toContain(`href="/open-data/${type}.csv"`);
      expect(r.text).toContain(`href="/open-data/${type}.json"`);
    }
    expect(r.text).toContain("CC BY 4.0");
    expect(r.text).toContain(`<link rel="canonical" href="${ORIGIN}/open-data"/>`);
  });
});

describe("/stats over HTTP", () => {
  it("renders each figure as an SVG image with a title, a data table and a CSV link", async () => {
    const r = await get("/stats");
    expect(r.status).toBe(200);
    for (const figure of ["official", "trademarks", "gi-schemes", "well-known", "gi-users", "products", "renewals", "events"]) {
      expect(r.text).toContain(`href="/stats/${figure}.csv"`);
    }
    const svgs = [...r.text.matchAll(/<svg [^>]*>/g)].map((m) => m[0]).filter((s) => s.includes('class="chart"'));
    expect(svgs.length).toBeGreaterThanOrEqual(6);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const [titleId, descId] = svg.match(/aria-labelledby="([^"]+)"/)![1]!.split(" ");
      expect(r.text).toContain(`<title id="${titleId}">`);
      expect(r.text).toContain(`<desc id="${descId}">`);
    }
    expect(r.text).toMatch(/<caption[^>]*>数据表:/);
    expect(r.text).toContain('<th scope="col">');
    expect(r.text).toContain('<th scope="row">');
    expect(r.text).toContain("1,452");
    expect(r.text).toContain("12,000");
    expect(r.text).not.toMatch(/<script(?![^>]*(?:nonce=|type="application\/ld\+json"))/);
  });

  it("offers each figure's data as CSV with a BOM, matching the fixture", async () => {
    const products = await get("/stats/products.csv");
    expect(products.res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await (await fetch(`${app.url}/stats/products.csv`)).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM (fetch's text() drops it)
    // hand count: 23 fixture products (every third 肉类) + the hostile one (粮油); the sample, the draft and the
    // credit-marked organisation's product do not count
    expect(products.text.replace(/^\uFEFF/, "").split("\r\n")).toEqual([
      "county_zh,county_en,category,products",
      "乐都区,Ledu District,粮油,17",
      "乐都区,Ledu District,肉类,7",
      "合计,Total,,24",
      "",
    ]);
    const marks = (await get("/stats/trademarks.csv")).text;
    // each measure in both languages (no English words in the Chinese column), the reference rows with their verdict
    expect(marks).toContain("目录收录的商标,Trademarks recorded in the catalogue,catalogue,2,");
    expect(marks).toContain("其中经核实已注册且今日有效,of which verified as registered and valid today,catalogue,1,");
    expect(marks).toMatch(/全市注册商标\(2020 年 10 月报道\),Registered trademarks in Haidong \(reported October 2020\),reference,1452,[^\r\n]*,low,/);
    expect(marks).toContain("2025 年目标:全市商标有效注册量,2025 target: valid trademark registrations in Haidong,target,12000,");
    const wellKnown = (await get("/stats/well-known.csv")).text;
    expect(wellKnown).toContain("目录内中国驰名商标,Well-known marks in the catalogue,catalogue,1,");
    // the two 中国驰名商标 reports are told apart by their date; a mirror never appears as a cited address
    expect(wellKnown).toContain("中国驰名商标(2022 年 12 月报道),China well-known marks (reported December 2022),reference,9,");
    expect(wellKnown).toContain("中国驰名商标(2020 年 10 月报道),China well-known marks (reported October 2020),reference,8,");
    expect(wellKnown).not.toContain("http://tyjgjz.com");
    expect((await get("/stats/nothing.csv")).status).toBe(404);
  });
});

describe("search engines", () => {
  it("lists every public, non-sample record in sitemap.xml with absolute URLs from PUBLIC_ORIGIN and lastmod", async () => {
    const r = await get("/sitemap.xml");
    expect(r.status).toBe(200);
    expect(r.res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    expect(r.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    for (const id of ids.products)
      expect(r.text).toMatch(new RegExp(`<url><loc>${ORIGIN}/products/${id}</loc><lastmod>\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z</lastmod></url>`));
    expect(r.text).toContain(`<loc>${ORIGIN}/organizations/${ids.org}</loc>`);
    expect(r.text).toContain(`<loc>${ORIGIN}/trademarks/${ids.validMark}</loc>`);
    expect(r.text).toContain(`<loc>${ORIGIN}/stats</loc>`);
    expect(r.text).toContain(`<loc>${ORIGIN}/guide/nice-classes</loc>`);
    for (const hidden of [
      `/products/${ids.draftProduct}<`,
      `/products/${ids.sampleProduct}<`,
      `/products/${ids.markedProduct}<`,
      `/organizations/${ids.markedOrg}<`,
      `/gi/${ids.draftGi}<`,
    ]) {
      expect(r.text).not.toContain(hidden);
    }
    const locs = [...r.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    for (const loc of locs) expect(loc.startsWith(`${ORIGIN}/`)).toBe(true);
  });

  it("allows public pages and disallows private areas in robots.txt, pointing to the sitemap", async () => {
    const r = await get("/robots.txt");
    expect(r.res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const lines = r.text.split("\n");
    expect(lines).toContain("User-agent: *");
    expect(lines).toContain("Allow: /");
    for (const p of ["/producer", "/staff", "/api/", "/shortlist", "/login"]) expect(lines).toContain(`Disallow: ${p}`);
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
  });

  it("builds canonical and og:url from PUBLIC_ORIGIN even when the request names a hostile Host and X-Forwarded-Host", async () => {
    const { port } = new URL(app.url);
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const req = http.request(
          {
            host: "127.0.0.1",
            port,
            path,
            headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", "X-Forwarded-For": "198.51.100.250" },
          },
          (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (body += c));
            res.on("end", () => resolve(body));
          },
        );
        req.on("error", reject);
        req.end();
      });
    const pages = {
      product: `/products/${ids.products[1]}`,
      organization: `/organizations/${ids.org}`,
      trademark: `/trademarks/${ids.validMark}`,
    };
    for (const [, path] of Object.entries(pages)) {
      const html = await raw(path);
      expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${path}"/>`);
      expect(html).toContain(`<meta property="og:url" content="${ORIGIN}${path}"/>`);
      expect(html).toMatch(new RegExp(`<meta property="og:image" content="${ORIGIN}/[^"]+"/>`));
      expect(html).not.toContain("evil.example");
    }
    for (const path of ["/sitemap.xml", "/robots.txt", "/stats", "/open-data", "/api/v1/openapi.json"]) {
      expect(await raw(path)).not.toContain("evil.example");
    }
  });

  it("renders schema.org JSON-LD with the nonce, inert even for a name that closes the script", async () => {
    const r = await get(`/products/${ids.hostileProduct}`);
    expect(r.status).toBe(200);
    const nonce = r.res.headers.get("content-security-policy")!.match(/'nonce-([^']+)'/)![1];
    const blocks = [...r.text.matchAll(/<script type="application\/ld\+json" nonce="([^"]*)">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    expect(blocks[0]![1]).toBe(nonce);
    const json = blocks[0]![2]!;
    expect(json).not.toMatch(/[<>\u2028\u2029]/);
    const data = JSON.parse(json) as { "@type": string; name: string; description: string; url: string; manufacturer: { name: string } };
    expect(data).toMatchObject({ "@context": "https://schema.org", "@type": "Product", name: HOSTILE, url: `${ORIGIN}/products/${ids.hostileProduct}` });
    expect(data.description).toContain(HOSTILE);
    expect(data.manufacturer.name).toBe("开放数据测试合作社");
    // the name never appears as markup anywhere in the page
    expect(r.text).not.toContain("<script>alert(1)</script>");
    const org = await get(`/organizations/${ids.org}`);
    const orgLd = JSON.parse(org.text.match(/<script type="application\/ld\+json" nonce="[^"]*">([\s\S]*?)<\/script>/)![1]!) as Record<string, unknown>;
    expect(orgLd).toMatchObject({ "@type": "Organization", name: "开放数据测试合作社", telephone: "0972-1234567" });
    expect(org.text).not.toContain("13900009999");
  });

  it("without PUBLIC_ORIGIN leaves out canonical and og:url and answers the sitemap with a clear 503", async () => {
    const page = await get(`/products/${ids.products[2]}`, {}, bare.url);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('rel="canonical"');
    expect(page.text).not.toContain('property="og:url"');
    expect(page.text).toContain('<meta property="og:image" content="/og-default.png"/>');
    const sitemap = await get("/sitemap.xml", {}, bare.url);
    expect(sitemap.status).toBe(503);
    expect(sitemap.text).toContain("PUBLIC_ORIGIN");
    const robots = await get("/robots.txt", {}, bare.url);
    expect(robots.status).toBe(200);
    expect(robots.text).not.toContain("Sitemap:");
    const image = await fetch(`${bare.url}/og-default.png`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
  });
});
