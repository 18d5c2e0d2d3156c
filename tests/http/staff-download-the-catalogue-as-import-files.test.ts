import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTable } from "../../app/catalogue-io/tabular";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// /staff/export: the buttons give staff the same files `npm run export` writes (the CLI's round trip is tested in
// app/catalogue-io/round-trip.test.ts); bad parameters are named in the visitor's language.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const reviewer = await createAccount(t.db, { role: "reviewer" });
  cookie = (await signInOverHttp(app.url, reviewer.email, reviewer.password)).cookie;
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const get = (path: string) => fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });

describe("staff download the catalogue as import files", () => {
  it("lists a CSV and a JSON link for every kind", async () => {
    const html = await (await get("/staff/export")).text();
    for (const kind of ["organizations", "trademarks", "gi", "gi-users", "regional-brands", "products"]) {
      expect(html).toContain(`href="/staff/export/${kind}?format=csv"`);
      expect(html).toContain(`href="/staff/export/${kind}?format=json"`);
    }
  });

  it("downloads the reference GI products as a UTF-8 CSV with BOM that reads back with the import columns", async () => {
    const res = await get("/staff/export/gi?format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="haidong-gi-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const published = await t.db.selectFrom("gi_products").select("name_zh").where("status", "=", "published").where("is_sample", "=", false).execute();
    const table = await readTable(bytes);
    expect(table.header).toContain("name_zh");
    const names = new Set(table.rows.map((r) => r.cells[table.header.indexOf("name_zh")]));
    expect(published.length).toBeGreaterThan(0);
    for (const g of published) expect(names.has(g.name_zh)).toBe(true);
  });

  it("downloads JSON with typed values", async () => {
    const res = await get("/staff/export/trademarks?format=json");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const rows = (await res.json()) as Record<string, unknown>[];
    const count = await t.db
      .selectFrom("trademarks")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("status", "=", "published")
      .where("is_sample", "=", false)
      .executeTakeFirstOrThrow();
    expect(rows.length).toBe(Number(count.n));
    expect(rows.every((r) => typeof r.reg_no === "string" || r.reg_no === null)).toBe(true);
  });

  it("answers an unknown kind or format with 400 naming the parameter, in Chinese or English", async () => {
    const zh = await get("/staff/export/passwords?format=csv");
    expect(zh.status).toBe(400);
    expect(await zh.text()).toContain("参数 kind 有误");
    const en = await get("/staff/export/gi?format=xml&lang=en");
    expect(en.status).toBe(400);
    expect(await en.text()).toContain("Parameter format is invalid");
  });
});
