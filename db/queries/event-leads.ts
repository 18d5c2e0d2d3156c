import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../schema";
import { CHINA_TODAY } from "./china-day";

type Executor = Kysely<Database> | Transaction<Database>;

// Booth leads at trade fairs (展位留资): the booth a QR code opens, counting its views, a buyer's lead (an inquiry of
// source 'booth' tagged with the event, addressed to the exhibitor's organisation) and the per-exhibitor fair summary.

/**
 * The booth of an exhibitor at an event, with its event: only while the exhibitor's organisation is published and in
 * good standing (like every inquiry's recipient). Event visibility (drafts) is the caller's rule.
 */
export async function boothForLead(db: Executor, eventId: number, exhibitorId: number) {
  return db
    .selectFrom("event_exhibitors as x")
    .innerJoin("organizations as o", "o.id", "x.organization_id")
    .innerJoin("events as e", "e.id", "x.event_id")
    .select([
      "x.id",
      "x.hall",
      "x.booth",
      "x.organization_id",
      "o.name_zh",
      "o.name_en",
      "e.id as event_id",
      "e.name_zh as event_name_zh",
      "e.name_en as event_name_en",
      "e.status as event_status",
      "x.withdrawn_at",
    ])
    .where("x.event_id", "=", eventId)
    .where("x.id", "=", exhibitorId)
    .where("o.status", "=", "published")
    .where("o.credit_status", "=", "normal")
    .executeTakeFirst();
}

/** The exhibitor's published products: what a lead may name. */
export async function boothProducts(db: Executor, organizationId: number) {
  return db
    .selectFrom("products")
    .select(["id", "name_zh", "name_en"])
    .where("organization_id", "=", organizationId)
    .where("status", "=", "published")
    .orderBy("name_zh")
    .orderBy("id")
    .execute();
}

/** One more view of the booth page today (China time). Nothing about the visitor is written. */
export async function countBoothView(db: Executor, exhibitorId: number) {
  await db
    .insertInto("event_booth_views")
    .values({ exhibitor_id: exhibitorId, day: CHINA_TODAY, views: 1 })
    .onConflict((oc) => oc.columns(["exhibitor_id", "day"]).doUpdateSet({ views: sql<number>`event_booth_views.views + 1` }))
    .execute();
}

export async function boothViewsByDay(db: Executor, exhibitorId: number) {
  return db.selectFrom("event_booth_views").select(["day", "views"]).where("exhibitor_id", "=", exhibitorId).orderBy("day").execute();
}

export interface NewBoothLead {
  buyer_token_hash: string;
  buyer_user_id: number | null;
  buyer_name: string;
  buyer_organization: string | null;
  buyer_email: string | null;
  buyer_phone: string | null;
  buyer_wechat?: string | null;
  message: string;
  event_id: number;
}

/**
 * A lead: one inquiry (source 'booth') with one recipient, the exhibitor's organisation, and the product named if any.
 * A lead that passed a limit (`held`) waits as 'held' until the exhibitor or fair staff accept it.
 */
