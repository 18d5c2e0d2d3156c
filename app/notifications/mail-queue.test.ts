import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInquiry } from "../../db/queries/inquiries";
import { enqueueMail, outboxMessages, retryFailedMail } from "../../db/queries/mail-queue";
import { notificationsFor } from "../../db/queries/notifications";
import { createAccount } from "../../tests/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { startTestSmtp, type TestSmtp } from "../../tests/support/smtp";
import { resetConfigForTests } from "../platform/config.server";
import { startMailWorker, type MailWorker } from "./mail-worker.server";
import { notifyNewInquiry } from "./notify.server";
import { addressFromPreferencesToken } from "./signing.server";

const ORIGIN = "https://catalogue.example.cn";
const FROM = "海东品牌目录 <noreply@example.cn>";
let t: TestDatabase;
const open: { smtp?: TestSmtp; workers: MailWorker[] } = { workers: [] };

function useSmtp(url: string | undefined) {
  process.env.SESSION_SECRET = "s".repeat(48);
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetConfigForTests();
}

function worker(smtp: TestSmtp, options: { baseDelayMs?: number; maxAttempts?: number; leaseSeconds?: number } = {}) {
  const w = startMailWorker(t.db, { smtpUrl: smtp.url, from: FROM, baseDelayMs: 20, ...options }, { start: false });
  open.workers.push(w);
  return w;
}

async function drainUntil(w: MailWorker, done: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("the queue did not drain in time");
    await w.drainOnce();
    await new Promise((r) => setTimeout(r, 10));
  }
}

const statusOf = async (id: number) =>
  await t.db.selectFrom("mail_queue").select(["status", "attempts", "last_error"]).where("id", "=", id).executeTakeFirstOrThrow();

async function queueOne(key: string, to = "buyer@example.cn") {
  await enqueueMail(t.db, {
    idempotencyKey: key,
    to,
    userId: null,
    locale: "zh-CN",
    kind: "inquiry_reply",
    subject: `主题 ${key}`,
    body: `正文 ${key}`,
    send: true,
  });
  return (await t.db.selectFrom("mail_queue").select("id").where("idempotency_key", "=", key).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  resetConfigForTests();
  await t.drop();
});
beforeEach(async () => {
  for (const w of open.workers.splice(0)) await w.stop();
  await open.smtp?.close();
  open.smtp = undefined;
  await t.db.deleteFrom("mail_queue").execute();
});

async function producersAndInquiry() {
  const zh = await createAccount(t.db, { organizationName: `绿源合作社${Date.now()}` });
  const en = await createAccount(t.db);
  await t.db.updateTable("users").set({ organization_id: zh.organizationId, locale: "en" }).where("id", "=", en.id).execute();
  await t.db.updateTable("organizations").set({ name_en: "Green Source Co-op" }).where("id", "=", zh.organizationId!).execute();
  const product = await t.db
    .insertInto("products")
    .values({ organization_id: zh.organizationId!, name_zh: "富硒马铃薯", name_en: "Selenium-rich potatoes", status: "published" })
    .returning(["id", "name_zh", "name_en", "organization_id"])
    .executeTakeFirstOrThrow();
  return { zh, en, product };
}

