import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { chinaDate, httpClient, seedSamples, type Fields } from "../support/buyers";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18, item 2: "the inquiry page says its private link 丢失后无法找回, even for a signed-in buyer". A signed-in
// buyer's inquiries are the account's; those sent before signing up join it from the same browser, or from any
// browser holding the private link (加入我的采购). Item 8: each inquiry asks for and records consent.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let samples: Awaited<ReturnType<typeof seedSamples>>;
let liquor = { id: 0, organization_id: 0 };

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  samples = await seedSamples(t.db);
  liquor = await samples.product("示例互助青稞酒 42度 500毫升");
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { DATA_DIR: samples.dataDir } });
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
  samples?.cleanup();
});
beforeEach(() => t.db.deleteFrom("throttle_events").where("scope", "in", ["inquiry", "reply"]).execute());

const inquiry = (overrides: Fields = {}): Fields => ({
  "lines[0].product_id": liquor.id,
  "lines[0].include": "on",
  "lines[0].quantity": "50",
  "lines[0].quantity_unit": "箱",
  "lines[0].delivery_from": chinaDate(7),
  "lines[0].delivery_to": chinaDate(30),
  "lines[0].destination_province": "甘肃",
  buyer_name: "马采购",
  buyer_email: "ma@buyer.example.com",
  consent: "on",
  ...overrides,
});

async function newBuyer() {
  const a = await createAccount(t.db, { role: "buyer" });
  await t.db.insertInto("buyer_profiles").values({ user_id: a.id, name: "兰州示例商贸", phone: "0931-8123456", email: a.email }).execute();
  return a;
}

describe("a buyer's inquiries belong to their account", () => {
  it("is refused without consent, naming the box; sent signed in, lands on the account's own page, prefilled from the profile", async () => {
    const a = await newBuyer();
    const buyer = httpClient(app.url);
    await buyer.signIn(a.email, a.password);
    const form = await (await buyer.get(`/shortlist/inquiry?product=${liquor.id}`)).text();
    expect(form).toContain('value="兰州示例商贸"'); // the organisation field starts with the profile's name
    expect(form).toContain('value="0931-8123456"');
    const refused = await buyer.post(`/shortlist/inquiry?product=${liquor.id}`, inquiry({ consent: undefined })); // the form posts to its own address;
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("请勾选同意后再提交");

    const sent = await buyer.post("/shortlist/inquiry", inquiry());
    expect(sent.status).toBe(302);
    const location = sent.headers.get("location")!;
    expect(location).toMatch(/^\/buyer\/inquiries\/\d+\?sent=1$/);
    const id = Number(location.match(/\/(\d+)\?/)![1]);
    const page = await (await buyer.get(location)).text();
    expect(page).toContain("询价已发送给 1 位生产者");
    expect(page).not.toContain("丢失后无法找回"); // nothing depends on keeping a link
    const consent = await t.db.selectFrom("consents").select(["purpose", "user_id"]).where("inquiry_id", "=", id).executeTakeFirstOrThrow();
    expect(consent).toEqual({ purpose: "inquiry", user_id: a.id });
    // 我的采购 lists this inquiry with its one producer — never another buyer's thread to the same producer
    expect((await httpClient(app.url).post("/shortlist/inquiry", inquiry({ buyer_name: "别的买家" }))).status).toBe(302);
    const home = await (await buyer.get("/buyer")).text();
    expect(home).toContain(`href="/buyer/inquiries/${id}"`);
    expect(home.match(/<li[^>]*>\s*<span lang="zh-CN">互助示例青稞酒业有限公司<\/span>/g) ?? []).toHaveLength(1);
    expect(home.split('class="buyer-home__recipients"')[1]!.split("</ul>")[0]!.match(/<li/g)).toHaveLength(1);
    // another buyer cannot open it through their account
    const other = await newBuyer();
    const stranger = httpClient(app.url);
    await stranger.signIn(other.email, other.password);
    expect((await stranger.get(`/buyer/inquiries/${id}`)).status).toBe(404);
  });

  it("sent before signing up, joins the account when the buyer signs in from the same browser", async () => {
    const browser = httpClient(app.url);
    const sent = await browser.post("/shortlist/inquiry", inquiry({ buyer_name: "先询价后注册" }));
    expect(sent.headers.get("location")).toMatch(/^\/inquiries\/[A-Za-z0-9_-]{43}\?sent=1$/);
    expect(browser.jar.cookies.has("hd_inquiries")).toBe(true);
    const row = await t.db.selectFrom("inquiries").select(["id", "buyer_user_id"]).where("buyer_name", "=", "先询价后注册").executeTakeFirstOrThrow();
    expect(row.buyer_user_id).toBeNull();

    const a = await newBuyer();
    const signIn = await browser.post("/login", { account: a.email, password: a.password, redirectTo: "/buyer" });
    expect(signIn.headers.get("location")).toBe("/buyer?claimed=1");
    expect(browser.jar.cookies.has("hd_inquiries")).toBe(false); // forgotten once joined
    const home = await (await browser.get("/buyer?claimed=1")).text();
    expect(home).toContain("已将此前在本浏览器发出的 1 条询价加入您的账号");
    expect(home).toContain(`href="/buyer/inquiries/${row.id}"`);
    expect((await t.db.selectFrom("inquiries").select("buyer_user_id").where("id", "=", row.id).executeTakeFirstOrThrow()).buyer_user_id).toBe(a.id);
  });

  it("sent from another device, joins the account from its private link's 加入我的采购, and only for a buyer", async () => {
    const phone = httpClient(app.url);
    const link = (await phone.post("/shortlist/inquiry", inquiry({ buyer_name: "手机上询价" }))).headers.get("location")!.replace(/\?.*$/, "");
    const a = await newBuyer();
    const desk = httpClient(app.url);
    await desk.signIn(a.email, a.password);
    const page = await (await desk.get(link)).text();
    expect(page).toContain("加入我的采购");
    const claimed = await desk.post(link, { intent: "claim" });
    expect(claimed.status).toBe(302);
    expect(claimed.headers.get("location")).toMatch(/^\/buyer\/inquiries\/\d+\?claimed=1$/);
    expect(await (await desk.get(claimed.headers.get("location")!)).text()).toContain("这条询价已加入“我的采购”");
    // now it is theirs: no offer to anyone else, and another buyer's claim is refused
    expect(await (await desk.get(link)).text()).not.toContain("加入我的采购");
    const other = await newBuyer();
    const thief = httpClient(app.url);
    await thief.signIn(other.email, other.password);
    expect((await thief.post(link, { intent: "claim" })).status).toBe(403);
    // a visitor without an account is sent to sign in; a producer is refused
    expect((await httpClient(app.url).post(link, { intent: "claim" })).status).toBe(302);
    const p = await createAccount(t.db, { organizationName: "认领测试社" });
    const producer = httpClient(app.url);
    await producer.signIn(p.email, p.password);
    expect((await producer.post(link, { intent: "claim" })).status).toBe(403);
  });
});
