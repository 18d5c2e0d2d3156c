import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { httpClient } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18, item 8 (PIPL): a privacy notice says what is kept and for how long; a signed-in person downloads their
// data and deletes their account; staff set how long anonymous buyers' contacts are kept, and that change is audited.

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

describe("a buyer's own data", () => {
  it("reads the privacy notice, downloads their data, and deletes the account with the password", async () => {
    const a = await createAccount(t.db, { role: "buyer" });
    const buyer = httpClient(app.url);
    await buyer.signIn(a.email, a.password);
    expect((await buyer.post("/buyer/profile", { name: "即将删除的商贸", wechat: "leaving_buyer", consent: "on" })).status).toBe(302);

    const notice = await (await buyer.get("/privacy")).text();
    expect(notice).toContain("个人信息保护说明");
    expect(notice).toContain("在发出 24 个月后自动匿名化");
    expect(notice).toContain('href="/account/data.json"');

    const download = await buyer.get("/account/data.json");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="haidong-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(download.headers.get("cache-control")).toBe("private, no-store");
    const data = (await download.json()) as { account: { email: string }; buyerProfile: { wechat: string }; consents: { purpose: string }[] };
    expect(data.account.email).toBe(a.email);
    expect(data.buyerProfile.wechat).toBe("leaving_buyer");
    expect(data.consents.map((c) => c.purpose)).toEqual(["buyer_profile"]);
    expect((await httpClient(app.url).get("/account/data.json")).status).toBe(302); // signed out: to sign in first

    const wrong = await buyer.post("/account/delete", { password: "not my password" });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("密码不正确,账号没有删除");
    const done = await buyer.post("/account/delete", { password: a.password });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/account/delete?done=1");
    expect(await (await buyer.get("/account/delete?done=1")).text()).toContain("您的账号已删除");
    // signed out, cannot sign in again, nothing personal left on the row
    expect((await buyer.get("/buyer")).status).toBe(302);
    expect((await httpClient(app.url).signIn(a.email, a.password)).status).toBe(400);
    const row = await t.db.selectFrom("users").select(["email", "display_name", "deleted_at"]).where("id", "=", a.id).executeTakeFirstOrThrow();
    expect(row.email).toBeNull();
    expect(row.deleted_at).not.toBeNull();
    expect(await t.db.selectFrom("buyer_profiles").select("user_id").where("user_id", "=", a.id).execute()).toHaveLength(0);
    const audit = await t.db.selectFrom("audit_log").select(["action", "actor_id"]).where("entity_type", "=", "user").where("entity_id", "=", a.id).execute();
    expect(audit).toEqual([{ action: "account_deleted", actor_id: a.id }]);
  });

  it("a staff account cannot delete itself: an administrator disables it", async () => {
    const a = await createAccount(t.db, { role: "reviewer" });
    const staff = httpClient(app.url);
    await staff.signIn(a.email, a.password);
    expect(await (await staff.get("/account/delete")).text()).toContain("工作人员账号由管理员停用");
    expect((await staff.post("/account/delete", { password: a.password })).status).toBe(403);
    expect((await t.db.selectFrom("users").select("deleted_at").where("id", "=", a.id).executeTakeFirstOrThrow()).deleted_at).toBeNull();
  });
});

describe("the retention period staff set", () => {
  it("is changed by staff only, refused with a named message when out of range, shown on the notice, and audited", async () => {
    const buyerAccount = await createAccount(t.db, { role: "buyer" });
    const buyer = httpClient(app.url);
    await buyer.signIn(buyerAccount.email, buyerAccount.password);
    expect((await buyer.post("/staff/privacy", { months: "1" })).status).toBe(403);

    const a = await createAccount(t.db, { role: "admin" });
    const admin = httpClient(app.url);
    await admin.signIn(a.email, a.password);
    const bad = await admin.post("/staff/privacy?lang=en", { months: "500" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Enter a whole number from 1 to 120");
    const ok = await admin.post("/staff/privacy", { months: "18" });
    expect(ok.headers.get("location")).toBe("/staff/privacy?saved=18");
    expect(await (await admin.get("/staff/privacy?saved=18")).text()).toContain("The period is now 18 months."); // the ?lang=en above is remembered
    expect(await (await httpClient(app.url).get("/privacy?lang=en")).text()).toContain("anonymised automatically 18 months after");
    const audit = await t.db.selectFrom("audit_log").select(["action", "before", "after"]).where("entity_type", "=", "privacy_settings").execute();
    expect(audit).toEqual([{ action: "retention_set", before: 24, after: 18 }]);
  });
});
