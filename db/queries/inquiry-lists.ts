import type { Kysely, Transaction } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database, InquiryStatus } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// Lists of inquiries: a producer's inbox with its counts per status, and the staff's recent inquiries. Each row carries
// its lines' quantities (an inquiry's need is stated per line since 2026_12_08_300000_inquiry_lines; older rows and
// booth leads keep the inquiry-level columns).

/** A producer's inbox: the threads addressed to its organisation, newest first, without the buyer's contact. */
export async function inboxForOrganization(db: Executor, organizationId: number, status?: InquiryStatus) {
  let q = db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .select((eb) => [
      "r.id",
      "r.status",
      "r.created_at",
      "r.updated_at",
      "i.buyer_name",
      "i.buyer_organization",
      "i.quantity",
      "i.quantity_unit",
      "i.destination_province",
      "i.sample_wanted",
      "i.delivery_from",
      "i.delivery_to",
      "i.source",
      jsonObjectFrom(eb.selectFrom("events as e").select(["e.id", "e.name_zh", "e.name_en"]).whereRef("e.id", "=", "i.event_id")).as("event"),
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_products as ip")
          .select(["ip.product_name_zh", "ip.product_name_en", "ip.quantity", "ip.quantity_unit", "ip.destination_province", "ip.sample_wanted"])
          .whereRef("ip.recipient_id", "=", "r.id")
          .orderBy("ip.id"),
      ).as("products"),
    ])
    .where("r.organization_id", "=", organizationId);
  if (status) q = q.where("r.status", "=", status);
  return q.orderBy("r.created_at", "desc").orderBy("r.id", "desc").limit(500).execute();
}

export async function inboxCounts(db: Executor, organizationId: number): Promise<Record<InquiryStatus, number>> {
  const rows = await db
    .selectFrom("inquiry_recipients")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n")])
    .where("organization_id", "=", organizationId)
    .groupBy("status")
    .execute();
  const counts: Record<InquiryStatus, number> = { new: 0, read: 0, replied: 0, quoted: 0, deal: 0, closed: 0, held: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function countNewInquiries(db: Executor, organizationId: number): Promise<number> {
  return (await inboxCounts(db, organizationId)).new;
}

/** Recent inquiries for staff, with how each producer addressed has answered. */
export async function recentInquiries(db: Executor, limit = 100) {
  return db
    .selectFrom("inquiries as i")
    .select((eb) => [
      "i.id",
      "i.buyer_name",
      "i.buyer_organization",
      "i.destination_province",
      "i.quantity",
      "i.quantity_unit",
      "i.created_at",
      "i.source",
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_products as ip")
          .innerJoin("inquiry_recipients as lr", "lr.id", "ip.recipient_id")
          .select(["ip.quantity", "ip.quantity_unit", "ip.destination_province"])
          .whereRef("lr.inquiry_id", "=", "i.id")
          .orderBy("ip.id"),
      ).as("lines"),
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_recipients as r")
          .innerJoin("organizations as o", "o.id", "r.organization_id")
          .select(["r.id", "r.status", "o.name_zh as organization_zh", "o.name_en as organization_en"])
          .whereRef("r.inquiry_id", "=", "i.id")
          .orderBy("r.id"),
      ).as("recipients"),
    ])
    .orderBy("i.created_at", "desc")
    .orderBy("i.id", "desc")
    .limit(limit)
    .execute();
}
