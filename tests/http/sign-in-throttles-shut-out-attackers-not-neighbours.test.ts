import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, PARAMS } from "../../app/auth/password.server";
import { createAccount, signInOverHttp } from "../support/accounts";
import { startTestApp, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 15, "throttling that shuts out the wrong people": failures at one shared address (a fair's Wi-Fi, a carrier's
// NAT) must not lock out everyone behind it, and passwords hashed with weaker parameters are brought up to date.

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

describe("sign-in at a shared address", () => {
  it("twenty strangers failing at the fair's Wi-Fi do not lock out a producer on the same address", { timeout: 120_000 }, async () => {
    const producer = await createAccount(t.db, { organizationName: "展会青稞合作社" });
    // the test app sees every request from 127.0.0.1: twenty visitors each mistype their own (or a made-up) account;
    // five over HTTP, fifteen as the rows the app writes (each hash costs seconds over HTTP on a loaded machine)
    for (let i = 0; i < 5; i++) expect((await signInOverHttp(app.url, `visitor${i}@fair.example`, "not my password")).res.status).toBe(400);
    const { client_key } = await t.db
      .selectFrom("sign_in_attempts")
      .select("client_key")
      .where("account_key", "=", "visitor0@fair.example")
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto("sign_in_attempts")
      .values(Array.from({ length: 15 }, (_, i) => ({ account_key: `visitor${i + 5}@fair.example`, client_key, succeeded: false })))
      .execute();
    const signedIn = await signInOverHttp(app.url, producer.email, producer.password);
    expect(signedIn.res.status).toBe(302);
    expect(signedIn.cookie).toMatch(/^hd_session=/);
  });

  it("someone guessing one producer's password from that Wi-Fi is stopped without stopping the others there", { timeout: 120_000 }, async () => {
    const target = await createAccount(t.db, { organizationName: "被猜密码合作社" });
    const neighbour = await createAccount(t.db, { organizationName: "隔壁展位合作社" });
    let last: Response | undefined;
    for (let i = 0; i < 6; i++) last = (await signInOverHttp(app.url, target.email, `guess ${i}`)).res;
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signInOverHttp(app.url, neighbour.email, neighbour.password)).res.status).toBe(302);
  });
});

describe("password hashes", () => {
  it(
    "a producer whose password was hashed with the old scrypt parameters is re-hashed at OWASP's minimum on the next sign-in",
    { timeout: 60_000 },
    async () => {
      const a = await createAccount(t.db, { organizationName: "旧哈希合作社", password: "old hash barley 2025" });
      const old = await hashPassword(a.password, { ...PARAMS, logN: 15 });
      await t.db.updateTable("users").set({ password_hash: old }).where("id", "=", a.id).execute();
      expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(302);
      const { password_hash } = await t.db.selectFrom("users").select("password_hash").where("id", "=", a.id).executeTakeFirstOrThrow();
      expect(password_hash).toMatch(/^scrypt\$17\$8\$1\$/);
      // the new hash is of the same password
      expect((await signInOverHttp(app.url, a.email, a.password)).res.status).toBe(302);
      expect((await signInOverHttp(app.url, a.email, "old hash barley 2026")).res.status).toBe(400);
    },
  );
});