export async function createBoothLead(
  trx: Transaction<Database>,
  lead: NewBoothLead,
  organizationId: number,
  product: { id: number; name_zh: string; name_en: string | null } | null,
  held: "device" | "booth" | "address" | null = null,
): Promise<{ id: number; recipientId: number }> {
  const { id } = await trx
    .insertInto("inquiries")
    .values({
      ...lead,
      source: "booth",
      quantity: null,
      quantity_unit: null,
      delivery_from: null,
      delivery_to: null,
      destination_province: null,
      target_price: null,
      sample_wanted: false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const r = await trx
    .insertInto("inquiry_recipients")
    .values({ inquiry_id: id, organization_id: organizationId, ...(held ? { status: "held" as const, held_reason: held } : {}) })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (product) {
    await trx
      .insertInto("inquiry_products")
      .values({ recipient_id: r.id, product_id: product.id, product_name_zh: product.name_zh, product_name_en: product.name_en })
      .execute();
  }
  return { id, recipientId: r.id };
}

export interface FairSummaryRow {
  exhibitor_id: number;
  organization_id: number;
  hall: string | null;
  booth: string;
  name_zh: string;
  name_en: string | null;
  /** the organisation's county (places); null when not recorded */
  county_id: number | null;
  county_zh: string | null;
  county_en: string | null;
  views: number;
  /** booth-page views per day (China time), `YYYY-MM-DD` → count; days without a view are absent */
  views_by_day: Record<string, number>;
  leads: number;
  intents: number;
  intent_amount_cny: number;
  signed: number;
  signed_amount_cny: number;
}

/**
 * The deals an event's report counts — one definition for the per-exhibitor rows and the per-category totals: deals
 * of an exhibitor's organisation tagged with the event, or made on the thread of one of its leads of the event.
 */
function eventDeals(eventId: number) {
  return sql`
    select dd.id, dd.organization_id, dd.kind, dd.amount_cny, dd.product_id
    from deals dd
    where dd.organization_id in (select x.organization_id from event_exhibitors x where x.event_id = ${eventId})
      and (dd.event_id = ${eventId} or exists (
        select 1 from inquiry_recipients r join inquiries i on i.id = r.inquiry_id
        where r.id = dd.inquiry_recipient_id and i.event_id = ${eventId}))`;
}

/**
 * Per exhibitor of the event: booth-page views, leads and inquiries tagged with the event addressed to it, and the
 * deals it recorded for the event (eventDeals), with its organisation's county for the per-county totals.
 */
export async function fairSummary(db: Executor, eventId: number): Promise<FairSummaryRow[]> {
  const { rows } = await sql<Record<string, string | number | null>>`
    with d as (${eventDeals(eventId)})
    select x.id as exhibitor_id, x.organization_id, x.hall, x.booth, o.name_zh, o.name_en,
      c.id as county_id, c.name_zh as county_zh, c.name_en as county_en,
      coalesce((select sum(v.views) from event_booth_views v where v.exhibitor_id = x.id), 0) as views,
      coalesce((select json_object_agg(to_char(v.day, 'YYYY-MM-DD'), v.views) from event_booth_views v
        where v.exhibitor_id = x.id), '{}'::json) as views_by_day,
      (select count(*) from inquiry_recipients r join inquiries i on i.id = r.inquiry_id
        where i.event_id = x.event_id and r.organization_id = x.organization_id) as leads,
      (select count(*) from d where d.organization_id = x.organization_id and d.kind = 'intent') as intents,
      (select coalesce(sum(d.amount_cny), 0) from d where d.organization_id = x.organization_id and d.kind = 'intent') as intent_amount,
      (select count(*) from d where d.organization_id = x.organization_id and d.kind = 'signed') as signed,
      (select coalesce(sum(d.amount_cny), 0) from d where d.organization_id = x.organization_id and d.kind = 'signed') as signed_amount
    from event_exhibitors x
    join organizations o on o.id = x.organization_id
    left join places c on c.id = o.county_id
    where x.event_id = ${eventId}
    order by x.hall nulls last, x.booth, x.id`.execute(db);
  const nullable = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return rows.map((r) => ({
    exhibitor_id: Number(r.exhibitor_id),
    organization_id: Number(r.organization_id),
    hall: nullable(r.hall),
    booth: String(r.booth),
    name_zh: String(r.name_zh),
    name_en: nullable(r.name_en),
    county_id: r.county_id === null ? null : Number(r.county_id),
    county_zh: nullable(r.county_zh),
    county_en: nullable(r.county_en),
    views: Number(r.views),
    views_by_day: viewsByDay(r.views_by_day),
    leads: Number(r.leads),
    intents: Number(r.intents),
    intent_amount_cny: Number(r.intent_amount),
    signed: Number(r.signed),
    signed_amount_cny: Number(r.signed_amount),
  }));
}

export interface FairCategoryRow {
  /** the product category as stored (Chinese, trimmed); null: the deal names no product, the product is gone, or it has no category */
  category: string | null;
  intents: number;
  intent_amount_cny: number;
  signed: number;
  signed_amount_cny: number;
}

/**
 * The event's deals (eventDeals) by the category of the product each deal names — a deal names one product of its
 * producer; leads and scans are not per product, so this grouping counts deals only. Largest signed amount first.
 */
export async function fairSummaryByCategory(db: Executor, eventId: number): Promise<FairCategoryRow[]> {
  const { rows } = await sql<Record<string, string | number | null>>`
    select nullif(btrim(p.category), '') as category,
      count(*) filter (where d.kind = 'intent') as intents,
      coalesce(sum(d.amount_cny) filter (where d.kind = 'intent'), 0) as intent_amount,
      count(*) filter (where d.kind = 'signed') as signed,
      coalesce(sum(d.amount_cny) filter (where d.kind = 'signed'), 0) as signed_amount
    from (${eventDeals(eventId)}) d
    left join products p on p.id = d.product_id
    group by 1
    order by (nullif(btrim(p.category), '') is null), signed_amount desc, intent_amount desc, 1`.execute(db);
  return rows.map((r) => ({
    category: r.category === null ? null : String(r.category),
    intents: Number(r.intents),
    intent_amount_cny: Number(r.intent_amount),
    signed: Number(r.signed),
    signed_amount_cny: Number(r.signed_amount),
  }));
}

function viewsByDay(raw: unknown): Record<string, number> {
  const parsed: unknown = typeof raw === "string" ? JSON.parse(raw) : raw;
  const out: Record<string, number> = {};
  if (parsed && typeof parsed === "object") for (const [day, n] of Object.entries(parsed)) out[day] = Number(n);
  return out;
}

/** The organisation's booths at published events: where its QR sheet can be printed from. */
export async function boothsOfOrganization(db: Executor, organizationId: number) {
  return db
    .selectFrom("event_exhibitors as x")
    .innerJoin("events as e", "e.id", "x.event_id")
    .select(["x.id", "x.hall", "x.booth", "e.id as event_id", "e.name_zh", "e.name_en", "e.starts_on"])
    .where("x.organization_id", "=", organizationId)
    .where("x.withdrawn_at", "is", null)
    .where("e.status", "=", "published")
    .orderBy("e.starts_on", "desc")
    .execute();
}
