import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import type { Db } from "../client";
import { recordDeal } from "./deals";
import { createBoothLead } from "./event-leads";
import { createEvent } from "./events";
import { acceptHeldLead, acceptHeldLeadsOfEvent } from "./held-leads";
import { addLineQuote, markRead } from "./inquiry-lines";
import { addInquiryMessage, createInquiry, inboxThread, inquirableProducts, inquiryForBuyer, setRecipientStatus } from "./inquiries";

// Per-line inquiries on real PostgreSQL: each product asked about keeps its own need, the producer quotes per line
// (every quote kept, the latest first), and each status change of a thread is recorded with who made it.

let t: TestDatabase;
let db: Db;
const org = { wine: 0, potato: 0, other: 0 };
const product = { wine: 0, potato: 0 };
let producerUser = 0;
let buyerUser = 0;

async function insertOrg(name: string) {
  return (
    await db.insertInto("organizations").values({ name_zh: name, status: "published", credit_status: "normal" }).returning("id").executeTakeFirstOrThrow()
  ).id;
}
async function insertProduct(organizationId: number, name: string) {
  return (
    await db.insertInto("products").values({ organization_id: organizationId, name_zh: name, status: "published" }).returning("id").executeTakeFirstOrThrow()
  ).id;
}

const need = (quantity: number, unit: string, price: number | null) => ({
  quantity,
  quantity_unit: unit,
  target_price: price,
  sample_wanted: false,
  delivery_from: "2027-03-01",
  delivery_to: "2027-04-30",
  destination_province: "广东省",
});

async function send(tokenHash: string, userId: number | null) {
  const products = await inquirableProducts(db, [product.wine, product.potato]);
  const lines = products.map((p) => ({ ...p, ...(p.id === product.wine ? need(200, "箱", 95) : { ...need(3, "吨", null), sample_wanted: true }) }));
  return db.transaction().execute((trx) =>
    createInquiry(
      trx,
      {
        buyer_token_hash: tokenHash,
        buyer_user_id: userId,
        buyer_name: "王采购",
        buyer_organization: null,
        buyer_email: "w@example.com",
        buyer_phone: null,
        message: null,
      },
      lines,
    ),
  );
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.db;
  org.wine = await insertOrg("互助青稞酒厂");
  org.potato = await insertOrg("马铃薯合作社");
  org.other = await insertOrg("别家");
  product.wine = await insertProduct(org.wine, "互助青稞酒");
  product.potato = await insertProduct(org.potato, "乐都马铃薯");
  producerUser = (
    await db
      .insertInto("users")
      .values({ email: "p@example.com", password_hash: "x", role: "producer", organization_id: org.wine })
      .returning("id")
      .executeTakeFirstOrThrow()
  ).id;
  buyerUser = (await db.insertInto("users").values({ email: "b@example.com", password_hash: "x", role: "reviewer" }).returning("id").executeTakeFirstOrThrow())
    .id;
});

afterAll(async () => {
  await t?.drop();
});

describe("a buyer asks two producers for different quantities in one inquiry", () => {
  it("keeps each product's own quantity, unit, price and sample wish on its producer's thread", async () => {
    const hash = randomBytes(32).toString("hex");
    await send(hash, null);
    const inquiry = (await inquiryForBuyer(db, { tokenHash: hash }))!;
    expect(inquiry.recipients).toHaveLength(2);
    const wine = inquiry.recipients.find((r) => r.organization_id === org.wine)!;
    const potato = inquiry.recipients.find((r) => r.organization_id === org.potato)!;
    expect(wine.lines.map((l) => [l.product_name_zh, Number(l.quantity), l.quantity_unit, l.target_price && Number(l.target_price), l.sample_wanted])).toEqual([
      ["互助青稞酒", 200, "箱", 95, false],
    ]);
    expect(potato.lines.map((l) => [l.product_name_zh, Number(l.quantity), l.quantity_unit, l.target_price, l.sample_wanted])).toEqual([
      ["乐都马铃薯", 3, "吨", null, true],
    ]);
  });

  it("opens a signed-in buyer's own inquiry by id, and nobody else's", async () => {
    const hash = randomBytes(32).toString("hex");
    const { id } = await send(hash, buyerUser);
    expect((await inquiryForBuyer(db, { userId: buyerUser, inquiryId: id }))?.id).toBe(id);
    expect(await inquiryForBuyer(db, { userId: producerUser, inquiryId: id })).toBeUndefined();
  });
});

