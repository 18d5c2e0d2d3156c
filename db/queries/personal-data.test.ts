import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { Db } from "../client";
import { jsonb } from "../json";
import { claimInquiries } from "./buyer-home";
import { eraseAccount, eraseExpiredAnonymousInquiries, ERASED_NAME, personalDataOf, recordConsent, retentionMonths, setRetentionMonths } from "./personal-data";

// Issue 18, item 8 (PIPL) on real PostgreSQL: anonymous buyers' inquiries lose their personal data after the retention
// period, a deleted account leaves a tombstone and anonymised inquiries the producer still holds, and a person's data
// export holds what is kept about them.

let t: TestDatabase;
let db: Db;
let organizationId: number;
let productId: number;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  organizationId = (await db.insertInto("organizations").values({ name_zh: "隐私测试合作社", status: "published" }).returning("id").executeTakeFirstOrThrow())
    .id;
  productId = (
    await db
      .insertInto("products")
      .values({ organization_id: organizationId, name_zh: "隐私测试青稞", status: "published" })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.drop();
});

async function user(email: string, role: "buyer" | "producer" = "buyer") {
  return (await db.insertInto("users").values({ email, password_hash: "x", role, display_name: "王采购" }).returning("id").executeTakeFirstOrThrow()).id;
}

