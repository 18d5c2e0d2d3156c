import { sql } from "kysely";
import type { Executor } from "../client";
import { jsonb } from "../json";
import type { MailLocale, NotificationKind } from "../schema";

// In-site notifications (/notifications and the header badge), e-mail opt-outs (/mail-preferences/<token>), and who
// is told of what: the people behind an organisation, and what an inquiry's buyer left for mail.

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  /** the event told of: the same event again adds nothing */
  eventKey: string;
  params: Record<string, string | number>;
  linkPath: string | null;
}

export async function addNotifications(db: Executor, rows: readonly NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("notifications")
    .values(rows.map((r) => ({ user_id: r.userId, kind: r.kind, event_key: r.eventKey, params: jsonb(r.params), link_path: r.linkPath })))
    .onConflict((oc) => oc.columns(["user_id", "event_key"]).doNothing())
    .execute();
}

export async function unreadCount(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function notificationsFor(db: Executor, userId: number, limit = 100) {
  return db
    .selectFrom("notifications")
    .select(["id", "kind", "params", "link_path", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Marks one (or, without `id`, every) notification of this user read; another user's ids are untouched. */
export async function markNotificationsRead(db: Executor, userId: number, id?: number): Promise<number> {
  let q = db
    .updateTable("notifications")
    .set({ read_at: sql`now()` })
    .where("user_id", "=", userId)
    .where("read_at", "is", null);
  if (id !== undefined) q = q.where("id", "=", id);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ---- e-mail preferences ----

export interface MailPreference {
  allOff: boolean;
  offKinds: string[];
}

export async function mailPreference(db: Executor, address: string): Promise<MailPreference> {
  const row = await db.selectFrom("mail_preferences").select(["all_off", "off_kinds"]).where("address", "=", address.toLowerCase()).executeTakeFirst();
  return { allOff: row?.all_off ?? false, offKinds: row?.off_kinds ?? [] };
}

export async function setMailPreference(db: Executor, address: string, pref: MailPreference): Promise<void> {
  await db
    .insertInto("mail_preferences")
    .values({ address: address.toLowerCase(), all_off: pref.allOff, off_kinds: pref.offKinds })
    .onConflict((oc) => oc.column("address").doUpdateSet({ all_off: pref.allOff, off_kinds: pref.offKinds, updated_at: sql`now()` }))
    .execute();
}

// ---- recipients ----

/** The producer accounts of an organisation (enabled), with their address and language, and its contact address. */
export async function organizationRecipients(db: Executor, organizationId: number) {
  const users = await db
    .selectFrom("users")
    .select(["id", "email", "locale"])
    .where("organization_id", "=", organizationId)
    .where("role", "=", "producer")
    .where("disabled_at", "is", null)
    .orderBy("id")
    .execute();
  const org = await db.selectFrom("organizations").select(["name_zh", "name_en", "contacts"]).where("id", "=", organizationId).executeTakeFirst();
  // the organisation's e-mail contacts, public or not: it is the organisation's own address, told of its own inquiries
  const contactEmails = (Array.isArray(org?.contacts) ? org.contacts : [])
    .filter((c) => c.kind === "email" && c.value.includes("@"))
    .map((c) => c.value.trim());
  return { users, organization: org ? { name_zh: org.name_zh, name_en: org.name_en } : null, contactEmails };
}

export async function setUserLocale(db: Executor, userId: number, locale: MailLocale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).where("locale", "is distinct from", locale).execute();
}

export async function userLocale(db: Executor, userId: number): Promise<MailLocale | null> {
  const row = await db.selectFrom("users").select("locale").where("id", "=", userId).executeTakeFirst();
  return row?.locale ?? null;
}

export async function rememberBuyerMail(db: Executor, inquiryId: number, locale: MailLocale, sealedLink: string | null): Promise<void> {
  await db
    .insertInto("inquiry_buyer_mail")
    .values({ inquiry_id: inquiryId, locale, sealed_link: sealedLink })
    .onConflict((oc) => oc.column("inquiry_id").doNothing())
    .execute();
}

/** An inquiry's recipients (one per organisation), for telling producers; and what the buyer left for replies. */
export async function inquiryForNotice(db: Executor, inquiryId: number) {
  const inquiry = await db
    .selectFrom("inquiries as i")
    .leftJoin("inquiry_buyer_mail as b", "b.inquiry_id", "i.id")
    .leftJoin("users as u", "u.id", "i.buyer_user_id")
    .select([
      "i.id",
      "i.buyer_name",
      "i.buyer_organization",
      "i.buyer_email",
      "i.buyer_user_id",
      "i.source",
      "i.event_id",
      "b.locale",
      "b.sealed_link",
      "u.role as buyer_role",
    ])
    .where("i.id", "=", inquiryId)
    .executeTakeFirst();
  if (!inquiry) return undefined;
  const recipients = await db
    .selectFrom("inquiry_recipients as r")
    .select(["r.id", "r.organization_id", "r.status"])
    .where("r.inquiry_id", "=", inquiryId)
    .orderBy("r.id")
    .execute();
  return { ...inquiry, recipients };
}

/** One recipient row (an inquiry addressed to one organisation) with its organisation's names. */
export async function recipientForNotice(db: Executor, recipientId: number) {
  return db
    .selectFrom("inquiry_recipients as r")
    .innerJoin("organizations as o", "o.id", "r.organization_id")
    .select(["r.id", "r.inquiry_id", "r.organization_id", "o.name_zh", "o.name_en"])
    .where("r.id", "=", recipientId)
    .executeTakeFirst();
}

/** The latest producer message of a thread: its id makes a reply's notice unique. */
export async function latestProducerMessage(db: Executor, recipientId: number) {
  return db
    .selectFrom("inquiry_messages")
    .select(["id", "body", "quoted_price"])
    .where("recipient_id", "=", recipientId)
    .where("author", "=", "producer")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
}

/** The product names of one recipient's copy of an inquiry (what the producer was asked about). */
export async function recipientProductNames(db: Executor, recipientId: number) {
  return db.selectFrom("inquiry_products").select(["product_name_zh", "product_name_en"]).where("recipient_id", "=", recipientId).orderBy("id").execute();
}

export async function eventNames(db: Executor, eventId: number) {
  return db.selectFrom("events").select(["name_zh", "name_en"]).where("id", "=", eventId).executeTakeFirst();
}

/**
 * What a review decision was about: the record (a revision's record for kind 'revision'), its names and owning
 * organisation, read in the decision's transaction.
 */
export async function reviewedRecord(db: Executor, kind: "product" | "organization" | "trademark" | "revision", id: number) {
  let entity: "product" | "organization" | "trademark" = kind === "revision" ? "product" : kind;
  let entityId = id;
  if (kind === "revision") {
    const r = await db.selectFrom("record_revisions").select(["entity_type", "entity_id"]).where("id", "=", id).executeTakeFirst();
    if (!r || !["product", "organization", "trademark"].includes(r.entity_type)) return undefined;
    entity = r.entity_type as typeof entity;
    entityId = r.entity_id;
  }
  if (entity === "organization") {
    const o = await db.selectFrom("organizations").select(["id", "name_zh", "name_en"]).where("id", "=", entityId).executeTakeFirst();
    return o && { entity, entityId, name_zh: o.name_zh, name_en: o.name_en, organizationId: o.id };
  }
  if (entity === "product") {
    const p = await db.selectFrom("products").select(["name_zh", "name_en", "organization_id"]).where("id", "=", entityId).executeTakeFirst();
    return p && { entity, entityId, name_zh: p.name_zh, name_en: p.name_en, organizationId: p.organization_id as number | null };
  }
  const t = await db.selectFrom("trademarks").select(["name_zh", "name_en", "holder_org_id"]).where("id", "=", entityId).executeTakeFirst();
  return t && { entity, entityId, name_zh: t.name_zh, name_en: t.name_en, organizationId: t.holder_org_id };
}

/** The account a forgot-password request names, by e-mail (case-insensitive); disabled accounts are not found. */
export async function accountByEmail(db: Executor, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "locale"])
    .where(sql<string>`lower(email)`, "=", email.trim().toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

/** The sealed private link of the inquiry a user's own reply notice points at, marking the notice read. */
export async function openReplyNotice(db: Executor, userId: number, notificationId: number): Promise<string | null> {
  const row = await db
    .selectFrom("notifications as n")
    .innerJoin("inquiries as i", (j) => j.on(sql<boolean>`i.id = (n.params->>'inquiry')::bigint`))
    .innerJoin("inquiry_buyer_mail as b", "b.inquiry_id", "i.id")
    .select("b.sealed_link")
    .where("n.id", "=", notificationId)
    .where("n.user_id", "=", userId)
    .where("n.kind", "=", "inquiry_reply")
    .where("i.buyer_user_id", "=", userId)
    .executeTakeFirst();
  if (!row) return null;
  await markNotificationsRead(db, userId, notificationId);
  return row.sealed_link;
}