describe("the producer answers per line and the status history shows every step", () => {
  it("goes new → read → quoted → deal, keeps every quote newest first, and refuses another producer's line", async () => {
    const hash = randomBytes(32).toString("hex");
    await send(hash, null);
    const inquiry = (await inquiryForBuyer(db, { tokenHash: hash }))!;
    const wine = inquiry.recipients.find((r) => r.organization_id === org.wine)!;
    const potato = inquiry.recipients.find((r) => r.organization_id === org.potato)!;
    const line = wine.lines[0]!;

    expect(await markRead(db, org.wine, wine.id, producerUser)).toBe(true);
    expect(await markRead(db, org.wine, wine.id, producerUser)).toBe(false); // only the first opening counts
    expect(await markRead(db, org.other, potato.id, producerUser)).toBe(false); // not its thread

    const quote = { quoted_price: 98, price_unit: "箱", moq: 50, lead_time_days: 10, note: null };
    expect(await addLineQuote(db, org.wine, wine.id, line.id, quote, producerUser)).toMatchObject({ quoteId: expect.any(Number) });
    expect(await addLineQuote(db, org.wine, wine.id, line.id, { ...quote, quoted_price: 93, note: "量大可议" }, producerUser)).toMatchObject({
      quoteId: expect.any(Number),
    });
    // a line of the other producer's thread, through this producer's thread or its own organisation: nothing written
    expect(await addLineQuote(db, org.wine, wine.id, potato.lines[0]!.id, quote, producerUser)).toBeUndefined();
    expect(await addLineQuote(db, org.wine, potato.id, potato.lines[0]!.id, quote, producerUser)).toBeUndefined();

    await recordDeal(db, {
      kind: "intent",
      organization_id: org.wine,
      product_id: product.wine,
      product_name_zh: "互助青稞酒",
      inquiry_recipient_id: wine.id,
      amount_cny: 18600,
      deal_date: "2027-02-01",
      event_id: null,
      note: null,
      recorded_by: "buyer",
      recorded_by_user_id: null,
    });
    // a later reply does not undo the deal
    await addInquiryMessage(db, wine.id, { author: "producer", author_user_id: producerUser, body: "谢谢", quoted_price: null });

    const after = (await inquiryForBuyer(db, { tokenHash: hash }))!;
    const thread = after.recipients.find((r) => r.id === wine.id)!;
    expect(thread.status).toBe("deal");
    expect(thread.lines[0]!.quotes.map((q) => [Number(q.quoted_price), q.note])).toEqual([
      [93, "量大可议"],
      [98, null],
    ]);
    expect(thread.history.map((h) => [h.from_status, h.to_status, h.by_role])).toEqual([
      ["new", "read", "producer"],
      ["read", "quoted", "producer"],
      ["quoted", "deal", "buyer"],
    ]);
    expect(after.recipients.find((r) => r.id === potato.id)!.status).toBe("new");
    expect(potato.history).toEqual([]);
  });

  it("records a status the producer sets by hand, and a buyer's message reopening a closed thread", async () => {
    const hash = randomBytes(32).toString("hex");
    await send(hash, null);
    const wine = (await inquiryForBuyer(db, { tokenHash: hash }))!.recipients.find((r) => r.organization_id === org.wine)!;
    expect(await setRecipientStatus(db, org.potato, wine.id, "closed", null)).toBe(false);
    expect(await setRecipientStatus(db, org.wine, wine.id, "closed", producerUser)).toBe(true);
    await addInquiryMessage(db, wine.id, { author: "buyer", author_user_id: null, body: "还在吗？", quoted_price: null });
    const found = (await inboxThread(db, org.wine, wine.id))!;
    expect(found.thread.status).toBe("replied");
    expect(found.thread.history.map((h) => [h.from_status, h.to_status, h.by_role])).toEqual([
      ["new", "closed", "producer"],
      ["closed", "replied", "buyer"],
    ]);
  });
});

describe("a booth lead held past a limit", () => {
  it("records its acceptance by the exhibitor or by fair staff in the status history", async () => {
    const eventId = await createEvent(db, {
      name_zh: "测试对接会",
      name_en: null,
      starts_on: "2027-05-16",
      ends_on: "2027-05-18",
      venue_zh: "会展中心",
      venue_en: null,
      organiser_zh: "主办方",
      organiser_en: null,
      status: "published",
    });
    const held = (name: string) =>
      db.transaction().execute((trx) =>
        createBoothLead(
          trx,
          {
            buyer_token_hash: randomBytes(32).toString("hex"),
            buyer_user_id: null,
            buyer_name: name,
            buyer_organization: null,
            buyer_email: "h@example.com",
            buyer_phone: null,
            message: "留个联系方式",
            event_id: eventId,
          },
          org.wine,
          null,
          "device",
        ),
      );
    const first = await held("展位买家一");
    const second = await held("展位买家二");
    expect(await acceptHeldLead(db, org.potato, first.recipientId, producerUser)).toBe(false); // not its lead
    expect(await acceptHeldLead(db, org.wine, first.recipientId, producerUser)).toBe(true);
    expect(await acceptHeldLeadsOfEvent(db, eventId, "all", buyerUser)).toBe(1);
    const history = async (recipientId: number) =>
      await db
        .selectFrom("inquiry_status_changes")
        .select(["from_status", "to_status", "by_role", "by_user_id"])
        .where("recipient_id", "=", recipientId)
        .execute();
    expect(await history(first.recipientId)).toEqual([{ from_status: "held", to_status: "new", by_role: "producer", by_user_id: producerUser }]);
    expect(await history(second.recipientId)).toEqual([{ from_status: "held", to_status: "new", by_role: "staff", by_user_id: buyerUser }]);
  });
});
