import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addInquiryMessage, createInquiry } from "../../db/queries/inquiries";
import { outboxMessages } from "../../db/queries/mail-queue";
import { notificationsFor, openReplyNotice, setMailPreference } from "../../db/queries/notifications";
import { jsonb } from "../../db/json";
import { createBoothLead } from "../../db/queries/event-leads";
import { createEvent } from "../../db/queries/events";
import { createAccount } from "../../tests/support/accounts";
import { createTestDatabase, type TestDatabase } from "../../tests/support/db";
import { resetConfigForTests } from "../platform/config.server";
import { notifyInquiryReply, notifyNewInquiry, notifyNewLead, notifyReviewDecision } from "./notify.server";
import { unsealBuyerLink } from "./signing.server";

const ORIGIN = "https://catalogue.example.cn";
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.SESSION_SECRET = "n".repeat(48);
  delete process.env.SMTP_URL;
  resetConfigForTests();
});
afterAll(async () => {
  await t.drop();
});

async function inquiryTo(buyer: { email: string | null; userId: number | null; locale: "zh-CN" | "en"; token: string }) {
  const producer = await createAccount(t.db, { organizationName: `高原果业${Math.random()}` });
  const product = await t.db
    .insertInto("products")
    .values({ organization_id: producer.organizationId!, name_zh: "沙果", status: "published" })
    .returning(["id", "name_zh", "name_en", "organization_id"])
    .executeTakeFirstOrThrow();
  const made = await t.db.transaction().execute(async (trx) => {
    const m = await createInquiry(
      trx,
      {
        buyer_token_hash: `${buyer.token}`.padEnd(64, "0"),
        buyer_user_id: buyer.userId,
        buyer_name: "Alice",
        buyer_organization: null,
        buyer_email: buyer.email,
        buyer_phone: buyer.email ? null : "13800000000",
        message: null,
      },
      [
        {
          ...product,
          quantity: 10,
          quantity_unit: "kg",
          delivery_from: "2027-01-01",
          delivery_to: "2027-02-01",
          destination_province: "青海省",
          target_price: null,
          sample_wanted: false,
        },
      ],
    );
    await notifyNewInquiry(trx, m.id, { origin: ORIGIN, buyerLocale: buyer.locale, buyerToken: buyer.token });
    return m;
  });
  return { producer, recipientId: made.recipients[0]! };
}

async function reply(recipientId: number, producerId: number, body: string) {
  await t.db.transaction().execute(async (trx) => {
    await addInquiryMessage(trx, recipientId, { author: "producer", author_user_id: producerId, body, quoted_price: null });
    await notifyInquiryReply(trx, recipientId, { origin: ORIGIN });
  });
}

describe("a buyer hears of a producer's reply in the language they wrote in", () => {
  it("mails the private link to the address the buyer gave, and notifies a signed-in buyer in the site without it", async () => {
    const buyer = await createAccount(t.db, { role: "producer" });
    const { producer, recipientId } = await inquiryTo({ email: "alice@example.com", userId: buyer.id, locale: "en", token: "private-token-alice" });
    await reply(recipientId, producer.id, "We can ship in March.");
    const [mail] = (await outboxMessages(t.db)).filter((m) => m.to_address === "alice@example.com");
    expect(mail).toMatchObject({ kind: "inquiry_reply", locale: "en", status: "kept" });
    expect(mail!.subject).toMatch(/answered your inquiry$/);
    expect(mail!.body_text).toContain("We can ship in March.");
    expect(mail!.body_text).toContain(`${ORIGIN}/inquiries/private-token-alice`);
    const [notice] = await notificationsFor(t.db, buyer.id);
    expect(notice).toMatchObject({ kind: "inquiry_reply", link_path: null });
    expect(JSON.stringify(notice!.params)).not.toContain("private-token-alice");
    // the buyer's token is stored sealed, never in the clear
    const stored = await t.db.selectFrom("inquiry_buyer_mail").select("sealed_link").execute();
    expect(stored.map((s) => s.sealed_link).join()).not.toContain("private-token-alice");
    // the notice opens the thread for the buyer's own account only (/notifications?open=<id>), and is then read
    expect(await openReplyNotice(t.db, producer.id, notice!.id)).toBeNull();
    expect(unsealBuyerLink((await openReplyNotice(t.db, buyer.id, notice!.id))!)).toBe("private-token-alice");
    expect((await notificationsFor(t.db, buyer.id))[0]!.read_at).not.toBeNull();
  });

  it("respects an address that opted out of replies (but the producer's own notice still goes)", async () => {
    await setMailPreference(t.db, "Bob@Example.com", { allOff: false, offKinds: ["inquiry_reply"] });
    const { producer, recipientId } = await inquiryTo({ email: "bob@example.com", userId: null, locale: "zh-CN", token: "private-token-bob" });
    await reply(recipientId, producer.id, "三月可以发货。");
    const all = await outboxMessages(t.db);
    expect(all.filter((m) => m.to_address === "bob@example.com")).toHaveLength(0);
    expect(all.filter((m) => m.to_address === producer.email && m.kind === "new_inquiry")).toHaveLength(1);
  });
});

