import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 15: sign-up must not reveal which phone numbers and e-mail addresses are registered, and sign-up and the
// password-reset link are throttled (each can cost a scrypt hash).

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

const post = (path: string, fields: Record<string, string>) =>
  fetch(`${app.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
    body: new URLSearchParams(fields),
  });
const signup = (account: string, password = "someone else 2026") =>
  post("/signup", { kind: "producer", consent: "on", account, password, passwordRepeat: password });

describe("sign-up", () => {
  it("someone trying a producer's e-mail at sign-up learns nothing, and the producer is told at the next sign-in", { timeout: 60_000 }, async () => {
    const producer = await createAccount(t.db, { organizationName: "已注册合作社" });
    const existing = await signup(producer.email);
    const fresh = await signup(`new-${randomBytes(4).toString("hex")}@test.example`);
    for (const res of [existing, fresh]) {
      expect(res.status).toBe(302);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    expect(existing.headers.get("location")).toBe(fresh.headers.get("location"));
    expect(await existing.text()).toBe(await fresh.text());
    // the existing account is unchanged: the requester's password does not open it
    expect((await signInOverHttp(app.url, producer.email, "someone else 2026")).res.status).toBe(400);

    const owner = await signInOverHttp(app.url, producer.email, producer.password);
    expect(owner.res.status).toBe(302);
    expect(owner.res.headers.get("location")).toBe("/account/notices?next=%2Fproducer");
    const notice = await fetch(`${app.url}/account/notices?next=%2Fproducer`, { headers: { cookie: owner.cookie }, redirect: "manual" });
    expect(notice.status).toBe(200);
    expect(await notice.text()).toContain("有人用您的邮箱或手机号尝试注册新账号");
    // shown once
    const again = await fetch(`${app.url}/account/notices?next=%2Fproducer`, { headers: { cookie: owner.cookie }, redirect: "manual" });
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/producer");
  });

  it("a script signing up over and over from one address is told to wait", { timeout: 60_000 }, async () => {
    expect((await signup(`script-0@test.example`)).status).toBe(302);
    // the rest of the hour's budget as the app counts it (one row per sign-up, keyed by a hash of the address)
    const { key_hash } = await t.db.selectFrom("throttle_events").select("key_hash").where("scope", "=", "signup").executeTakeFirstOrThrow();
    await t.db
      .insertInto("throttle_events")
      .values(Array.from({ length: 30 }, () => ({ scope: "signup", key_hash })))
      .execute();
    const refused = await signup(`script-31@test.example`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toContain("尝试次数过多");
    expect(await t.db.selectFrom("users").select("id").where("email", "=", "script-31@test.example").executeTakeFirst()).toBeUndefined();
  });
});

describe("a password-reset link", () => {
  it("someone hammering made-up reset links is slowed down, and a dead link costs no password hash", { timeout: 60_000 }, async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    const started = Date.now();
    for (let i = 0; i < 12; i++) {
      const res = await post(`/reset-password/${randomBytes(32).toString("base64url")}`, {
        password: "new barley field 7",
        passwordRepeat: "new barley field 7",
      });
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(410));
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused!.text()).toContain("尝试次数过多");
    // ten dead links answered without ten scrypt hashes (each is hundreds of ms at N=2^17)
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
