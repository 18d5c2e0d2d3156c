import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// 我的采购: what a signed-in buyer sent (inquiries from the shortlist, leads left at fair booths), how each producer
// answered, and the deals recorded on those threads. Only rows tied to the account (inquiries.buyer_user_id).

/** The buyer's inquiries and booth leads, newest first, each with one line per producer addressed. */
export async function buyerInquiries(db: Executor, userId: number, limit = 100) {
  return db
    .selectFrom("inquiries as i")
    .select((eb) => [
      "i.id",
      "i.source",
      "i.created_at",
      jsonObjectFrom(eb.selectFrom("events as e").select(["e.id", "e.name_zh", "e.name_en"]).whereRef("e.id", "=", "i.event_id")).as("event"),
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_recipients as r")
          .innerJoin("organizations as o", "o.id", "r.organization_id")
          .select((rb) => [
            "r.id",
            "r.status",
            "r.updated_at",
            "o.id as organization_id",
            "o.name_zh as organization_zh",
            "o.name_en as organization_en",
            jsonArrayFrom(
              rb
                .selectFrom("inquiry_products as ip")
                .select(["ip.product_id", "ip.product_name_zh", "ip.product_name_en"])
                .whereRef("ip.recipient_id", "=", "r.id")
                .orderBy("ip.id"),
            ).as("products"),
            // the producer's latest answer, shortened: the whole thread is on the inquiry's page
            rb
              .selectFrom("inquiry_messages as m")
              .select(sql<string>`left(m.body, 140)`.as("body"))
              .whereRef("m.recipient_id", "=", "r.id")
              .where("m.author", "=", "producer")
              .orderBy("m.created_at", "desc")
              .orderBy("m.id", "desc")
              .limit(1)
              .as("last_reply"),
            rb
              .selectFrom("inquiry_messages as m")
              .select((mb) => mb.fn.countAll<string>().as("n"))
              .whereRef("m.recipient_id", "=", "r.id")
              .where("m.author", "=", "producer")
              .as("replies"),
          ])
          .whereRef("r.inquiry_id", "=", "i.id")
          .orderBy("o.name_zh"),
      ).as("recipients"),
    ])
    .where("i.buyer_user_id", "=", userId)
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit)
    .execute();
}

export type BuyerInquiry = Awaited<ReturnType<typeof buyerInquiries>>[number];

/** Deals recorded on the buyer's threads (by the producer, the buyer or fair staff). */
export async function buyerDeals(db: Executor, userId: number) {
  return db
    .selectFrom("deals as d")
    .innerJoin("inquiry_recipients as r", "r.id", "d.inquiry_recipient_id")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .innerJoin("organizations as o", "o.id", "d.organization_id")
    .select([
      "d.id",
      "d.kind",
      "d.amount_cny",
      "d.product_name_zh",
      "d.deal_date",
      "d.recorded_by",
      "i.id as inquiry_id",
      "o.name_zh as organization_zh",
      "o.name_en as organization_en",
    ])
    .where("i.buyer_user_id", "=", userId)
    .orderBy("d.deal_date", "desc")
    .orderBy("d.id", "desc")
    .execute();
}

/**
 * Ties inquiries sent anonymously to the account, by the private links' token hashes the buyer holds (the link was
 * only ever shown to whoever sent it: holding it is the proof). Inquiries already tied to an account stay where they are.
 */
export async function claimInquiries(db: Executor, userId: number, tokenHashes: readonly string[]): Promise<number> {
  if (tokenHashes.length === 0) return 0;
  const result = await db
    .updateTable("inquiries")
    .set({ buyer_user_id: userId })
    .where("buyer_token_hash", "in", [...tokenHashes])
    .where("buyer_user_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The inquiry's id if it belongs to this buyer (the signed-in way in to a thread, instead of the private link). */
export async function buyerOwnsInquiry(db: Executor, userId: number, inquiryId: number): Promise<boolean> {
  const row = await db.selectFrom("inquiries").select("id").where("id", "=", inquiryId).where("buyer_user_id", "=", userId).executeTakeFirst();
  return row !== undefined;
}

/** Whose account an inquiry is tied to, by its private link: `{ id, buyer_user_id }`, or undefined for no such link. */
export async function inquiryOwnerByToken(db: Executor, tokenHash: string) {
  return db.selectFrom("inquiries").select(["id", "buyer_user_id"]).where("buyer_token_hash", "=", tokenHash).executeTakeFirst();
}
