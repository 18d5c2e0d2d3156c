import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckCharacter } from "../../app/domain/credit-code";
import { chinaDayFromToday, todayInChina } from "../../app/platform/china-time";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 21: an authorisation whose validity had already ended was accepted and verified with no warning, and renewing
// answered 409 until staff revoked it. Now past dates are refused, the producer and the dashboard see expired and
// expiring authorisations, a renewal is a new claim that supersedes the old one when verified (badge and /verify
// follow), and staff revoke only with a reason.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let producer: { cookie: string; organizationId: number };
let reviewer: string;
let gi: { id: number; name_zh: string };
let productId: number;
let oldId: number;
const CODE = withCheckCharacter("93630223MA7W00021");
const ENDING = chinaDayFromToday(30);

const post = (path: string, cookie: string, body: Record<string, string>) =>
  fetch(`${app.url}${path}`, { method: "POST", redirect: "manual", headers: { cookie, origin: app.url }, body: new URLSearchParams(body) });
const page = async (path: string, cookie = "") => (await fetch(`${app.url}${path}`, { headers: { cookie } })).text();
const rows = () =>
  t.db
    .selectFrom("gi_authorised_users")
    .select(["id", "verification", "valid_to", "renews_id"])
    .where("organization_id", "=", producer.organizationId)
    .orderBy("id")
    .execute();

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  const account = await createAccount(t.db, { organizationName: "续期测试合作社" });
  producer = { cookie: (await signInOverHttp(app.url, account.email, account.password)).cookie, organizationId: account.organizationId! };
  await t.db.updateTable("organizations").set({ credit_code: CODE, status: "published" }).where("id", "=", producer.organizationId).execute();
  const r = await createAccount(t.db, { role: "reviewer" });
  reviewer = (await signInOverHttp(app.url, r.email, r.password)).cookie;
  gi = await t.db.selectFrom("gi_products").select(["id", "name_zh"]).where("status", "=", "published").orderBy("id").executeTakeFirstOrThrow();
  oldId = (
    await t.db
      .insertInto("gi_authorised_users")
      .values({
        gi_product_id: gi.id,
        organization_id: producer.organizationId,
        basis: "announcement",
        basis_reference: "旧公告 1 号",
        valid_from: "2024-03-01",
        valid_to: ENDING,
        verification: "verified",
        verified_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  productId = (
    await t.db
      .insertInto("products")
      .values({ organization_id: producer.organizationId, name_zh: "续期测试牦牛肉", category: "肉类", status: "published", gi_product_id: gi.id })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const claim = (validFrom: string, validTo: string, reference = "新公告 2 号") => ({
  target: `gi:${gi.id}`,
  basis: "announcement",
  reference,
  valid_from: validFrom,
  valid_to: validTo,
});

describe("an authorisation that expires, and its renewal", () => {
  it("refuses a claim whose validity has already ended, naming the date, and one that ends before it starts", async () => {
    const past = await post("/producer/claims", producer.cookie, claim("2024-03-01", "2026-01-01"));
    expect(past.status).toBe(400);
    expect(await past.text()).toContain("有效期至 2026-01-01 已经过去");
    const backwards = await post("/producer/claims", producer.cookie, claim(chinaDayFromToday(400), chinaDayFromToday(10)));
    expect(backwards.status).toBe(400);
    expect(await rows()).toHaveLength(1);
  });

  it("shows the authorisation expiring in 30 days on the claims page (with a renew link) and on the dashboard", async () => {
    const claims = await page("/producer/claims", producer.cookie);
    expect(claims).toContain("30 天后到期");
    expect(claims).not.toContain("已过期");
    expect(claims).toContain(`href="/producer/claims?renew=gi:${gi.id}#new-claim"`);
    // the link pre-fills the form's target with the authorisation being renewed
    const prefilled = await page(`/producer/claims?renew=gi:${gi.id}`, producer.cookie);
    expect(prefilled).toMatch(new RegExp(`<option value="gi:${gi.id}" lang="zh-CN" selected=""`));
    const dashboard = await page("/producer", producer.cookie);
    expect(dashboard).toContain(`您使用“${gi.name_zh}”的授权将于 ${ENDING} 到期`);
    expect(dashboard).toContain("以下授权已过期或将在 90 天内到期");
  });

  it("shows an expired one as 已过期 to the producer and the dashboard, and the product page drops the badge", async () => {
    await t.db
      .updateTable("gi_authorised_users")
      .set({ valid_to: chinaDayFromToday(-1) })
      .where("id", "=", oldId)
      .execute();
    expect(await page("/producer/claims", producer.cookie)).toContain("已过期");
    expect(await page("/producer", producer.cookie)).toContain(`您使用“${gi.name_zh}”的授权已于 ${chinaDayFromToday(-1)} 到期`);
    expect(await page(`/products/${productId}`)).not.toContain('class="badge badge--gi">地理标志');
  });

  it("accepts a renewal while the old one is verified; staff verify it, the old is superseded, the badge and /verify show the new dates", async () => {
    const newTo = chinaDayFromToday(3 * 365);
    const filed = await post("/producer/claims", producer.cookie, claim(todayInChina(), newTo));
    expect(filed.status).toBe(200);
    expect(await filed.text()).toContain("续期申报已提交");
    const [old, renewal] = await rows();
    expect(old).toMatchObject({ id: oldId, verification: "verified" });
    expect(renewal).toMatchObject({ verification: "pending", renews_id: oldId });

    // a claim whose validity has ended cannot be verified either (one left over from before the form refused it)
    await t.db.updateTable("gi_authorised_users").set({ valid_from: "2024-01-01", valid_to: "2026-01-01" }).where("id", "=", renewal!.id).execute();
    const refused = await post("/staff/claims", reviewer, { kind: "gi", id: String(renewal!.id), decision: "verify", note: "" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("该申报的有效期已经结束,不能核实");
    await t.db.updateTable("gi_authorised_users").set({ valid_from: todayInChina(), valid_to: newTo }).where("id", "=", renewal!.id).execute();

    expect(await page("/staff/claims", reviewer)).toContain("续期申报:核实后取代原授权");
    const verified = await post("/staff/claims", reviewer, { kind: "gi", id: String(renewal!.id), decision: "verify", note: "" });
    expect(verified.status).toBe(200);
    expect(await rows()).toEqual([
      { id: oldId, verification: "superseded", valid_to: chinaDayFromToday(-1), renews_id: null },
      { id: renewal!.id, verification: "verified", valid_to: newTo, renews_id: null },
    ]);
    expect(await page(`/products/${productId}`)).toContain('class="badge badge--gi">地理标志');
    const verify = await page(`/verify?code=${CODE}`);
    expect(verify).toContain("新公告 2 号");
    expect(verify).toContain(newTo);
    expect(verify).not.toContain("旧公告 1 号");
    expect(await page("/producer", producer.cookie)).not.toContain("以下授权已过期或将在 90 天内到期");
  });

  it("revokes only with a reason, behind a confirmation, and the reason goes to the audit log", async () => {
    const current = (await rows()).find((r) => r.verification === "verified")!;
    const orgPage = await page(`/staff/organizations/${producer.organizationId}`, reviewer);
    expect(orgPage).toContain('<details class="confirm-action">');
    expect(orgPage).toContain("撤销原因 *");
    const body = { intent: "claim", kind: "gi", id: String(current.id), decision: "revoke" };
    const noReason = await post(`/staff/organizations/${producer.organizationId}`, reviewer, { ...body, note: "" });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("请填写撤销原因");
    expect((await rows()).find((r) => r.id === current.id)!.verification).toBe("verified");
    const revoked = await post(`/staff/organizations/${producer.organizationId}`, reviewer, { ...body, note: "许可已被注销" });
    expect(revoked.status).toBe(200);
    expect((await rows()).find((r) => r.id === current.id)!.verification).toBe("revoked");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "note"])
      .where("entity_type", "=", "gi_authorised_user")
      .where("entity_id", "=", current.id)
      .where("action", "=", "revoke_claim")
      .execute();
    expect(audit).toEqual([{ action: "revoke_claim", note: "许可已被注销" }]);
  });
});
