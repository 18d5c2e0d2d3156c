import { sql, type Kysely, type Transaction } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { ConsentPurpose, Database } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// Personal information under PIPL (个人信息保护法): consents given, the retention of anonymous buyers' contact details,
// a person's own data as a download, and erasure. Erasing never deletes a business record a producer holds (an
// inquiry, its quotes, a deal): it blanks the person's name, contacts and words in it.

/** What an erased inquiry shows instead of the buyer's name (buyer_name is required). */
export const ERASED_NAME = "已匿名";
const ERASED_TEXT = "（已匿名）";

export async function recordConsent(
  db: Executor,
  consent: { purpose: ConsentPurpose; textVersion: string; userId?: number | null; inquiryId?: number | null },
) {
  await db
    .insertInto("consents")
    .values({ purpose: consent.purpose, text_version: consent.textVersion, user_id: consent.userId ?? null, inquiry_id: consent.inquiryId ?? null })
    .execute();
}

export async function retentionMonths(db: Executor): Promise<number> {
  const row = await db.selectFrom("privacy_settings").select("anonymous_retention_months").where("id", "=", 1).executeTakeFirst();
  return row?.anonymous_retention_months ?? 24;
}

export async function setRetentionMonths(db: Executor, months: number, userId: number) {
  await db
    .insertInto("privacy_settings")
    .values({ id: 1, anonymous_retention_months: months, updated_by: userId })
    .onConflict((oc) => oc.column("id").doUpdateSet({ anonymous_retention_months: months, updated_by: userId, updated_at: sql`now()` }))
    .execute();
}

/** Blanks the buyer's name, contacts and words in these inquiries (their producers keep the products, quotes and deals). */
async function eraseInquiries(db: Executor, ids: readonly number[]): Promise<number> {
  if (ids.length === 0) return 0;
  await db
    .updateTable("inquiries")
    .set({
      buyer_name: ERASED_NAME,
      buyer_organization: null,
      buyer_email: null,
      buyer_phone: null,
      buyer_wechat: null,
      message: null,
      buyer_user_id: null,
      anonymised_at: sql`now()`,
    })
    .where("id", "in", [...ids])
    .execute();
  await db
    .updateTable("inquiry_messages")
    .set({ body: ERASED_TEXT, author_user_id: null })
    .where("author", "=", "buyer")
    .where("recipient_id", "in", (eb) =>
      eb
        .selectFrom("inquiry_recipients")
        .select("id")
        .where("inquiry_id", "in", [...ids]),
    )
    .execute();
  // what the notices about these inquiries hold of the buyer (docs/decisions/042): the sealed link and language kept
  // for reply mails, mails naming or addressed to the buyer, and the name in producers' in-site notices
  await db
    .deleteFrom("inquiry_buyer_mail")
    .where("inquiry_id", "in", [...ids])
    .execute();
  const keys = await sql<{ key: string }>`
    select 'inquiry:' || r.id || ':%' as key from inquiry_recipients r where r.inquiry_id = any(${[...ids]}::bigint[])
    union all select 'lead:' || r.id || ':%' from inquiry_recipients r where r.inquiry_id = any(${[...ids]}::bigint[])
    union all select 'reply:' || m.id || ':%' from inquiry_messages m join inquiry_recipients r on r.id = m.recipient_id
      where r.inquiry_id = any(${[...ids]}::bigint[])
    union all select 'quote:' || q.id || ':%' from inquiry_line_quotes q join inquiry_products ip on ip.id = q.inquiry_product_id
      join inquiry_recipients r on r.id = ip.recipient_id where r.inquiry_id = any(${[...ids]}::bigint[])`.execute(db);
  const patterns = keys.rows.map((r) => r.key);
  if (patterns.length > 0) {
    await db
      .deleteFrom("mail_queue")
      .where(sql<boolean>`idempotency_key like any(${patterns}::text[])`)
      .execute();
    await db
      .updateTable("notifications")
      .set({ params: sql`params || jsonb_build_object('buyer', ${ERASED_NAME}::text)` })
      .where(sql<boolean>`(event_key || ':') like any(${patterns}::text[])`)
      .execute();
  }
  return ids.length;
}

/**
 * Anonymous buyers' inquiries and booth leads older than the retention period lose their personal data; run by the
 * hourly housekeeping. Inquiries tied to an account stay until the account is deleted.
 */
