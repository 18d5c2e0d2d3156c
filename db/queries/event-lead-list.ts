import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, InquirySource, InquiryStatus } from "../schema";

type Executor = Kysely<Database> | Transaction<Database>;

// Every lead of an event with its status, for the organiser's export (/events/:id/leads.csv): one row per recipient
// (a lead has one; an inquiry tagged with the event and sent to several exhibitors has one per exhibitor), held ones
// included. The same set the fair summary counts as leads: inquiries tagged with the event addressed to one of its
// exhibitors (withdrawn ones too). Personal data: only fair staff read it.

export interface EventLeadRow {
  recipient_id: number;
  created_at: Date;
  hall: string | null;
  booth: string;
  organization_id: number;
  exhibitor_zh: string;
  exhibitor_en: string | null;
  source: InquirySource;
  buyer_name: string;
  buyer_organization: string | null;
  buyer_phone: string | null;
  buyer_email: string | null;
  buyer_wechat: string | null;
  /** the products named, in Chinese, joined with "；" (empty when none) */
  products: string;
  message: string | null;
  status: InquiryStatus;
  held_reason: "device" | "booth" | "address" | null;
}

export async function leadsOfEvent(db: Executor, eventId: number): Promise<EventLeadRow[]> {
  const { rows } = await sql<Omit<EventLeadRow, "recipient_id" | "organization_id"> & { recipient_id: string | number; organization_id: string | number }>`
    select r.id as recipient_id, i.created_at, x.hall, x.booth, r.organization_id, o.name_zh as exhibitor_zh,
      o.name_en as exhibitor_en, i.source, i.buyer_name, i.buyer_organization, i.buyer_phone, i.buyer_email,
      i.buyer_wechat, coalesce((select string_agg(p.product_name_zh, '；' order by p.id) from inquiry_products p
        where p.recipient_id = r.id), '') as products,
      i.message, r.status, r.held_reason
    from inquiry_recipients r
    join inquiries i on i.id = r.inquiry_id
    join event_exhibitors x on x.event_id = i.event_id and x.organization_id = r.organization_id
    join organizations o on o.id = r.organization_id
    where i.event_id = ${eventId}
    order by i.created_at, r.id`.execute(db);
  return rows.map((r) => ({ ...r, recipient_id: Number(r.recipient_id), organization_id: Number(r.organization_id), created_at: new Date(r.created_at) }));
}
