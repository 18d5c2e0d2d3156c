import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDate } from "../support/buyers";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 21: "GI pages as good as a register" — scheme with number and date, holder, protected area (listed and on
// the diagram of Haidong's districts and counties), standard, the verified authorised users with their products, and
// dated sources, in Chinese first and English second.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let shaguo: number;
let yak: number;

async function org(name_zh: string, name_en: string | null) {
  return (
    await t.db.insertInto("organizations").values({ name_zh, name_en, status: "published", org_type: "cooperative" }).returning("id").executeTakeFirstOrThrow()
  ).id;
}

async function authorise(gi: number, organization: number, verification: "verified" | "pending", valid_to: string | null) {
  await t.db
    .insertInto("gi_authorised_users")
    .values({
      gi_product_id: gi,
      organization_id: organization,
      basis: "announcement",
      basis_reference: "乐质监〔2024〕1号",
      valid_from: "2024-01-01",
      valid_to,
      verification,
    })
    .execute();
}

async function product(organization: number, gi: number, name_zh: string, name_en: string, status: "published" | "draft") {
  await t.db.insertInto("products").values({ organization_id: organization, gi_product_id: gi, name_zh, name_en, status, category: "水果" }).execute();
}

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const gi = (name: string) => t.db.selectFrom("gi_products").select("id").where("name_zh", "=", name).executeTakeFirstOrThrow();
  shaguo = (await gi("乐都沙果")).id;
  yak = (await gi("互助青海白牦牛")).id;
  const current = await org("乐都沙果专业合作社", "Ledu Crabapple Co-operative");
  await authorise(shaguo, current, "verified", chinaDate(200));
  await product(current, shaguo, "沙果干", "Dried crabapple", "published");
  await product(current, shaguo, "沙果酒(试制)", "Crabapple wine (trial)", "draft");
  await authorise(shaguo, await org("过期果业公司", null), "verified", chinaDate(-1));
  await authorise(shaguo, await org("待审果业公司", null), "pending", chinaDate(200));
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const page = async (path: string) => {
  const res = await fetch(`${app.url}${path}`);
  expect(res.status).toBe(200);
  return await res.text();
};

describe("a GI page reads as a register entry (issue 21)", () => {
  it("an official reading 乐都沙果 sees its scheme, what is documented, its six towns, the district marked, the standard and dated sources, all in Chinese", async () => {
    const html = await page(`/gi/${shaguo}`);
    expect(html).toContain("登记情况");
    expect(html).toContain("地理标志保护产品");
    expect(html).toContain("2014 年 12 月通过原国家质检总局技术审查");
    expect(html).toContain("保护范围");
    for (const town of ["高庙镇", "碾伯街道", "洪水镇", "雨润镇", "高店镇", "寿乐镇"]) expect(html).toContain(town);
    expect(html).toMatch(/aria-label="海东市区县示意图,标出乐都沙果所在的乐都"/);
    expect(html).toMatch(/area-map__block--marked"><rect[^>]*><\/rect><text[^>]*>乐都</);
    expect(html).toContain("不表示行政区域界线");
    expect(html).toContain("青海省地方标准《乐都沙果》(草案)");
    expect(html).toContain("果实色泽艳丽");
    expect(html).not.toContain("Fruit colourful");
    // sources are links to the cited pages, marked as not vouched for, with their dates
    expect(html).toMatch(/<a href="http:\/\/m\.578011\.com\/[^"]+" rel="external nofollow noopener noreferrer">m\.578011\.com<\/a>/);
    expect(html).toContain("2014-12-16");
  });

  it("lists only the authorised users verified and valid today, each with its published products", async () => {
    const html = await page(`/gi/${shaguo}`);
    expect(html).toContain("乐都沙果专业合作社");
    expect(html).toContain("沙果干");
    expect(html).not.toContain("沙果酒(试制)");
    expect(html).not.toContain("过期果业公司");
    expect(html).not.toContain("待审果业公司");
    expect(html).toContain("经公告核准使用");
  });

  it("a foreign buyer reads the same entry in English, Chinese names kept only beside their English ones", async () => {
    const html = await page(`/gi/${shaguo}?lang=en`);
    expect(html).toContain("Registration status");
    expect(html).toContain("passed AQSIQ&#x27;s technical review in December 2014");
    expect(html).toContain("Gaomiao Town");
    expect(html).toContain("Nianbo Subdistrict");
    expect(html).toContain("Ledu Crabapple Co-operative");
    expect(html).toContain("Dried crabapple");
    expect(html).toContain("A crabapple (花红, Malus asiatica): colourful, juicy, fragrant");
    expect(html).toMatch(/area-map__block--marked"><rect[^>]*><\/rect><text[^>]*>Ledu</);
  });

  it("a GI with a registration number shows it with the holder, and says where the sources list no townships", async () => {
    const html = await page(`/gi/${yak}`);
    expect(html).toContain("AGI01361");
    expect(html).toContain("互助土族自治县畜牧兽医工作站");
    expect(html).toContain("来源未列出乡镇范围");
    expect(html).toContain("目录中还没有经核实的使用者");
    expect(html).toMatch(/area-map__block--marked"><rect[^>]*><\/rect><text[^>]*>互助</);
  });
});