describe("a producer hears of a review decision", () => {
  it("mails the organisation's people and its e-mail contact, with the reviewer's comment and a link to the record", async () => {
    const producer = await createAccount(t.db, { organizationName: "互助青稞合作社" });
    await t.db
      .updateTable("organizations")
      .set({ contacts: jsonb([{ kind: "email" as const, value: "office@qingke.example.cn", public: true }]) })
      .where("id", "=", producer.organizationId!)
      .execute();
    const product = await t.db
      .insertInto("products")
      .values({ organization_id: producer.organizationId!, name_zh: "青稞酒", status: "rejected" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await t.db
      .transaction()
      .execute((trx) =>
        notifyReviewDecision(trx, { kind: "product", id: product.id, version: "1", decision: "reject", comment: "请补充产地证明" }, { origin: ORIGIN }),
      );
    const mails = (await outboxMessages(t.db)).filter((m) => m.kind === "review_decision");
    expect(mails.map((m) => m.to_address).sort()).toEqual([producer.email, "office@qingke.example.cn"].sort());
    expect(mails[0]!.subject).toBe("[海东品牌与地理标志目录] 审核结果:青稞酒未通过审核");
    expect(mails[0]!.body_text).toContain("审核意见:请补充产地证明");
    expect(mails[0]!.body_text).toContain(`${ORIGIN}/producer/products/${product.id}`);
    expect((await notificationsFor(t.db, producer.id))[0]).toMatchObject({ kind: "review_decision", link_path: `/producer/products/${product.id}` });
  });
});

describe("an exhibitor hears of a lead left at the booth", () => {
  it("mails a lead with the fair's name, and keeps quiet about one held past a limit", async () => {
    const producer = await createAccount(t.db, { organizationName: "展位合作社" });
    await t.db.updateTable("users").set({ locale: "en" }).where("id", "=", producer.id).execute();
    const eventId = await createEvent(t.db, {
      name_zh: "青海绿色农产品对接会",
      name_en: "Qinghai Green Produce Fair",
      starts_on: "2027-05-16",
      ends_on: "2027-05-18",
      venue_zh: "会展中心",
      venue_en: null,
      organiser_zh: "主办方",
      organiser_en: null,
      status: "published",
    });
    const lead = (token: string, held: "device" | null) =>
      t.db.transaction().execute(async (trx) => {
        const made = await createBoothLead(
          trx,
          {
            buyer_token_hash: token.padEnd(64, "0"),
            buyer_user_id: null,
            buyer_name: "Zhou",
            buyer_organization: null,
            buyer_email: null,
            buyer_phone: "13900000000",
            message: "hi",
            event_id: eventId,
          },
          producer.organizationId!,
          null,
          held,
        );
        await notifyNewLead(trx, made.id, { origin: ORIGIN, buyerLocale: "zh-CN", buyerToken: token });
      });
    await lead("lead-one", null);
    await lead("lead-held", "device");
    const mails = (await outboxMessages(t.db)).filter((m) => m.kind === "new_lead");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("[Haidong Brand & GI Catalogue] New booth lead from Zhou");
    expect(mails[0]!.body_text).toContain("at the booth at Qinghai Green Produce Fair");
    expect((await notificationsFor(t.db, producer.id)).map((n) => n.kind)).toEqual(["new_lead"]);
  });
});
