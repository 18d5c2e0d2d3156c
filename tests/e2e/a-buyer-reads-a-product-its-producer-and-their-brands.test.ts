import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedSampleCatalogue } from "../../db/seed/sample";
import { startTestApp, type TestApp } from "../support/app";
import { browserAvailable, launchBrowser } from "../support/browser";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { samplePicturesIn } from "../support/events";
import { createTestSearch } from "../support/search";

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let dataDir: string;
const ids = { product: 0, expiredGiProduct: 0, organization: 0, trademark: 0, regionalBrand: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haidong-records-"));
  await seedSampleCatalogue(t.db, await samplePicturesIn(path.join(dataDir, "images")));
  const id = async (table: "products" | "organizations" | "trademarks" | "regional_brands", name: string) =>
    (await t.db.selectFrom(table).select("id").where("name_zh", "=", name).executeTakeFirstOrThrow()).id;
  ids.product = await id("products", "示例互助青稞酒 42度 500毫升");
  ids.expiredGiProduct = await id("products", "示例白牦牛肉 冷冻分割");
  ids.organization = await id("organizations", "互助示例青稞酒业有限公司");
  ids.trademark = await id("trademarks", "示例青稞");
  ids.regionalBrand = await id("regional_brands", "黄河彩篮");
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: dataDir } });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const get = async (p: string) => {
  const res = await fetch(`${app.url}${p}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

describe("record pages over HTTP", () => {
  it("shows the product with its GI badge, basis and validity, and serves its picture", async () => {
    const { status, html } = await get(`/products/${ids.product}`);
    expect(status).toBe(200);
    expect(html).toMatch(/地理标志:(<!-- -->)?<span lang="zh-CN">互助青稞酒<\/span>/);
    expect(html).toContain("示例公告 2020 第 1 号");
    expect(html).toMatch(/区域公用品牌:(<!-- -->)?<span lang="zh-CN">黄河彩篮<\/span>/);
    expect(html).toContain("示例数据");
    const src = html.match(/src="(\/images\/[^"]+\.jpg)"/)![1]!;
    const img = await fetch(`${app.url}${src}`);
    expect(img.status).toBe(200);
    expect(img.headers.get("content-type")).toBe("image/jpeg");
    expect(img.headers.get("cache-control")).toContain("immutable");
    expect(img.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("shows no GI badge when the producer's authorisation has expired", async () => {
    const { html } = await get(`/products/${ids.expiredGiProduct}`);
    expect(html).not.toMatch(/class="badge badge--gi">地理标志:/);
    expect(html).toContain("不显示标志");
  });

  it("shows an organisation's public contacts only", async () => {
    const { html } = await get(`/organizations/${ids.organization}`);
    expect(html).toContain("sales@distillery.example.com");
    expect(html).not.toContain("13800000000");
    expect(html).toContain("经公告核准使用");
  });

  it("computes a trademark's validity", async () => {
    const { html } = await get(`/trademarks/${ids.trademark}`);
    expect(html).toMatch(/2026-03-13/);
  });

  it("lists a regional brand's licensed users", async () => {
    const { html } = await get(`/regional-brands/${ids.regionalBrand}`);
    expect(html).toContain("互助示例青稞酒业有限公司");
  });

  it.each(["/products/999999", "/organizations/abc", "/trademarks/1e3", "/regional-brands/-1", "/images/../../etc/passwd", "/images/00/nothing.jpg"])(
    "answers %s with 404",
    async (p) => {
      expect((await get(p)).status).toBe(404);
    },
  );
});

describe.skipIf(!browserAvailable)("record pages in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser?.close());

  it("a buyer goes from a product to its producer and the GI", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.url}/products/${ids.product}`);
    await page.getByRole("link", { name: "互助示例青稞酒业有限公司" }).click();
    await page.getByRole("heading", { level: 1, name: "互助示例青稞酒业有限公司" }).waitFor();
    await page.getByRole("link", { name: "互助青稞酒" }).first().click();
    await page.getByRole("heading", { level: 1, name: "互助青稞酒" }).waitFor();
    await page.context().close();
  });
});