describe("a producer hears of a new inquiry by e-mail, in their language, through the queue", () => {
  it("sends each producer one mail with the inbox link, a preferences link and the row's Message-ID, and a site notice", async () => {
    const smtp = (open.smtp = await startTestSmtp());
    useSmtp(smtp.url);
    const { zh, en, product } = await producersAndInquiry();
    const { recipients } = await t.db.transaction().execute(async (trx) => {
      const made = await createInquiry(
        trx,
        {
          buyer_token_hash: "h".repeat(64),
          buyer_user_id: null,
          buyer_name: "王经理",
          buyer_organization: null,
          buyer_email: "wang@example.cn",
          buyer_phone: null,
          message: null,
        },
        [
          {
            ...product,
            quantity: 500,
            quantity_unit: "kg",
            delivery_from: "2027-01-01",
            delivery_to: "2027-02-01",
            destination_province: "青海省",
            target_price: null,
            sample_wanted: false,
          },
        ],
      );
      await notifyNewInquiry(trx, made.id, { origin: ORIGIN, buyerLocale: "en", buyerToken: "private-token" });
      // the same event again enqueues nothing more
      await notifyNewInquiry(trx, made.id, { origin: ORIGIN, buyerLocale: "en", buyerToken: "private-token" });
      return made;
    });
    const w = worker(smtp);
    await drainUntil(w, async () => smtp.received.length >= 2);
    await w.drainOnce();
    expect(smtp.received).toHaveLength(2);
    const toZh = smtp.received.find((m) => m.to[0] === zh.email)!;
    const toEn = smtp.received.find((m) => m.to[0] === en.email)!;
    expect(toZh.subject).toBe("[海东品牌与地理标志目录] 新询价:王经理");
    expect(toZh.text).toContain("王经理向绿源合作社");
    expect(toZh.text).toContain("富硒马铃薯");
    expect(toZh.text).toContain(`${ORIGIN}/producer/inbox/${recipients[0]}`);
    expect(toEn.subject).toBe("[Haidong Brand & GI Catalogue] New inquiry from 王经理");
    expect(toEn.text).toContain("sent Green Source Co-op an inquiry about: Selenium-rich potatoes.");
    for (const m of [toZh, toEn]) {
      const link = m.text.match(new RegExp(`${ORIGIN}/mail-preferences/(\\S+)`));
      expect(link, m.text).not.toBeNull();
      expect(addressFromPreferencesToken(link![1]!)).toBe(m.to[0]);
      expect(m.headers.get("from")).toContain("noreply@example.cn");
    }
    const rows = await outboxMessages(t.db);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(rows.map((r) => r.message_id).sort()).toEqual([toZh.messageId, toEn.messageId].sort());
    expect((await notificationsFor(t.db, en.id)).map((n) => [n.kind, n.link_path])).toEqual([["new_inquiry", `/producer/inbox/${recipients[0]}`]]);
  });

  it("keeps a message the server refuses twice (451) and delivers exactly one copy on the third attempt", async () => {
    const smtp = (open.smtp = await startTestSmtp({ refuse: (n) => (n <= 2 ? 451 : undefined) }));
    useSmtp(smtp.url);
    const id = await queueOne("retry-me");
    const w = worker(smtp);
    await drainUntil(w, async () => (await statusOf(id)).status === "sent");
    // more passes find nothing to send
    await w.drainOnce();
    await new Promise((r) => setTimeout(r, 100));
    await w.drainOnce();
    expect(smtp.attempts).toBe(3);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toContain("主题 retry-me");
    expect(await statusOf(id)).toMatchObject({ status: "sent", attempts: 3, last_error: null });
  });

  it("gives up after the last attempt, shows the error, and sends once when staff retry", async () => {
    const smtp = (open.smtp = await startTestSmtp({ refuse: (n) => (n <= 3 ? 451 : undefined) }));
    useSmtp(smtp.url);
    const id = await queueOne("give-up");
    const w = worker(smtp, { maxAttempts: 3 });
    await drainUntil(w, async () => (await statusOf(id)).status === "failed");
    expect(await statusOf(id)).toMatchObject({ status: "failed", attempts: 3 });
    expect((await statusOf(id)).last_error).toMatch(/451/);
    expect(smtp.received).toHaveLength(0);
    expect(await retryFailedMail(t.db, id)).toBe(true);
    expect(await retryFailedMail(t.db, id)).toBe(false);
    await drainUntil(w, async () => (await statusOf(id)).status === "sent");
    expect(smtp.received).toHaveLength(1);
  });

  it("fails a permanent refusal (550) at once instead of retrying it", async () => {
    const smtp = (open.smtp = await startTestSmtp({ refuse: () => 550 }));
    useSmtp(smtp.url);
    const id = await queueOne("no-such-mailbox");
    await worker(smtp).drainOnce();
    expect(await statusOf(id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("two workers draining at once send every message exactly once", async () => {
    const smtp = (open.smtp = await startTestSmtp({ delayMs: 20 }));
    useSmtp(smtp.url);
    for (let i = 0; i < 12; i++) await queueOne(`pair-${i}`, `b${i}@example.cn`);
    const a = worker(smtp);
    const b = worker(smtp);
    await Promise.all([a.drainOnce(), b.drainOnce(), a.drainOnce(), b.drainOnce()]);
    await drainUntil(a, async () => smtp.received.length >= 12);
    await Promise.all([a.drainOnce(), b.drainOnce()]);
    expect(smtp.received).toHaveLength(12);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(12);
    expect(smtp.attempts).toBe(12);
  });

  it("does not resend a message whose sender died mid-send: it is marked failed for staff", async () => {
    const smtp = (open.smtp = await startTestSmtp());
    useSmtp(smtp.url);
    const id = await queueOne("abandoned");
    await t.db
      .updateTable("mail_queue")
      .set({ status: "sending", attempts: 1, lease_until: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    await worker(smtp).drainOnce();
    expect(smtp.received).toHaveLength(0);
    expect((await statusOf(id)).status).toBe("failed");
    expect((await statusOf(id)).last_error).toMatch(/interrupted/);
  });
});

describe("nothing is queued for a change that did not happen, and nothing is lost without a mail server", () => {
  it("an inquiry rolled back leaves no mail and no notice", async () => {
    useSmtp("smtp://127.0.0.1:9");
    const { zh, product } = await producersAndInquiry();
    await expect(
      t.db.transaction().execute(async (trx) => {
        const made = await createInquiry(
          trx,
          {
            buyer_token_hash: "r".repeat(64),
            buyer_user_id: null,
            buyer_name: "李",
            buyer_organization: null,
            buyer_email: "li@example.cn",
            buyer_phone: null,
            message: null,
          },
          [
            {
              ...product,
              quantity: 1,
              quantity_unit: "kg",
              delivery_from: "2027-01-01",
              delivery_to: "2027-02-01",
              destination_province: "青海省",
              target_price: null,
              sample_wanted: false,
            },
          ],
        );
        await notifyNewInquiry(trx, made.id, { origin: ORIGIN, buyerLocale: "zh-CN", buyerToken: "x" });
        expect(await trx.selectFrom("mail_queue").select("id").execute()).toHaveLength(2);
        throw new Error("the change fails after the notice was written");
      }),
    ).rejects.toThrow(/change fails/);
    expect(await t.db.selectFrom("mail_queue").select("id").execute()).toHaveLength(0);
    expect(await notificationsFor(t.db, zh.id)).toHaveLength(0);
  });

  it("without SMTP_URL a message is kept, never claimed, and listed in the outbox", async () => {
    useSmtp(undefined);
    const { zh, product } = await producersAndInquiry();
    await t.db.transaction().execute(async (trx) => {
      const made = await createInquiry(
        trx,
        {
          buyer_token_hash: "k".repeat(64),
          buyer_user_id: null,
          buyer_name: "张",
          buyer_organization: null,
          buyer_email: "zhang@example.cn",
          buyer_phone: null,
          message: null,
        },
        [
          {
            ...product,
            quantity: 1,
            quantity_unit: "kg",
            delivery_from: "2027-01-01",
            delivery_to: "2027-02-01",
            destination_province: "青海省",
            target_price: null,
            sample_wanted: false,
          },
        ],
      );
      await notifyNewInquiry(trx, made.id, { origin: ORIGIN, buyerLocale: "zh-CN", buyerToken: "x" });
    });
    const smtp = (open.smtp = await startTestSmtp());
    expect(await worker(smtp).drainOnce()).toBe(0);
    const kept = await outboxMessages(t.db, { status: "kept" });
    expect(kept.map((m) => m.to_address)).toContain(zh.email);
    expect(kept[0]!.body_text).toContain("/mail-preferences/");
    expect(smtp.received).toHaveLength(0);
  });
});
