import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, InquiryStatus, StatusChangeRole } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// The lines of an inquiry (one per product asked about, 2026_12_08_300000_inquiry_lines), the producer's quotes per
// line (kept as history: the latest is current) and a thread's status changes (from, to, when, by whom).

export interface LineNeed {
  quantity: number;
  quantity_unit: string;
  target_price: number | null;
  sample_wanted: boolean;
  delivery_from: string;
  delivery_to: string;
  destination_province: string;
}

export interface StatusActor {
  role: StatusChangeRole;
  userId: number | null;
}

/**
 * Moves a thread to `to` and records the change, in one statement; nothing happens (and false comes back) when it is
 * already there, or when `from` is given and the thread is in none of those states.
 */
export async function changeRecipientStatus(
  db: Executor,
  recipientId: number,
  to: InquiryStatus,
  by: StatusActor,
  options: { from?: readonly InquiryStatus[]; organizationId?: number } = {},
): Promise<boolean> {
  const from = options.from ? sql`and old.status in (${sql.join(options.from.map((s) => sql`${s}`))})` : sql``;
  const org = options.organizationId !== undefined ? sql`and old.organization_id = ${options.organizationId}` : sql``;
  const { rows } = await sql<{ id: number }>`
    with old as (select id, status, organization_id from inquiry_recipients where id = ${recipientId} for update),
    changed as (
      update inquiry_recipients r set status = ${to}, updated_at = now()
        from old
       where r.id = old.id and old.status <> ${to} ${from} ${org}
      returning old.status as from_status
    )
    insert into inquiry_status_changes (recipient_id, from_status, to_status, by_role, by_user_id)
    select ${recipientId}, from_status, ${to}, ${by.role}, ${by.userId} from changed
    returning id`.execute(db);
  return rows.length > 0;
}

/** The producer opened a new inquiry: it becomes 'read' (once; later states are left alone). */
export async function markRead(db: Executor, organizationId: number, recipientId: number, userId: number) {
  return changeRecipientStatus(db, recipientId, "read", { role: "producer", userId }, { from: ["new"], organizationId });
}

export interface LineQuote {
  quoted_price: number;
  price_unit: string;
  moq: number | null;
  lead_time_days: number | null;
  note: string | null;
}

/**
 * The producer's answer to one line of a thread addressed to its organisation; false (nothing written) when the line
 * is not one of that thread. The thread becomes 'quoted', unless a deal was already recorded on it.
 */
export async function addLineQuote(db: Executor, organizationId: number, recipientId: number, lineId: number, quote: LineQuote, userId: number) {
  const line = await db
    .selectFrom("inquiry_products as ip")
    .innerJoin("inquiry_recipients as r", "r.id", "ip.recipient_id")
    .select("ip.id")
    .where("ip.id", "=", lineId)
    .where("r.id", "=", recipientId)
    .where("r.organization_id", "=", organizationId)
    .executeTakeFirst();
  if (!line) return undefined;
  const made = await db
    .insertInto("inquiry_line_quotes")
    .values({ inquiry_product_id: lineId, ...quote, author_user_id: userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await changeRecipientStatus(db, recipientId, "quoted", { role: "producer", userId }, { from: ["new", "read", "replied", "closed", "quoted"] });
  const names = await db.selectFrom("inquiry_products").select(["product_name_zh", "product_name_en"]).where("id", "=", lineId).executeTakeFirstOrThrow();
  return { quoteId: made.id, ...names };
}

/** The lines of a thread, each with its quotes newest first (the first is current). */
export async function linesOf(db: Executor, recipientId: number) {
  const lines = await db
    .selectFrom("inquiry_products as ip")
    .select([
      "ip.id",
      "ip.product_id",
      "ip.product_name_zh",
      "ip.product_name_en",
      "ip.quantity",
      "ip.quantity_unit",
      "ip.target_price",
      "ip.sample_wanted",
      "ip.delivery_from",
      "ip.delivery_to",
      "ip.destination_province",
    ])
    .where("ip.recipient_id", "=", recipientId)
    .orderBy("ip.id")
    .execute();
  const quotes = lines.length
    ? await db
        .selectFrom("inquiry_line_quotes")
        .select(["id", "inquiry_product_id", "quoted_price", "price_unit", "moq", "lead_time_days", "note", "created_at"])
        .where(
          "inquiry_product_id",
          "in",
          lines.map((l) => l.id),
        )
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .execute()
    : [];
  return lines.map((l) => ({ ...l, quotes: quotes.filter((q) => q.inquiry_product_id === l.id) }));
}

export type InquiryLine = Awaited<ReturnType<typeof linesOf>>[number];

/** A thread's status changes, oldest first. */
export async function statusHistory(db: Executor, recipientId: number) {
  return db
    .selectFrom("inquiry_status_changes")
    .select(["id", "from_status", "to_status", "by_role", "created_at"])
    .where("recipient_id", "=", recipientId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export type StatusChange = Awaited<ReturnType<typeof statusHistory>>[number];
