import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { hashToken } from "../../app/auth/session.server";
import { issueResetToken } from "../../db/queries/staff-users";
import { disableUser } from "../../db/queries/users";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

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

describe("sign-in", () => {
  it("signs in with the right password, with a hardened cookie, landing producers on their area", async () => {
    const a = await createAccount(t.db, { organizationName: "测试合作社" });
    const { res, setCookie } = await signInOverHttp(app.url, a.email, a.password);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/producer");
    expect(setCookie).toMatch(/^hd_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
  });

  it("says a wrong password is wrong without telling which part", async () => {
    const a = await createAccount(t.db);
    const wrongPassword = await signInOverHttp(app.url, a.email, "not the password");
    const unknownAccount = await signInOverHttp(app.url, "nobody@test.example", "not the password");
    expect(wrongPassword.res.status).toBe(400);
    expect(unknownAccount.res.status).toBe(400);
    const [x, y] = [await wrongPassword.res.text(), await unknownAccount.res.text()];
    expect(x).toContain("账号或密码不正确");
    expect(y).toContain("账号或密码不正确");
  });

  it("issues a new session id at every sign-in and ends it on the server at sign-out", async () => {
    const a = await createAccount(t.db, { organizationName: "会话测试社" });
    const first = await signInOverHttp(app.url, a.email, a.password);
    const second = await signInOverHttp(app.url, a.email, a.password);
    expect(first.cookie).not.toBe(second.cookie);
    expect((await page("/producer", first.cookie)).status).toBe(200);
    const out = await fetch(`${app.url}/logout`, { method: "POST", redirect: "manual", headers: { cookie: first.cookie, origin: app.url } });
    expect(out.status).toBe(302);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    // the copied cookie no longer works
    expect((await page("/producer", first.cookie)).status).toBe(302);
    expect((await page("/producer", second.cookie)).status).toBe(200);
  });

  it("ends every session of a disabled account", async () => {
    const a = await createAccount(t.db, { organizationName: "停用测试社" });
    const { cookie } = await signInOverHttp(app.url, a.email, a.password);
    expect((await page("/producer", cookie)).status).toBe(200);
    await t.db.transaction().execute((trx) => disableUser(trx, a.id));
    expect((await page("/producer", cookie)).status).toBe(302);
    expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(400);
  });

  it("never redirects off-site after sign-in", async () => {
    const a = await createAccount(t.db, { organizationName: "跳转测试社" });
    for (const target of ["//evil.example", "/\\evil.example", "https://evil.example", "%2F%2Fevil.example"]) {
      const res = await fetch(`${app.url}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
        body: new URLSearchParams({ account: a.email, password: a.password, redirectTo: target }),
      });
      expect(res.headers.get("location")).toBe("/producer");
    }
  });

  it("throttles guessing with 429 + Retry-After, without locking the real user out from elsewhere", async () => {
    const a = await createAccount(t.db, { organizationName: "限流测试社" });
    // the test app is not behind a proxy, so every request comes from 127.0.0.1: the attacker and the user share an
    // address here, which is why the pair limit (account + client) is what trips first
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = (await signInOverHttp(app.url, a.email, `guess-${i}-wrong`)).res;
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await last!.text()).toContain("尝试次数过多");
    // another account from the same client is unaffected by this account's pair limit
    const b = await createAccount(t.db, { organizationName: "旁观测试社" });
    expect((await signInOverHttp(app.url, b.email, b.password)).res.status).toBe(302);
  });
});

describe("sign-in throttle and client addresses", () => {
  it("ignores X-Forwarded-For unless a proxy is declared, so rotating it does not reset the count", async () => {
    const a = await createAccount(t.db, { organizationName: "伪造地址测试社" });
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = (await signInOverHttp(app.url, a.email, `guess-${i}-wrong`, { "x-forwarded-for": `203.0.113.${i + 1}` })).res;
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    const recorded = await t.db.selectFrom("sign_in_attempts").select("client_key").distinct().where("account_key", "=", a.email.toLowerCase()).execute();
    expect(recorded).toHaveLength(1); // one client: the socket's address, whatever the header said
  });

  it("behind a declared proxy, stops a credential-stuffing crowd without locking the real user out", { timeout: 180_000 }, async () => {
    const proxied = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix, env: { TRUST_PROXY: "1" } });
    try {
      const a = await createAccount(t.db, { organizationName: "撞库测试社" });
      const from = (address: string) => ({ "x-forwarded-for": address });
      // a crowd already failed 45 times from 9 addresses (rows as the app writes them: each hash costs seconds over
      // HTTP on a loaded machine), then the 10th address fails 5 times over HTTP, which brings the account to 50
      await t.db
        .insertInto("sign_in_attempts")
        .values(
          Array.from({ length: 45 }, (_, i) => ({ account_key: a.email.toLowerCase(), client_key: `198.51.100.${1 + Math.floor(i / 5)}`, succeeded: false })),
        )
        .execute();
      for (let i = 0; i < 5; i++) expect((await signInOverHttp(proxied.url, a.email, `stuffed-${i}`, from("198.51.100.10"))).res.status).toBe(400);
      const attacker = await signInOverHttp(proxied.url, a.email, a.password, from("198.51.100.1"));
      expect(attacker.res.status).toBe(429);
      expect(Number(attacker.res.headers.get("retry-after"))).toBeGreaterThan(0);
      // past the account-wide limit, a new address gets one try; once it has failed it is refused, right password or not
      expect((await signInOverHttp(proxied.url, a.email, "one-more-wrong", from("198.51.100.11"))).res.status).toBe(400);
      expect((await signInOverHttp(proxied.url, a.email, a.password, from("198.51.100.11"))).res.status).toBe(429);
      // the real user, from an address with no failures for the account, signs in
      const user = await signInOverHttp(proxied.url, a.email, a.password, from("192.0.2.44"));
      expect(user.res.status).toBe(302);
      expect(user.cookie).not.toBe("");
    } finally {
      await proxied.stop();
    }
  });
});

describe("sign-in throttling beyond one account and one client", () => {
  it("refuses a client past 200 failures across accounts, even with a right password, until they age out", async () => {
    const a = await createAccount(t.db, { organizationName: "跨账号撞库测试社" });
    await signInOverHttp(app.url, a.email, "one wrong guess");
    const client = (await t.db.selectFrom("sign_in_attempts").select("client_key").where("account_key", "=", a.email).executeTakeFirstOrThrow()).client_key;
    const stuffing = Array.from({ length: 200 }, (_, i) => ({ account_key: `stuffed${i}@test.example`, client_key: client, succeeded: false }));
    const ids = (await t.db.insertInto("sign_in_attempts").values(stuffing).returning("id").execute()).map((r) => r.id);
    const refused = (await signInOverHttp(app.url, a.email, a.password)).res;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await t.db.deleteFrom("sign_in_attempts").where("id", "in", ids).execute();
    expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(302);
  });

  it("past 50 failures for one account, refuses the clients that failed for it but not the real user elsewhere", async () => {
    const a = await createAccount(t.db, { organizationName: "分布式猜测社" });
    const attackers = Array.from({ length: 50 }, (_, i) => ({ account_key: a.email, client_key: `203.0.113.${i}`, succeeded: false }));
    await t.db.insertInto("sign_in_attempts").values(attackers).execute();
    // this client has no failures for the account: the real user signs in
    expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(302);
    // once this client fails for it too, it has to wait like the attackers
    expect((await signInOverHttp(app.url, a.email, "a mistyped password")).res.status).toBe(400);
    const refused = (await signInOverHttp(app.url, a.email, a.password)).res;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("sign-up", () => {
  it("creates a producer account and asks for the organisation first", async () => {
    const res = await fetch(`${app.url}/signup`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams({
        kind: "producer",
        consent: "on",
        account: "13912345678",
        password: "plateau barley 2026",
        passwordRepeat: "plateau barley 2026",
        role: "admin",
      }),
    });
    // not signed in yet (the answer must not differ from an existing account's): on to sign in, then the organisation
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?signedUp=1&redirectTo=%2Fproducer%2Forganization");
    expect(res.headers.get("set-cookie")).toBeNull();
    const user = await t.db.selectFrom("users").selectAll().where("phone", "=", "13912345678").executeTakeFirstOrThrow();
    expect(user.role).toBe("producer"); // the posted role was ignored
    expect(user.password_hash).toMatch(/^scrypt\$/);
    const login = await fetch(`${app.url}${res.headers.get("location")}`);
    expect(await login.text()).toContain("注册已提交");
    const signedIn = await fetch(`${app.url}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams({ account: "13912345678", password: "plateau barley 2026", redirectTo: "/producer/organization" }),
    });
    expect(signedIn.headers.get("location")).toBe("/producer/organization");
  });

  it("signs up with an e-mail address too, and signs in by mobile number or e-mail alike", async () => {
    const signup = (account: string) =>
      fetch(`${app.url}/signup`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
        body: new URLSearchParams({ kind: "producer", consent: "on", account, password: "yak butter 2026!", passwordRepeat: "yak butter 2026!" }),
      });
    const byEmail = await signup("Zhuoma@Test.Example");
    expect(byEmail.status).toBe(302);
    const user = await t.db.selectFrom("users").select(["email", "phone", "role"]).where("email", "=", "zhuoma@test.example").executeTakeFirstOrThrow();
    expect(user).toEqual({ email: "zhuoma@test.example", phone: null, role: "producer" });
    // the same address again, whatever its case, changes nothing (and says so no differently: see
    // sign-up-does-not-tell-who-is-registered.test.ts)
    const again = await signup("zhuoma@test.example");
    expect(again.status).toBe(302);
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "zhuoma@test.example").execute()).toHaveLength(1);

    expect((await signup("13800001111")).status).toBe(302);
    expect((await signInOverHttp(app.url, "13800001111", "yak butter 2026!")).res.status).toBe(302);
    expect((await signInOverHttp(app.url, "ZHUOMA@test.example", "yak butter 2026!")).res.status).toBe(302);
    expect((await signInOverHttp(app.url, "13800001111", "yak butter 2027!")).res.status).toBe(400);
  });

  it.each([
    [{ password: "short", passwordRepeat: "short" }, "密码至少需要 10 个字符"],
    [{ password: "1234567890", passwordRepeat: "1234567890" }, "这个密码太常见"],
    [{ password: "plateau barley 2026", passwordRepeat: "plateau barley 2027" }, "两次输入的密码不一致"],
  ])("refuses weak or mistyped passwords with a message on the field (%j)", async (fields, message) => {
    const res = await fetch(`${app.url}/signup`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: new URLSearchParams({ kind: "producer", consent: "on", account: `new${Date.now()}@test.example`, ...fields }),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(message);
  });
});

