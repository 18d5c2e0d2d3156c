import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetTokenValid } from "../../db/queries/sessions";
import { createAccount } from "../../tests/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { resetConfigForTests } from "../platform/config.server";
import { db } from "../services.server";
import { requestPasswordReset } from "./forgot-password.server";
import { resetPassword } from "./password-reset.server";
import { hashToken } from "./session.server";

const ORIGIN = "https://catalogue.example.cn";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  // the app's own pool (services.server.ts) and throttles run against this test's database; no SMTP_URL: mail is kept
  process.env.DATABASE_URL = t.url;
  process.env.SESSION_SECRET = "f".repeat(48);
  delete process.env.SMTP_URL;
  resetConfigForTests();
});
afterAll(async () => {
  await db().destroy();
  await t.drop();
});

const mailsTo = (address: string) => t.db.selectFrom("mail_queue").selectAll().where("to_address", "=", address).orderBy("id").execute();
const linkIn = (body: string) => body.match(new RegExp(`${ORIGIN}/reset-password/([A-Za-z0-9_-]{43})`))?.[1];

describe("someone who forgot their password gets a single-use, expiring link by e-mail", () => {
  it("answers an unknown address exactly like a known one and sends nothing", async () => {
    expect(await requestPasswordReset("nobody@example.cn", "10.0.0.1", ORIGIN)).toBe(0);
    expect(await t.db.selectFrom("mail_queue").select("id").execute()).toHaveLength(0);
    expect(await t.db.selectFrom("password_reset_tokens").select("token_hash").execute()).toHaveLength(0);
  });

  it("queues a mail (kept for staff without SMTP) whose link resets the password once, and only within the hour", async () => {
    const account = await createAccount(t.db);
    await t.db.updateTable("users").set({ locale: "en" }).where("id", "=", account.id).execute();
    expect(await requestPasswordReset(account.email.toUpperCase(), "10.0.0.2", ORIGIN)).toBe(0);
    const [mail] = await mailsTo(account.email);
    expect(mail).toMatchObject({ status: "kept", kind: "password_reset", locale: "en", subject: "[Haidong Brand & GI Catalogue] Reset your password" });
    const token = linkIn(mail!.body_text);
    expect(token).toBeDefined();
    expect(mail!.body_text).toContain(`${ORIGIN}/mail-preferences/`);
    const row = await t.db.selectFrom("password_reset_tokens").selectAll().where("token_hash", "=", hashToken(token!)).executeTakeFirstOrThrow();
    const minutes = (new Date(row.expires_at).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(55);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(await resetPassword(hashToken(token!), "new-hash")).toBe(true);
    expect(await resetPassword(hashToken(token!), "another-hash")).toBe(false);

    // a second link, past its hour, is refused
    expect(await requestPasswordReset(account.email, "10.0.0.3", ORIGIN)).toBe(0);
    const second = linkIn((await mailsTo(account.email))[1]!.body_text)!;
    await t.db
      .updateTable("password_reset_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashToken(second))
      .execute();
    expect(await resetTokenValid(t.db, hashToken(second))).toBe(false);
    expect(await resetPassword(hashToken(second), "late-hash")).toBe(false);
  });

  it("throttles one client address (429 wait) and one account (silently: the same answer, no more mail)", async () => {
    const account = await createAccount(t.db);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) waits.push(await requestPasswordReset(`someone${i}@example.cn`, "10.0.0.9", ORIGIN));
    expect(waits.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(waits[5]).toBeGreaterThan(0);

    for (let i = 0; i < 5; i++) expect(await requestPasswordReset(account.email, `10.1.0.${i}`, ORIGIN)).toBe(0);
    expect(await mailsTo(account.email)).toHaveLength(3);
  });
});
