import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../../app/auth/session.server";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// /verify, badges, the review and claim screens, misuse reports (lifecycle and throttle), accounts, QR labels and the
// audit log, through the running app. TRUST_PROXY=1 so each test can speak from its own client address.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let reviewer: string;
let admin: { id: number; cookie: string };
let producer: Awaited<ReturnType<typeof createAccount>> & { cookie: string };
let seq = 0;

const CODE = withCheckCharacter("93630223MA7W00001");
let org: number;
let giValid: { id: number; name_zh: string };
let giExpired: { id: number; name_zh: string };
let validProduct: number;
let expiredProduct: number;
let brand: { id: number; name_zh: string };
let expiredBrand: { id: number; name_zh: string };
let brandProduct: number;
let expiredBrandProduct: number;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { TRUST_PROXY: "1" } });
  const r = await createAccount(t.db, { role: "reviewer" });
  await t.db.updateTable("users").set({ display_name: "王审核" }).where("id", "=", r.id).execute();
  reviewer = (await signInOverHttp(app.url, r.email, r.password)).cookie;
  const a = await createAccount(t.db, { role: "admin" });
  admin = { id: a.id, cookie: (await signInOverHttp(app.url, a.email, a.password)).cookie };
  const p = await createAccount(t.db, { organizationName: "核验测试合作社" });
  producer = { ...p, cookie: (await signInOverHttp(app.url, p.email, p.password)).cookie };

  org = p.organizationId!;
  await t.db.updateTable("organizations").set({ credit_code: CODE }).where("id", "=", org).execute();
  const gis = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").limit(2).execute();
  [giValid, giExpired] = [gis[0]!, gis[1]!];
  await t.db
    .insertInto("gi_authorised_users")
    .values([
      {
        gi_product_id: giValid.id,
        organization_id: org,
        basis: "announcement",
        basis_reference: "海东公告 2024 第 3 号",
        valid_from: "2024-01-01",
        valid_to: "2099-12-31",
        verification: "verified",
      },
      {
        gi_product_id: giExpired.id,
        organization_id: org,
        basis: "certification_licence",
        basis_reference: "过期许可 1 号",
        valid_from: "2018-01-01",
        valid_to: "2020-12-31",
        verification: "verified",
      },
    ])
    .execute();
  const insertProduct = async (name: string, gi: number) =>
    (
      await t.db
        .insertInto("products")
        .values({ organization_id: org, name_zh: name, category: "肉类", status: "published", gi_product_id: gi })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  validProduct = await insertProduct("核验测试牦牛肉", giValid.id);
  expiredProduct = await insertProduct("核验测试过期产品", giExpired.id);
  const brands = await t.db.selectFrom("regional_brands").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").limit(2).execute();
  [brand, expiredBrand] = [brands[0]!, brands[1]!];
  await t.db
    .insertInto("regional_brand_licences")
    .values([
      {
        regional_brand_id: brand.id,
        organization_id: org,
        licence_no: "区域品牌许可 2025-08",
        valid_from: "2025-01-01",
        valid_to: "2099-06-30",
        verification: "verified",
      },
      {
        regional_brand_id: expiredBrand.id,
        organization_id: org,
        licence_no: "过期品牌许可 3 号",
        valid_from: "2019-01-01",
        valid_to: "2021-12-31",
        verification: "verified",
      },
    ])
    .execute();
  const insertBrandProduct = async (name: string, b: number) =>
    (
      await t.db
        .insertInto("products")
        .values({ organization_id: org, name_zh: name, category: "杂粮", status: "published", regional_brand_id: b })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  brandProduct = await insertBrandProduct("核验测试品牌青稞", brand.id);
  expiredBrandProduct = await insertBrandProduct("核验测试过期品牌产品", expiredBrand.id);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const get = (p: string, cookie = "", headers: Record<string, string> = {}) => fetch(`${app.url}${p}`, { headers: { cookie, ...headers }, redirect: "manual" });
const post = (p: string, cookie: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${p}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, origin: app.url, "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(body),
  });

describe("/verify", () => {
  it("shows a known organisation, the GIs it may use today with basis and validity, and its products", async () => {
    const res = await get(`/verify?code=${CODE}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("核验测试合作社");
    expect(html).toContain(giValid.name_zh);
    expect(html).toContain("海东公告 2024 第 3 号");
    expect(html).toContain("2099-12-31");
    expect(html).toContain("核验测试牦牛肉");
    // an expired authorisation is not something it may use today
    expect(html).not.toContain("过期许可 1 号");
    // regional brands alike: the licence record and its validity, not a lapsed licence
    expect(html).toContain(brand.name_zh);
    expect(html).toContain("区域品牌许可 2025-08");
    expect(html).toContain("2099-06-30");
    expect(html).not.toContain("过期品牌许可 3 号");
  });

  it("accepts the code in lower case", async () => {
    const res = await get(`/verify?code=${CODE.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("海东公告 2024 第 3 号");
  });

  it("says a bad check character is a bad check character", async () => {
    const wrong = CODE.slice(0, 17) + (CODE[17] === "0" ? "1" : "0");
    const res = await get(`/verify?code=${wrong}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("校验位错误");
  });

  it("says a well-formed code that is not in the catalogue is not in the catalogue", async () => {
    const unknown = withCheckCharacter("93630223MA7W99999");
    const res = await get(`/verify?code=${unknown}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain("格式正确");
    expect(html).toContain("没有该经营主体");
  });

  it("refuses a code of the wrong length, naming the field, and answers in English too", async () => {
    const res = await get("/verify?code=123&lang=en");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("unified social credit code has 18 characters");
  });

  it("does not list an organisation under a credit mark (no public accusation: just not listed)", async () => {
    const marked = withCheckCharacter("93630223MA7W00002");
    await t.db.insertInto("organizations").values({ name_zh: "被标记的主体", credit_code: marked, status: "published", credit_status: "serious" }).execute();
    const res = await get(`/verify?code=${marked}`);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain("被标记的主体");
    expect(html).not.toContain("严重违法失信");
  });
});

describe("badges on product pages", () => {
  it("shows the GI badge with its basis only for a verified, current authorisation", async () => {
    const valid = await (await get(`/products/${validProduct}`)).text();
    expect(valid).toContain('class="badge badge--gi">地理标志');
    expect(valid).toContain("海东公告 2024 第 3 号");
    const expired = await (await get(`/products/${expiredProduct}`)).text();
    expect(expired).toContain(giExpired.name_zh);
    expect(expired).not.toContain('class="badge badge--gi">地理标志');
    expect(expired).not.toContain("过期许可 1 号");
  });

  it("shows the regional-brand badge with its licence record and validity only while the licence is current", async () => {
    const valid = await (await get(`/products/${brandProduct}`)).text();
    expect(valid).toContain('class="badge badge--gi">区域公用品牌');
    expect(valid).toContain("区域品牌许可 2025-08");
    expect(valid).toContain("2099-06-30");
    const expired = await (await get(`/products/${expiredBrandProduct}`)).text();
    expect(expired).not.toContain('class="badge badge--gi">区域公用品牌');
    expect(expired).not.toContain("过期品牌许可 3 号");
  });
});

describe("reviewing over HTTP", () => {
  async function submitted(name: string) {
    const id = (
      await t.db
        .insertInto("products")
        .values({ organization_id: org, name_zh: name, category: "水果", status: "submitted", submitted_at: sql`now()` })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const v = (await sql<{ v: string }>`select (extract(epoch from submitted_at))::text as v from products where id = ${id}`.execute(t.db)).rows[0]!.v;
    return { id, v };
  }

  it("needs a reason to reject, says so next to the field, and changes nothing", async () => {
    const { id, v } = await submitted("审核理由测试");
    const res = await post(`/staff/review/product/${id}`, reviewer, { version: v, decision: "reject", comment: "" });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("驳回或退回修改时须写明理由");
    const bad = await post(`/staff/review/product/${id}`, reviewer, { version: v, decision: "publish-everything" });
    expect(bad.status).toBe(400);
    expect((await t.db.selectFrom("products").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("submitted");
  });

  it("shows the reviewer's reason to the producer", async () => {
    const { id, v } = await submitted("被驳回的测试产品");
    expect((await post(`/staff/review/product/${id}`, reviewer, { version: v, decision: "reject", comment: "产地证明不清晰" })).status).toBe(302);
    const dashboard = await (await get("/producer", producer.cookie)).text();
    expect(dashboard).toContain("产地证明不清晰");
  });

  it("publishes an approved product, which the app's outbox worker then indexes", async () => {
    const { id, v } = await submitted("审核通过测试沙棘");
    const page = await (await get(`/staff/review/product/${id}`, reviewer)).text();
    expect(page).toContain("审核通过测试沙棘");
    // no decision is chosen in advance, and sending none is a field error that names the choices
    expect(page).toMatch(/name="decision" value="approve"/);
    expect(page).not.toMatch(/<input[^>]*checked=""[^>]*name="decision"|<input[^>]*name="decision"[^>]*checked=""/);
    const none = await post(`/staff/review/product/${id}`, reviewer, { version: v, comment: "" });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("请选择审核结果");
    const res = await post(`/staff/review/product/${id}`, reviewer, { version: v, decision: "approve", comment: "" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/staff?done=approve");
    await waitForIndexed(async () => {
      try {
        await search.client.index(search.indexName).getDocument(`product-${id}`);
        return true;
      } catch {
        return false;
      }
    });
    // a second decision on the same submission is refused as stale
    const again = await post(`/staff/review/product/${id}`, reviewer, { version: v, decision: "reject", comment: "晚了" });
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(againHtml).toContain("请刷新后重新审核");
    expect(againHtml).toContain("目前不在审核队列中");
    expect((await t.db.selectFrom("products").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("published");
  });
});

describe("GI-use claims", () => {
  it("checks the claim form and names the fields", async () => {
    const gi = (await t.db.selectFrom("gi_products").select("id").where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow()).id;
    const res = await post("/producer/claims", producer.cookie, { target: `gi:${gi}`, reference: "证明", valid_from: "2025-05-01", valid_to: "2024-01-01" });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain("申报地理标志时请选择依据类型");
    expect(html).toContain("有效期截止日期不能早于起始日期");
    const unknown = await post("/producer/claims", producer.cookie, {
      target: "gi:99999999",
      basis: "announcement",
      reference: "证明",
      valid_from: "2025-05-01",
    });
    expect(unknown.status).toBe(400);
  });

  it("stays pending until a reviewer verifies it; the producer then sees it verified", async () => {
    const gi = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(
      (
        await post("/producer/claims", producer.cookie, {
          target: `gi:${gi.id}`,
          basis: "collective_member",
          reference: "协会成员证 18 号",
          valid_from: "2025-05-01",
        })
      ).status,
    ).toBe(200);
    const claim = await t.db
      .selectFrom("gi_authorised_users")
      .selectAll()
      .where("organization_id", "=", org)
      .where("gi_product_id", "=", gi.id)
      .executeTakeFirstOrThrow();
    expect(claim.verification).toBe("pending");
    // the one claims table, as each side sees it: the producer may withdraw, staff may verify
    expect(await (await get("/producer/claims", producer.cookie)).text()).toContain(`aria-label="撤回:${gi.name_zh}"`);
    const staffView = await (await get(`/staff/organizations/${org}`, reviewer)).text();
    expect(staffView).toContain("协会成员证 18 号");
    expect(staffView).toMatch(/name="decision" value="verify"/);
    const queue = await (await get("/staff/claims", reviewer)).text();
    expect(queue).toContain("协会成员证 18 号");
    expect((await post("/staff/claims", reviewer, { kind: "gi", id: String(claim.id), decision: "verify" })).status).toBe(200);
    const own = await (await get("/producer/claims", producer.cookie)).text();
    expect(own).toContain("已核实");
    expect(own).not.toContain(`aria-label="撤回:${gi.name_zh}"`);
    const verified = await (await get(`/staff/organizations/${org}`, reviewer)).text();
    expect(verified).toMatch(/name="decision" value="revoke"/);
    expect(verified).toContain(`/staff/qr/gi/${claim.id}`);
    expect((await post("/staff/claims", reviewer, { kind: "gi", id: String(claim.id), decision: "verify" })).status).toBe(409);
    expect((await post("/staff/claims", reviewer, { kind: "gi", id: "abc", decision: "verify" })).status).toBe(400);
  });
});

describe("misuse reports", () => {
  const photo = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/images/barley-field.jpg"));
  const postReport = (fields: Record<string, string>, address: string, withPhoto = false) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (withPhoto) form.append("file", new Blob([photo], { type: "image/jpeg" }), "photo.jpg");
    return fetch(`${app.url}/report`, { method: "POST", body: form, headers: { origin: app.url, "x-forwarded-for": address } });
  };
  const valid = { what_seen: "超市里的“化隆牦牛肉”没有专用标志编码", place_kind: "shop", place_name: "某区某超市" };

  it("files a report with a photo, returns a case number and a private status link, and follows the case", async () => {
    const res = await postReport({ ...valid, contact: "13900000000" }, "203.0.113.7", true);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("no-store");
    const html = await res.text();
    const caseNo = html.match(/HD-\d{4}-\d{6}/)?.[0];
    expect(caseNo).toBeDefined();
    const token = html.match(/\/report\/status\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    const stored = await t.db.selectFrom("misuse_reports").selectAll().where("case_no", "=", caseNo!).executeTakeFirstOrThrow();
    expect(stored.status_token_hash).toBe(hashToken(token!));
    expect(JSON.stringify(stored)).not.toContain(token!);
    expect(stored.client_key).not.toContain("203.0.113.7");
    expect(await t.db.selectFrom("images").select("id").where("owner_type", "=", "report").where("owner_id", "=", stored.id).execute()).toHaveLength(1);

    expect(await (await get(`/report/status/${token}`)).text()).toContain("新举报");
    const staffPage = await (await get(`/staff/reports/${stored.id}`, reviewer)).text();
    expect(staffPage).toContain("13900000000");
    expect((await post(`/staff/reports/${stored.id}`, reviewer, { status: "referred", note: "已转 12315 平台,受理号 A-1" })).status).toBe(200);
    const status = await (await get(`/report/status/${token}`)).text();
    expect(status).toContain("已移交 12315");
    expect(status).not.toContain("受理号 A-1"); // staff notes stay internal
    expect(await (await get(`/staff/reports/${stored.id}`, reviewer)).text()).toContain("受理号 A-1");
    expect((await get("/report/status/not-a-token")).status).toBe(404);
  });

  it("refuses bad input with 4xx naming the field, never 500", async () => {
    const noUrl = await postReport({ what_seen: "网店", place_kind: "online" }, "203.0.113.8");
    expect(noUrl.status).toBe(400);
    expect(await noUrl.text()).toContain("必填");
    const script = await postReport({ what_seen: "网店", place_kind: "online", online_url: "javascript:alert(1)" }, "203.0.113.8");
    expect(script.status).toBe(400);
    expect(await script.text()).toContain("不是有效的网址,例如 www.example.cn");
    const notImage = new FormData();
    for (const [k, v] of Object.entries(valid)) notImage.append(k, v);
    notImage.append("file", new Blob([Buffer.from("%PDF-1.4 not an image")], { type: "image/jpeg" }), "x.jpg");
    const badPhoto = await fetch(`${app.url}/report`, { method: "POST", body: notImage, headers: { origin: app.url, "x-forwarded-for": "203.0.113.8" } });
    expect(badPhoto.status).toBe(422);
    expect(await badPhoto.text()).toContain("只支持 JPEG、PNG 或 WebP 图片");
  });

  it("throttles one client address with 429 and Retry-After, not others", async () => {
    for (let i = 0; i < 5; i++) expect((await postReport(valid, "198.51.100.9")).status).toBe(200);
    const sixth = await postReport(valid, "198.51.100.9");
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await sixth.text()).toContain("提交过于频繁");
    expect((await postReport(valid, "198.51.100.10")).status).toBe(200);
  });
});

describe("accounts, QR labels, facts and the audit log", () => {
  it("issues a one-time reset link that works, and disabling ends the producer's sessions", async () => {
    const victim = await createAccount(t.db, { organizationName: `账号测试${++seq}` });
    const { cookie } = await signInOverHttp(app.url, victim.email, victim.password);
    const res = await post("/staff/users", reviewer, { intent: "reset", user_id: String(victim.id) });
    expect(res.status).toBe(200);
    const token = (await res.text()).match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1];
    expect(token).toBeDefined();
    expect(await (await get(`/reset-password/${token}`)).text()).not.toContain("该重置链接无效");
    expect((await post("/staff/users", reviewer, { intent: "disable", user_id: String(victim.id) })).status).toBe(200);
    expect((await get("/producer", cookie)).status).toBe(302);
    // reviewers manage producer accounts, not an administrator's
    expect((await post("/staff/users", reviewer, { intent: "disable", user_id: String(admin.id) })).status).toBe(403);
    expect((await t.db.selectFrom("users").select("disabled_at").where("id", "=", admin.id).executeTakeFirstOrThrow()).disabled_at).toBeNull();
  });

  it("prints a QR code to /verify for a verified authorised user only", async () => {
    const claims = await t.db.selectFrom("gi_authorised_users").select(["id", "verification"]).where("organization_id", "=", org).execute();
    const verified = claims.find((c) => c.verification === "verified")!;
    const html = await (await get(`/staff/qr/gi/${verified.id}`, reviewer)).text();
    expect(html).toContain("<svg");
    expect(html).toContain(`${app.url}/verify?code=${CODE}`);
    expect(html).toContain("PUBLIC_ORIGIN");
    // the producer prints the same label for its own authorisation, linked from its claims; another producer finds nothing there
    expect(await (await get("/producer/claims", producer.cookie)).text()).toContain(`/producer/claims/gi/${verified.id}/label`);
    const own = await get(`/producer/claims/gi/${verified.id}/label`, producer.cookie);
    expect(own.status).toBe(200);
    const ownHtml = await own.text();
    expect(ownHtml).toContain(`${app.url}/verify?code=${CODE}`);
    expect(ownHtml).toContain('href="/producer/claims"');
    const stranger = await createAccount(t.db, { organizationName: `别家合作社${++seq}` });
    const strangerCookie = (await signInOverHttp(app.url, stranger.email, stranger.password)).cookie;
    expect((await get(`/producer/claims/gi/${verified.id}/label`, strangerCookie)).status).toBe(404);
    expect((await get(`/producer/claims/gi/${verified.id}/label`)).status).toBe(302);
    const pending = await t.db
      .insertInto("gi_authorised_users")
      .values({
        gi_product_id: (await t.db.selectFrom("gi_products").select("id").orderBy("id").offset(5).executeTakeFirstOrThrow()).id,
        organization_id: org,
        basis: "announcement",
        verification: "pending",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const refused = await (await get(`/staff/qr/gi/${pending.id}`, reviewer)).text();
    expect(refused).not.toContain("<svg");
    expect(refused).toContain("不能打印二维码");
    expect((await get("/staff/qr/other/1", reviewer)).status).toBe(404);
    // a regional-brand licensee gets its label too, a lapsed licence does not
    const licences = await t.db.selectFrom("regional_brand_licences").select(["id", "licence_no"]).where("organization_id", "=", org).execute();
    const current = licences.find((l) => l.licence_no === "区域品牌许可 2025-08")!;
    const lapsed = licences.find((l) => l.licence_no === "过期品牌许可 3 号")!;
    const brandLabel = await (await get(`/staff/qr/brand/${current.id}`, reviewer)).text();
    expect(brandLabel).toContain("<svg");
    expect(brandLabel).toContain(`${app.url}/verify?code=${CODE}`);
    const lapsedLabel = await (await get(`/staff/qr/brand/${lapsed.id}`, reviewer)).text();
    expect(lapsedLabel).not.toContain("<svg");
    expect(lapsedLabel).toContain("该授权今天不在有效期内");
    // nor for an organisation /verify would not list (here: under a credit mark)
    const marked = (
      await t.db
        .insertInto("organizations")
        .values({ name_zh: "标签信用标记主体", credit_code: withCheckCharacter("93630223MA7W00003"), status: "published", credit_status: "abnormal" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const markedClaim = (
      await t.db
        .insertInto("regional_brand_licences")
        .values({ regional_brand_id: brand.id, organization_id: marked, licence_no: "标记许可", verification: "verified" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    const markedLabel = await (await get(`/staff/qr/brand/${markedClaim}`, reviewer)).text();
    expect(markedLabel).not.toContain("<svg");
    expect(markedLabel).toContain("该主体目前不在公开目录中");
  });

  it("shows who verified a trademark and when", async () => {
    const tm = (
      await t.db
        .insertInto("trademarks")
        .values({ name_zh: "核实测试商标", status: "published", confidence: "medium" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    expect(await (await get(`/trademarks/${tm}`)).text()).toContain("待核实");
    expect((await post("/staff/facts", reviewer, { type: "trademark", id: String(tm) })).status).toBe(200);
    const html = await (await get(`/trademarks/${tm}`)).text();
    expect(html).toContain("已核实:王审核");
    expect(html).not.toContain("待核实</span>");
    // the date is China's: 17:30 UTC on 1 March is already 2 March in Haidong
    await t.db
      .updateTable("trademarks")
      .set({ last_verified_at: new Date("2026-03-01T17:30:00Z") })
      .where("id", "=", tm)
      .execute();
    expect(await (await get(`/trademarks/${tm}`)).text()).toMatch(/王审核[^<]*2026-03-02/);
  });

  it("filters the audit log and refuses a bad filter with 400 naming it", async () => {
    const bad = await get("/staff/audit?entity_id=abc", reviewer);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("entity_id");
    const html = await (await get(`/staff/audit?entity_type=organization&entity_id=${org}`, reviewer)).text();
    expect(html).not.toContain("没有符合条件的记录");
    const markAudit = await (await get("/staff/audit?action=mark_verified", reviewer)).text();
    expect(markAudit).toContain("王审核");
  });
});
