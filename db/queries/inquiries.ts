import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database, InquiryStatus } from "../schema";
import { changeRecipientStatus, linesOf, statusHistory, type LineNeed } from "./inquiry-lines";

export { countNewInquiries, inboxCounts, inboxForOrganization, recentInquiries } from "./inquiry-lists";

type Executor = Kysely<Database> | Transaction<Database>;

export interface NewInquiry {
  buyer_token_hash: string;
  buyer_user_id: number | null;
  buyer_name: string;
  buyer_organization: string | null;
  buyer_email: string | null;
  buyer_phone: string | null;
  message: string | null;
}

/** A product asked about and what the buyer wants of it (one line of the inquiry). */
export interface NewInquiryLine extends LineNeed {
  id: number;
  name_zh: string;
  name_en: string | null;
  organization_id: number;
}

/**
 * The published products (of organisations in good standing) among these ids, with their producer: what an inquiry
 * may be about. Anything else a form posts is ignored by the caller.
 */
export async function inquirableProducts(db: Executor, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select([
      "p.id",
      "p.name_zh",
      "p.name_en",
      "p.organization_id",
      "o.name_zh as organization_zh",
      "o.name_en as organization_en",
      "p.min_order_unit",
      "p.samples_available",
    ])
    .where("p.id", "in", [...ids])
    .where("p.status", "=", "published")
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal")
    .orderBy("o.name_zh")
    .orderBy("p.id")
    .execute();
}

/**
 * One inquiry and a recipient row (own status and thread) per producer addressed, with a line per product stating
 * what the buyer wants of it, in one transaction.
 */
export async function createInquiry(
  trx: Transaction<Database>,
  inquiry: NewInquiry,
  products: readonly NewInquiryLine[],
): Promise<{ id: number; recipients: number[] }> {
  const { id } = await trx.insertInto("inquiries").values(inquiry).returning("id").executeTakeFirstOrThrow();
  const recipients: number[] = [];
  for (const organizationId of [...new Set(products.map((p) => p.organization_id))]) {
    const r = await trx.insertInto("inquiry_recipients").values({ inquiry_id: id, organization_id: organizationId }).returning("id").executeTakeFirstOrThrow();
    recipients.push(r.id);
    await trx
      .insertInto("inquiry_products")
      .values(
        products
          .filter((p) => p.organization_id === organizationId)
          .map((p) => ({
            recipient_id: r.id,
            product_id: p.id,
            product_name_zh: p.name_zh,
            product_name_en: p.name_en,
            quantity: p.quantity,
            quantity_unit: p.quantity_unit,
            target_price: p.target_price,
            sample_wanted: p.sample_wanted,
            delivery_from: p.delivery_from,
            delivery_to: p.delivery_to,
            destination_province: p.destination_province,
          })),
      )
      .execute();
  }
  return { id, recipients };
}

function recipientsOf(db: Executor) {
  return db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select((eb) => [
      "r.id",
      "r.inquiry_id",
      "r.organization_id",
      "r.status",
      "r.created_at",
      "r.updated_at",
      "o.name_zh as organization_zh",
      "o.name_en as organization_en",
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_products as ip")
          .select(["ip.product_id", "ip.product_name_zh", "ip.product_name_en"])
          .whereRef("ip.recipient_id", "=", "r.id")
          .orderBy("ip.id"),
      ).as("products"),
      jsonArrayFrom(
        eb
          .selectFrom("inquiry_messages as m")
          .select(["m.id", "m.author", "m.body", "m.quoted_price", "m.created_at"])
          .whereRef("m.recipient_id", "=", "r.id")
          .orderBy("m.created_at")
          .orderBy("m.id"),
      ).as("messages"),
      jsonArrayFrom(
        eb
          .selectFrom("deals as d")
          .select(["d.id", "d.kind", "d.amount_cny", "d.product_name_zh", "d.deal_date", "d.recorded_by", "d.created_at"])
          .whereRef("d.inquiry_recipient_id", "=", "r.id")
          .orderBy("d.created_at")
          .orderBy("d.id"),
      ).as("deals"),
    ]);
}

export type RecipientThread = Awaited<ReturnType<ReturnType<typeof recipientsOf>["execute"]>>[number];

const inquiryColumns = [
  "i.id",
  "i.buyer_name",
  "i.buyer_organization",
  "i.buyer_email",
  "i.buyer_phone",
  "i.buyer_wechat",
  "i.quantity",
  "i.quantity_unit",
  "i.delivery_from",
  "i.delivery_to",
  "i.destination_province",
  "i.target_price",
  "i.sample_wanted",
  "i.message",
  "i.created_at",
  "i.source",
  "i.event_id",
] as const;

