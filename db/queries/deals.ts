import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, DealKind, DealRecorder } from "../schema";
import { changeRecipientStatus } from "./inquiry-lines";

type Executor = Kysely<Database> | Transaction<Database>;

export interface NewDeal {
  kind: DealKind;
  organization_id: number;
  product_id: number;
  product_name_zh: string;
  inquiry_recipient_id: number | null;
  amount_cny: number;
  deal_date: string;
  event_id: number | null;
  note: string | null;
  recorded_by: DealRecorder;
  recorded_by_user_id: number | null;
}

/** Records a deal; one made on an inquiry thread moves that thread to 'deal' (kept in its status history). */
export async function recordDeal(db: Executor, deal: NewDeal): Promise<number> {
  const row = await db.insertInto("deals").values(deal).returning("id").executeTakeFirstOrThrow();
  if (deal.inquiry_recipient_id !== null) {
    const role = deal.recorded_by === "producer" || deal.recorded_by === "buyer" ? deal.recorded_by : "staff";
    await changeRecipientStatus(db, deal.inquiry_recipient_id, "deal", { role, userId: deal.recorded_by_user_id });
  }
  return row.id;
}

/**
 * The products a deal on this inquiry thread may name: those the buyer asked the producer about; for a booth lead
 * that named no product, any published product of the producer (the talk at the booth decides).
 */
export async function threadProducts(db: Executor, recipientId: number) {
  const asked = await db
    .selectFrom("inquiry_products as ip")
    .innerJoin("products as p", "p.id", "ip.product_id")
    .innerJoin("inquiry_recipients as r", "r.id", "ip.recipient_id")
    .select(["p.id", "p.name_zh", "p.name_en", "r.organization_id"])
    .where("ip.recipient_id", "=", recipientId)
    .whereRef("p.organization_id", "=", "r.organization_id")
    .orderBy("ip.id")
    .execute();
  if (asked.length > 0) return asked;
  return db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("inquiries as i", "i.id", "r.inquiry_id")
    .innerJoin("products as p", "p.organization_id", "r.organization_id")
    .select(["p.id", "p.name_zh", "p.name_en", "r.organization_id"])
    .where("r.id", "=", recipientId)
    .where("i.source", "=", "booth")
    .where("p.status", "=", "published")
    .orderBy("p.name_zh")
    .orderBy("p.id")
    .execute();
}

/** Every published product with its producer, for staff recording a deal made at a fair. */
export async function dealableProducts(db: Executor) {
  return db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["p.id", "p.name_zh", "p.name_en", "p.organization_id", "o.name_zh as organization_zh", "o.name_en as organization_en"])
    .where("p.status", "=", "published")
    .where("o.status", "=", "published")
    .orderBy("o.name_zh")
    .orderBy("p.name_zh")
    .execute();
}

export async function dealableProduct(db: Executor, productId: number) {
  return (await dealableProductsQuery(db).where("p.id", "=", productId).executeTakeFirst()) ?? undefined;
}

function dealableProductsQuery(db: Executor) {
  return db
    .selectFrom("products as p")
    .innerJoin("organizations as o", "o.id", "p.organization_id")
    .select(["p.id", "p.name_zh", "p.organization_id"])
    .where("p.status", "=", "published")
    .where("o.status", "=", "published");
}

export async function recentDeals(db: Executor, limit = 100) {
  return db
    .selectFrom("deals as d")
    .innerJoin("organizations as o", "o.id", "d.organization_id")
    .select([
      "d.id",
      "d.kind",
      "d.amount_cny",
      "d.product_name_zh",
      "d.deal_date",
      "d.event_id",
      "d.recorded_by",
      "d.inquiry_recipient_id",
      "d.created_at",
      "o.name_zh as organization_zh",
      "o.name_en as organization_en",
    ])
    .orderBy("d.deal_date", "desc")
    .orderBy("d.id", "desc")
    .limit(limit)
    .execute();
}

/**
 * Deal totals by kind (count and amount in CNY), for the statistics: optionally within dates (inclusive) or one event.
 * Amounts come back as numbers; an intent later signed is recorded again as signed, so the kinds are not summed.
 */
export async function dealTotals(db: Executor, filter: { from?: string; to?: string; eventId?: number } = {}) {
  let q = db
    .selectFrom("deals")
    .select((eb) => ["kind", eb.fn.countAll<number>().as("n"), sql<string>`coalesce(sum(amount_cny), 0)`.as("amount")])
    .groupBy("kind");
  if (filter.from) q = q.where("deal_date", ">=", filter.from);
  if (filter.to) q = q.where("deal_date", "<=", filter.to);
  if (filter.eventId !== undefined) q = q.where("event_id", "=", filter.eventId);
  const rows = await q.execute();
  const totals: Record<DealKind, { count: number; amountCny: number }> = { intent: { count: 0, amountCny: 0 }, signed: { count: 0, amountCny: 0 } };
  for (const r of rows) totals[r.kind] = { count: Number(r.n), amountCny: Number(r.amount) };
  return totals;
}
