import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 18, item 1: a buyer who signed up was treated as a producer — sent to 登记经营主体, the header said 我的主体,
// and /matching answered "出错了 / forbidden" in raw English. Buyers are an account kind of their own now.

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

const page = (path: string, cookie = "") => fetch(`${app.url}${path}`, { headers: { cookie }, redirect: "manual" });
const post = (path: string, fields: Record<string, string | string[]>, cookie = "") => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url, cookie },
    body,
  });
};
const password = "qinghai barley 2026";

describe("a buyer signs up", () => {
  it("chooses 采购商, gives a name, and is sent to sign in and then to 我的采购, with a profile already holding the name", async () => {
    const res = await post("/signup", {
      kind: "buyer",
      consent: "on",
      account: "buyer1@test.example",
      displayName: "西宁高原商贸",
      password,
      passwordRepeat: password,
      role: "admin",
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?signedUp=1&redirectTo=%2Fbuyer");
    const user = await t.db.selectFrom("users").select(["id", "role"]).where("email", "=", "buyer1@test.example").executeTakeFirstOrThrow();
    expect(user.role).toBe("buyer"); // the posted role was ignored
    const profile = await t.db.selectFrom("buyer_profiles").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(profile).toMatchObject({ name: "西宁高原商贸", email: "buyer1@test.example", phone: null });
    // the consent given at sign-up, with its time and the version of the text shown
    const consent = await t.db.selectFrom("consents").select(["purpose", "text_version", "given_at"]).where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ purpose: "account", text_version: "2026-12-08" });
    expect(consent.given_at).toBeInstanceOf(Date);

    const { res: signedIn, cookie } = await signInOverHttp(app.url, "buyer1@test.example", password);
    expect(signedIn.headers.get("location")).toBe("/buyer");
    const home = await page("/buyer", cookie);
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(html).toContain("<h1>我的采购</h1>");
    expect(html).toContain("西宁高原商贸");
    expect(html).toContain('href="/buyer"'); // the header's link names the buyer's area …
    expect(html).toContain(">我的采购</a>");
    expect(html).not.toContain(">我的主体</a>"); // … not a producer's
  });

  it("is told, on the field, to choose a kind, and a buyer to give a name", async () => {
    const noKind = await post("/signup", { consent: "on", account: "buyer2@test.example", password, passwordRepeat: password });
    expect(noKind.status).toBe(400);
    expect(await noKind.text()).toContain("请选择您是采购商还是生产经营者");
    const noName = await post("/signup?lang=en", { kind: "buyer", consent: "on", account: "buyer2@test.example", password, passwordRepeat: password });
    expect(noName.status).toBe(400);
    expect(await noName.text()).toContain("Buyers give a name or the name of their company");
    const noConsent = await post("/signup", { kind: "producer", account: "buyer2@test.example", password, passwordRepeat: password });
    expect(noConsent.status).toBe(400);
    expect(await noConsent.text()).toContain("请勾选同意后再提交");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "buyer2@test.example").execute()).toHaveLength(0);
  });

  it("started from the shortlist, returns to the shortlist after signing up and in", async () => {
    const res = await post("/signup?redirectTo=%2Fshortlist", {
      kind: "buyer",
      consent: "on",
      account: "buyer3@test.example",
      displayName: "海东采购",
      password,
      passwordRepeat: password,
    });
    expect(res.headers.get("location")).toBe("/login?signedUp=1&redirectTo=%2Fshortlist");
    const signIn = await post("/login", { account: "buyer3@test.example", password, redirectTo: "/shortlist" });
    expect(signIn.headers.get("location")).toBe("/shortlist");
    // the header's sign-in link on a page carries the page along
    expect(await (await page("/shortlist")).text()).toContain('href="/login?redirectTo=%2Fshortlist"');
  });
});

describe("each kind of account keeps to its own screens", () => {
  it("a buyer is refused producer and staff screens with a translated explanation, never raw English", async () => {
    const buyer = await createAccount(t.db, { role: "buyer" });
    const { cookie } = await signInOverHttp(app.url, buyer.email, buyer.password);
    for (const path of ["/producer", "/producer/organization", "/producer/inbox", "/staff", "/matching", "/staff/users", "/events/new"]) {
      const res = await page(path, cookie);
      expect(res.status, path).toBe(403);
      const html = await res.text();
      expect(html, path).toContain("无权访问");
      expect(html, path).not.toMatch(/>\s*forbidden\s*</);
    }
    const en = await (await page("/matching?lang=en", cookie)).text();
    expect(en).toContain("Not allowed");
    // a buyer's own mutating routes need a buyer; a producer's are closed to them
    expect((await post("/producer/products/new", { name_zh: "冒充产品" }, cookie)).status).toBe(403);
  });

  it("producers and staff are refused 我的采购, and a visitor is sent to sign in first", async () => {
    for (const role of ["producer", "reviewer", "fair_staff", "admin"] as const) {
      const a = await createAccount(t.db, role === "producer" ? { organizationName: `采购隔离测试社${role}` } : { role });
      const { cookie } = await signInOverHttp(app.url, a.email, a.password);
      expect((await page("/buyer", cookie)).status, role).toBe(403);
      expect((await post("/buyer/profile", { name: "不是采购商" }, cookie)).status, role).toBe(403);
    }
    const anonymous = await page("/buyer");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toBe("/login?redirectTo=%2Fbuyer");
  });
});

describe("the buyer profile", () => {
  it("names the field that is wrong, keeps nothing half-saved, and shows what was saved on 我的采购", async () => {
    const buyer = await createAccount(t.db, { role: "buyer" });
    const { cookie } = await signInOverHttp(app.url, buyer.email, buyer.password);
    const bad = await post("/buyer/profile", { name: "兰州鲜果采购", wechat: "1ab", province: "火星", categories: ["酒类", "不存在"] }, cookie);
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain("微信号"); // the WeChat field's own message
    expect(badHtml).toContain("请从列表中选择品类");
    expect(badHtml).toContain("请勾选同意后再提交"); // PIPL: the profile's contacts are kept only with consent
    expect(await t.db.selectFrom("buyer_profiles").select("user_id").where("user_id", "=", buyer.id).execute()).toHaveLength(0);

    const ok = await post(
      "/buyer/profile",
      {
        name: "兰州鲜果采购",
        province: "甘肃",
        city: "兰州",
        categories: ["水果", "坚果"],
        phone: "0931-8123456",
        email: "",
        wechat: "lanzhou_fruit",
        consent: "on",
      },
      cookie,
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("/buyer?profile=saved");
    const consents = await t.db.selectFrom("consents").select(["purpose", "text_version"]).where("user_id", "=", buyer.id).execute();
    expect(consents).toEqual([{ purpose: "buyer_profile", text_version: "2026-12-08" }]);
    const home = await (await page("/buyer?profile=saved", cookie)).text();
    expect(home).toContain("资料已保存");
    expect(home.replace(/<[^>]*>/g, "")).toContain("甘肃 兰州"); // text as read, without tags
    expect(home).toContain("水果和坚果");
    expect(home).toContain("lanzhou_fruit");
    const en = await (await page("/buyer?lang=en", cookie)).text();
    expect(en.replace(/<[^>]*>/g, "")).toContain("Gansu 兰州");
    expect(en).toContain("Fruit and Nuts");
  });
});