/** A booth lead sent `monthsAgo` months ago with one producer thread and a message from each side. */
async function inquiry(opts: { monthsAgo: number; userId?: number; tokenHash?: string }) {
  const { id } = await db
    .insertInto("inquiries")
    .values({
      buyer_token_hash: opts.tokenHash ?? randomBytes(32).toString("hex"),
      buyer_user_id: opts.userId ?? null,
      buyer_name: "王采购",
      buyer_organization: "西宁示例商贸",
      buyer_email: "wang@buyer.example.com",
      buyer_phone: "13900001111",
      buyer_wechat: "wang_buyer",
      source: "booth",
      message: "请报价,我的电话 13900001111",
      created_at: sql<Date>`now() - make_interval(months => ${opts.monthsAgo})`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const r = await db.insertInto("inquiry_recipients").values({ inquiry_id: id, organization_id: organizationId }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("inquiry_products").values({ recipient_id: r.id, product_id: productId, product_name_zh: "隐私测试青稞" }).execute();
  await db
    .insertInto("inquiry_messages")
    .values([
      { recipient_id: r.id, author: "producer", body: "每箱 95 元" },
      { recipient_id: r.id, author: "buyer", body: "好的,请寄样品到西宁市城西区某路 1 号" },
    ])
    .execute();
  return { id, recipientId: r.id };
}

async function inquiryRow(id: number) {
  return db.selectFrom("inquiries").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}
async function messages(recipientId: number) {
  return db.selectFrom("inquiry_messages").select(["author", "body"]).where("recipient_id", "=", recipientId).orderBy("id").execute();
}

describe("anonymous buyers' inquiries past the retention period", () => {
  it("lose name, contacts and words after the period staff set, while newer ones and account holders' stay", async () => {
    expect(await retentionMonths(db)).toBe(24); // the default
    const old = await inquiry({ monthsAgo: 25 });
    const recent = await inquiry({ monthsAgo: 23 });
    const buyerId = await user("kept@buyer.example.com");
    const ownedOld = await inquiry({ monthsAgo: 30, userId: buyerId });

    // the producer was mailed and told in the site about the old lead, naming the buyer
    const producerId = await user("producer-told@test.example", "producer");
    await db
      .insertInto("mail_queue")
      .values({
        idempotency_key: `lead:${old.recipientId}:producer-told@test.example`,
        to_address: "producer-told@test.example",
        locale: "zh-CN",
        kind: "new_lead",
        subject: "新的展位留言",
        body_text: "王采购 在展位留下了联系方式",
        message_id: `<lead-${old.recipientId}@test>`,
      })
      .execute();
    await db
      .insertInto("notifications")
      .values({ user_id: producerId, kind: "new_lead", event_key: `lead:${old.recipientId}`, params: jsonb({ buyer: "王采购" }) })
      .execute();

    expect(await eraseExpiredAnonymousInquiries(db, await retentionMonths(db))).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom("mail_queue").select("id").where("idempotency_key", "like", `lead:${old.recipientId}:%`).execute()).toHaveLength(0);
    const notice = await db.selectFrom("notifications").select("params").where("event_key", "=", `lead:${old.recipientId}`).executeTakeFirstOrThrow();
    expect(notice.params).toEqual({ buyer: ERASED_NAME });
    const erased = await inquiryRow(old.id);
    expect(erased).toMatchObject({
      buyer_name: ERASED_NAME,
      buyer_organization: null,
      buyer_email: null,
      buyer_phone: null,
      buyer_wechat: null,
      message: null,
    });
    expect(erased.anonymised_at).toBeInstanceOf(Date);
    // the producer keeps the business record: the product, their quote; the buyer's words are gone
    expect(await messages(old.recipientId)).toEqual([
      { author: "producer", body: "每箱 95 元" },
      { author: "buyer", body: "（已匿名）" },
    ]);
    expect(await db.selectFrom("inquiry_products").select("product_name_zh").where("recipient_id", "=", old.recipientId).execute()).toHaveLength(1);
    expect((await inquiryRow(recent.id)).buyer_name).toBe("王采购");
    expect((await inquiryRow(ownedOld.id)).buyer_email).toBe("wang@buyer.example.com");

    // staff shorten the period: the 23-month-old one goes at the next run
    await setRetentionMonths(db, 12, buyerId);
    expect(await retentionMonths(db)).toBe(12);
    await eraseExpiredAnonymousInquiries(db, await retentionMonths(db));
    expect((await inquiryRow(recent.id)).buyer_name).toBe(ERASED_NAME);
    await setRetentionMonths(db, 24, buyerId);
  });
});

describe("a buyer's own data", () => {
  it("is all in the download: account, profile, shortlist, inquiries with their threads, consents", async () => {
    const buyerId = await user("export@buyer.example.com");
    await db
      .insertInto("buyer_profiles")
      .values({ user_id: buyerId, name: "导出测试商贸", categories: ["杂粮"], wechat: "export_buyer" })
      .execute();
    const list = await db.insertInto("shortlists").values({ user_id: buyerId }).returning("id").executeTakeFirstOrThrow();
    await db.insertInto("shortlist_items").values({ shortlist_id: list.id, product_id: productId }).execute();
    const token = randomBytes(32).toString("hex");
    const sent = await inquiry({ monthsAgo: 0, tokenHash: token });
    expect(await claimInquiries(db, buyerId, [token])).toBe(1);
    await recordConsent(db, { purpose: "account", textVersion: "2026-12-08", userId: buyerId });

    const data = await personalDataOf(db, buyerId);
    expect(data.account.email).toBe("export@buyer.example.com");
    expect(data.buyerProfile).toMatchObject({ name: "导出测试商贸", wechat: "export_buyer", categories: ["杂粮"] });
    expect(data.shortlist.map((s) => s.name_zh)).toEqual(["隐私测试青稞"]);
    expect(data.inquiries.map((i) => i.id)).toEqual([sent.id]);
    // only this inquiry's own thread, though other buyers' inquiries reach the same producer
    expect(data.inquiries[0]!.recipients).toHaveLength(1);
    expect(data.inquiries[0]!.recipients[0]!.messages.map((m) => m.body)).toContain("每箱 95 元");
    expect(data.consents).toEqual([expect.objectContaining({ purpose: "account", text_version: "2026-12-08" })]);
  });

  it("goes when the account is deleted: a tombstone row, anonymised inquiries, no profile, shortlist or session", async () => {
    const buyerId = await user("leaving@buyer.example.com");
    await db.insertInto("buyer_profiles").values({ user_id: buyerId, name: "将要离开的商贸" }).execute();
    await db.insertInto("shortlists").values({ user_id: buyerId }).execute();
    await db
      .insertInto("sessions")
      .values({ token_hash: randomBytes(32).toString("hex"), user_id: buyerId, expires_at: new Date(Date.now() + 3600_000) })
      .execute();
    const sent = await inquiry({ monthsAgo: 0, userId: buyerId });
    await db.transaction().execute((trx) => eraseAccount(trx, buyerId));

    const tomb = await db.selectFrom("users").selectAll().where("id", "=", buyerId).executeTakeFirstOrThrow();
    expect(tomb).toMatchObject({ email: null, phone: null, display_name: null });
    expect(tomb.deleted_at).toBeInstanceOf(Date);
    expect(tomb.disabled_at).toBeInstanceOf(Date);
    for (const table of ["buyer_profiles", "shortlists", "sessions"] as const) {
      expect(await db.selectFrom(table).select("user_id").where("user_id", "=", buyerId).execute(), table).toHaveLength(0);
    }
    expect(await inquiryRow(sent.id)).toMatchObject({ buyer_name: ERASED_NAME, buyer_email: null, buyer_user_id: null });
    expect((await messages(sent.recipientId)).find((m) => m.author === "buyer")!.body).toBe("（已匿名）");
  });
});