/** An inquiry with the fair it was left at (a booth lead), if any, as `event`. */
function inquiryQuery(db: Executor) {
  return db
    .selectFrom("inquiries as i")
    .select((eb) => [
      ...inquiryColumns,
      jsonObjectFrom(eb.selectFrom("events as e").select(["e.id", "e.name_zh", "e.name_en"]).whereRef("e.id", "=", "i.event_id")).as("event"),
    ]);
}

/** A thread with its lines (each with its quotes) and its status history. */
async function withLines<T extends { id: number }>(db: Executor, thread: T) {
  const [lines, history] = await Promise.all([linesOf(db, thread.id), statusHistory(db, thread.id)]);
  return { ...thread, lines, history };
}

async function threadsOf(db: Executor, inquiryId: number) {
  const recipients = await recipientsOf(db).where("r.inquiry_id", "=", inquiryId).orderBy("r.id").execute();
  return Promise.all(recipients.map((r) => withLines(db, r)));
}

/**
 * Which inquiry a buyer may open: the one behind a private link (the token's hash), or one of a signed-in buyer's own
 * (`inquiries.buyer_user_id`).
 */
export type BuyerInquiryKey = { tokenHash: string } | { userId: number; inquiryId: number };

/** The buyer's view (private link or own account): the inquiry and every producer's thread, lines and history. */
export async function inquiryForBuyer(db: Executor, key: BuyerInquiryKey) {
  let q = inquiryQuery(db);
  q = "tokenHash" in key ? q.where("i.buyer_token_hash", "=", key.tokenHash) : q.where("i.id", "=", key.inquiryId).where("i.buyer_user_id", "=", key.userId);
  const inquiry = await q.executeTakeFirst();
  if (!inquiry) return undefined;
  return { ...inquiry, recipients: await threadsOf(db, inquiry.id) };
}

/** Staff view of one inquiry (buyer contact included: staff may see it). */
export async function inquiryForStaff(db: Executor, id: number) {
  const inquiry = await inquiryQuery(db).where("i.id", "=", id).executeTakeFirst();
  if (!inquiry) return undefined;
  return { ...inquiry, recipients: await threadsOf(db, inquiry.id) };
}

/** One thread of a producer's inbox: only when the inquiry was addressed to this organisation. */
export async function inboxThread(db: Executor, organizationId: number, recipientId: number) {
  const found = await recipientsOf(db).where("r.id", "=", recipientId).where("r.organization_id", "=", organizationId).executeTakeFirst();
  if (!found) return undefined;
  const inquiry = await inquiryQuery(db).where("i.id", "=", found.inquiry_id).executeTakeFirstOrThrow();
  return { inquiry, thread: await withLines(db, found) };
}

/** The recipient row behind a buyer's inquiry (same keys as inquiryForBuyer), only when it belongs to that inquiry. */
export async function buyerRecipient(db: Executor, key: BuyerInquiryKey, recipientId: number) {
  let q = db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .select(["r.id", "r.organization_id", "r.status", "i.id as inquiry_id", "i.event_id"])
    .where("r.id", "=", recipientId);
  q = "tokenHash" in key ? q.where("i.buyer_token_hash", "=", key.tokenHash) : q.where("i.id", "=", key.inquiryId).where("i.buyer_user_id", "=", key.userId);
  return q.executeTakeFirst();
}

/**
 * Adds a message to a thread. A producer's reply moves a new or read thread to "replied" (or "quoted" when it carries
 * a price); a buyer's message leaves the status alone, except that it reopens a closed thread as "replied". Every
 * change is recorded in the status history.
 */
export async function addInquiryMessage(
  db: Executor,
  recipientId: number,
  message: { author: "buyer" | "producer"; author_user_id: number | null; body: string; quoted_price: number | null },
) {
  await db
    .insertInto("inquiry_messages")
    .values({ recipient_id: recipientId, ...message })
    .execute();
  const by = { role: message.author, userId: message.author_user_id } as const;
  const changed =
    message.author === "producer"
      ? message.quoted_price !== null
        ? await changeRecipientStatus(db, recipientId, "quoted", by, { from: ["new", "read", "replied", "closed"] })
        : await changeRecipientStatus(db, recipientId, "replied", by, { from: ["new", "read", "closed"] })
      : await changeRecipientStatus(db, recipientId, "replied", by, { from: ["closed"] });
  if (!changed)
    await db
      .updateTable("inquiry_recipients")
      .set({ updated_at: sql`now()` })
      .where("id", "=", recipientId)
      .execute();
}

/** The producer sets its thread's status by hand (recorded in the history); false when it is not its thread. */
export async function setRecipientStatus(
  db: Executor,
  organizationId: number,
  recipientId: number,
  status: InquiryStatus,
  userId: number | null = null,
): Promise<boolean> {
  const own = await db
    .selectFrom("inquiry_recipients")
    .select("id")
    .where("id", "=", recipientId)
    .where("organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!own) return false;
  await changeRecipientStatus(db, recipientId, status, { role: "producer", userId }, { organizationId });
  return true;
}