export async function eraseExpiredAnonymousInquiries(db: Kysely<Database>, months: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("inquiries")
      .select("id")
      .where("buyer_user_id", "is", null)
      .where("anonymised_at", "is", null)
      .where("created_at", "<", sql<Date>`now() - make_interval(months => ${months})`)
      .orderBy("id")
      .limit(1000)
      .forUpdate()
      .skipLocked()
      .execute();
    return eraseInquiries(
      trx,
      due.map((r) => r.id),
    );
  });
}

/**
 * The owner deletes their account: inquiries they sent are anonymised and detached, their shortlist, profile,
 * sessions and notices go, and the user row keeps nothing personal (a tombstone other records may point at).
 */
export async function eraseAccount(trx: Transaction<Database>, userId: number) {
  const sent = await trx.selectFrom("inquiries").select("id").where("buyer_user_id", "=", userId).execute();
  await eraseInquiries(
    trx,
    sent.map((r) => r.id),
  );
  await trx.deleteFrom("shortlists").where("user_id", "=", userId).execute();
  await trx.deleteFrom("buyer_profiles").where("user_id", "=", userId).execute();
  await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
  await trx.deleteFrom("password_reset_tokens").where("user_id", "=", userId).execute();
  await trx.deleteFrom("account_notices").where("user_id", "=", userId).execute();
  // mail to or about the person, their in-site notices and their mail opt-outs (the address is personal too)
  const address = (await trx.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst())?.email;
  await trx.deleteFrom("notifications").where("user_id", "=", userId).execute();
  await trx
    .deleteFrom("mail_queue")
    .where((eb) => eb.or([eb("user_id", "=", userId), ...(address ? [eb("to_address", "=", address)] : [])]))
    .execute();
  if (address) await trx.deleteFrom("mail_preferences").where("address", "=", address).execute();
  await trx
    .updateTable("users")
    .set({ email: null, phone: null, display_name: null, password_hash: "erased", disabled_at: sql`now()`, deleted_at: sql`now()`, updated_at: sql`now()` })
    .where("id", "=", userId)
    .execute();
}

/** Everything the catalogue keeps about a person's account, for them to download (PIPL's right of access and copy). */
export async function personalDataOf(db: Executor, userId: number) {
  const account = await db
    .selectFrom("users")
    .select(["id", "email", "phone", "display_name", "role", "organization_id", "created_at", "updated_at"])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const [buyerProfile, shortlist, inquiries, consents, sessions] = await Promise.all([
    db
      .selectFrom("buyer_profiles")
      .select(["name", "province", "city", "categories", "phone", "email", "wechat", "updated_at"])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("shortlists as s")
      .innerJoin("shortlist_items as si", "si.shortlist_id", "s.id")
      .innerJoin("products as p", "p.id", "si.product_id")
      .select(["p.id as product_id", "p.name_zh", "si.added_at"])
      .where("s.user_id", "=", userId)
      .orderBy("si.added_at")
      .execute(),
    db
      .selectFrom("inquiries as i")
      .select((eb) => [
        "i.id",
        "i.source",
        "i.created_at",
        "i.buyer_name",
        "i.buyer_organization",
        "i.buyer_email",
        "i.buyer_phone",
        "i.buyer_wechat",
        "i.message",
        jsonArrayFrom(
          eb
            .selectFrom("inquiry_recipients as r")
            .innerJoin("organizations as o", "o.id", "r.organization_id")
            .select((rb) => [
              "o.name_zh as producer",
              "r.status",
              jsonArrayFrom(
                rb.selectFrom("inquiry_products as ip").select(["ip.product_name_zh"]).whereRef("ip.recipient_id", "=", "r.id").orderBy("ip.id"),
              ).as("products"),
              jsonArrayFrom(
                rb
                  .selectFrom("inquiry_messages as m")
                  .select(["m.author", "m.body", "m.created_at"])
                  .whereRef("m.recipient_id", "=", "r.id")
                  .orderBy("m.created_at")
                  .orderBy("m.id"),
              ).as("messages"),
            ])
            .whereRef("r.inquiry_id", "=", "i.id")
            .orderBy("r.id"),
        ).as("recipients"),
      ])
      .where("i.buyer_user_id", "=", userId)
      .orderBy("i.id")
      .execute(),
    db.selectFrom("consents").select(["purpose", "text_version", "given_at"]).where("user_id", "=", userId).orderBy("id").execute(),
    db.selectFrom("sessions").select(["created_at", "last_seen_at", "expires_at", "user_agent"]).where("user_id", "=", userId).orderBy("created_at").execute(),
  ]);
  return { account, buyerProfile: buyerProfile ?? null, shortlist, inquiries, consents, sessions };
}
