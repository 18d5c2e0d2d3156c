import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../app/platform/china-time";
import { trademarkValidity } from "../../app/domain/trademark-validity";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// The dashboard's reminders, from dates relative to today: trademark renewal window (12 months before expiry) and
// grace period (6 months after), certificates that expire soon or have expired, authorisations that end soon, and
// the duties of a GI special-mark user. Records far from any date give no reminder.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let cookie: string;
let otherCookie: string;

/** today ± days / months as an ISO date (UTC calendar arithmetic is enough for offsets this large) */
function shift(days: number, months = 0) {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const page = async (c: string) => (await fetch(`${app.url}/producer`, { headers: { cookie: c }, redirect: "manual" })).text();

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const a = await createAccount(t.db, { organizationName: "提醒测试合作社" });
  const b = await createAccount(t.db, { organizationName: "无提醒合作社" });
  cookie = (await signInOverHttp(app.url, a.email, a.password)).cookie;
  otherCookie = (await signInOverHttp(app.url, b.email, b.password)).cookie;
  const org = a.organizationId!;

  await t.db
    .insertInto("trademarks")
    .values([
      // expires in about three months: the renewal window is open
      { name_zh: "续展期商标", holder_org_id: org, legal_status: "registered", registration_date: shift(0, 3 - 120), status: "published" },
      // expired about two months ago: grace period
      { name_zh: "宽展期商标", holder_org_id: org, legal_status: "registered", registration_date: shift(0, -2 - 120), status: "published" },
      // five years to go
      { name_zh: "有效期内商标", holder_org_id: org, legal_status: "registered", registration_date: shift(0, -60), status: "published" },
    ])
    .execute();

  const product = (
    await t.db
      .insertInto("products")
      .values({ organization_id: org, name_zh: "提醒测试青稞", category: "杂粮", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  await t.db
    .insertInto("product_certifications")
    .values([
      { product_id: product, kind: "green_food", certificate_no: "LB-1", expires_on: shift(30) },
      { product_id: product, kind: "organic", certificate_no: "OR-1", expires_on: shift(-10) },
      { product_id: product, kind: "selenium_rich", certificate_no: "SE-1", expires_on: shift(0, 24) },
    ])
    .execute();

  const [gi, farGi] = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").limit(2).execute();
  await t.db
    .insertInto("gi_authorised_users")
    .values([
      {
        gi_product_id: gi!.id,
        organization_id: org,
        basis: "announcement",
        basis_reference: "公告 1 号",
        valid_from: shift(-400),
        valid_to: shift(45),
        verification: "verified",
      },
      {
        gi_product_id: farGi!.id,
        organization_id: org,
        basis: "announcement",
        basis_reference: "公告 2 号",
        valid_from: shift(-400),
        valid_to: shift(0, 36),
        verification: "verified",
      },
    ])
    .execute();
  const brand = await t.db.selectFrom("regional_brands").select(["id", "name_zh"]).orderBy("id").executeTakeFirstOrThrow();
  await t.db
    .insertInto("regional_brand_licences")
    .values({
      regional_brand_id: brand.id,
      organization_id: org,
      licence_no: "许可 7 号",
      valid_from: shift(-100),
      valid_to: shift(60),
      verification: "verified",
    })
    .execute();
  Object.assign(names, { gi: gi!.name_zh, farGi: farGi!.name_zh, brand: brand.name_zh });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const names = { gi: "", farGi: "", brand: "" };
const reminders = (html: string) => html.slice(html.indexOf('id="reminders"'), html.indexOf('id="products"'));

describe("the producer dashboard's reminders", () => {
  it("opens the trademark renewal window 12 months before expiry and reminds during the 6-month grace period", async () => {
    const html = reminders(await page(cookie));
    const renewal = trademarkValidity(shift(0, 3 - 120), "registered", todayInChina());
    const grace = trademarkValidity(shift(0, -2 - 120), "registered", todayInChina());
    expect(renewal.state).toBe("renewal_window");
    expect(grace.state).toBe("grace_period");
    expect(html).toContain(`商标“续展期商标”将于 ${"expiresOn" in renewal ? renewal.expiresOn : ""} 到期,已进入续展期`);
    expect(html).toContain(`商标“宽展期商标”已于 ${"expiresOn" in grace ? grace.expiresOn : ""} 到期,正处于宽展期`);
    expect(html).not.toContain("有效期内商标");
  });

  it("reminds of certificates that expire within 90 days and of those already expired, not of distant ones", async () => {
    const html = reminders(await page(cookie));
    expect(html).toContain(`产品“提醒测试青稞”的绿色食品证书将于 ${shift(30)} 到期`);
    expect(html).toContain(`产品“提醒测试青稞”的有机产品证书已于 ${shift(-10)} 过期`);
    expect(html).not.toContain("富硒");
  });

  it("reminds of GI and regional-brand authorisations that end within 90 days, and of the special-mark duties", async () => {
    const html = reminders(await page(cookie));
    expect(html).toContain(`您使用“${names.gi}”的授权将于 ${shift(45)} 到期`);
    expect(html).toContain(`您使用“${names.brand}”的授权将于 ${shift(60)} 到期`);
    expect(html).not.toContain(`您使用“${names.farGi}”的授权`);
    expect(html).toContain(`您可使用“${names.gi}”地理标志专用标志:须在标志指定位置标注统一社会信用代码`);
    expect(html).toContain(`您可使用“${names.farGi}”地理标志专用标志`);
  });

  it("counts products, trademarks and claims by status", async () => {
    const text = (await page(cookie))
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    expect(text).toMatch(/我的商标 : 已公开: 3/);
    expect(text).toMatch(/使用授权申报 : 已核实: 3/);
    expect(text).toMatch(/已公开: 1/);
  });

  it("shows another organisation none of them, and says so in English too", async () => {
    const html = await page(otherCookie);
    expect(reminders(html)).toContain("暂无需要处理的事项");
    expect(reminders(html)).not.toContain("续展期商标");
    expect(reminders(html)).not.toContain("提醒测试青稞");
    const en = await (await fetch(`${app.url}/producer?lang=en`, { headers: { cookie }, redirect: "manual" })).text();
    expect(reminders(en)).toContain("is in its grace period");
    expect(reminders(en)).toContain(`expired on ${shift(-10)}`);
  });
});