describe("a staff-issued password-reset link", () => {
  it("sets a new password once, ends every session of the account, and is refused the second time", async () => {
    const a = await createAccount(t.db, { organizationName: "重置测试社" });
    const staff = await createAccount(t.db, { role: "reviewer" });
    const { cookie } = await signInOverHttp(app.url, a.email, a.password);
    const token = randomBytes(32).toString("base64url");
    await t.db.transaction().execute((trx) => issueResetToken(trx, staff.id, a.id, hashToken(token)));
    const reset = (password: string) =>
      fetch(`${app.url}/reset-password/${token}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
        body: new URLSearchParams({ password, passwordRepeat: password }),
      });
    // the new password is held to the same rules as at sign-up, and a refused attempt does not use the link up
    const weak = await reset("1234567890");
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain("这个密码太常见");
    const done = await reset("new barley field 7");
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?reset=1");
    expect((await page("/producer", cookie)).status).toBe(302); // the old session is over
    expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(400);
    expect((await signInOverHttp(app.url, a.email, "new barley field 7")).res.status).toBe(302);
    // one time only
    expect((await reset("another barley field 8")).status).toBe(410);
    expect(await (await page(`/reset-password/${token}`)).text()).toContain("该重置链接无效");
    expect((await signInOverHttp(app.url, a.email, "another barley field 8")).res.status).toBe(400);
  });
});
