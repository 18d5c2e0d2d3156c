import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { chinaDayFromToday } from "../../app/platform/china-time";
import { addInquiryMessage, createInquiry } from "../queries/inquiries";
import { addLineQuote } from "../queries/inquiry-lines";
import type { Database } from "../schema";

// The sample buyer's inquiry (示例), so 我的采购 and the sample producer's inbox show a thread in a demo: 50 boxes of the
// sample liquor asked of the sample producer, answered with a message and a quote on the line. Its private link token
// is thrown away: the sample buyer opens it through their account. Seeded once: a buyer who has one is left alone.

export async function seedSampleBuyerInquiry(db: Kysely<Database>, buyerId: number) {
  if (await db.selectFrom("inquiries").select("id").where("buyer_user_id", "=", buyerId).executeTakeFirst()) return;
  const liquor = await db
    .selectFrom("products")
    .select(["id", "name_zh", "name_en", "organization_id"])
    .where("name_zh", "=", "示例互助青稞酒 42度 500毫升")
    .where("is_sample", "=", true)
    .executeTakeFirst();
  const producer = await db.selectFrom("users").select("id").where("email", "=", "producer@example.com").where("is_sample", "=", true).executeTakeFirst();
  if (!liquor || !producer) return;
  await db.transaction().execute(async (trx) => {
    const made = await createInquiry(
      trx,
      {
        buyer_token_hash: createHash("sha256").update(randomBytes(32)).digest("hex"),
        buyer_user_id: buyerId,
        buyer_name: "示例采购商(西宁)",
        buyer_organization: "示例商贸有限公司(西宁)",
        buyer_email: "buyer@example.com",
        buyer_phone: null,
        message: "春节团购,请报含运费到西宁的价格。(示例询价)",
      },
      [
        {
          ...liquor,
          quantity: 50,
          quantity_unit: "箱",
          target_price: 95,
          sample_wanted: true,
          delivery_from: chinaDayFromToday(10),
          delivery_to: chinaDayFromToday(40),
          destination_province: "青海",
        },
      ],
    );
    const recipientId = made.recipients[0]!;
    const line = await trx.selectFrom("inquiry_products").select("id").where("recipient_id", "=", recipientId).executeTakeFirstOrThrow();
    await addInquiryMessage(trx, recipientId, {
      author: "producer",
      author_user_id: producer.id,
      body: "您好,样品已安排寄出,报价见下。(示例回复)",
      quoted_price: null,
    });
    await addLineQuote(
      trx,
      liquor.organization_id,
      recipientId,
      line.id,
      { quoted_price: 92, price_unit: "箱", moq: 30, lead_time_days: 7, note: "含运费到西宁" },
      producer.id,
    );
  });
}
