import type { ColumnType, Generated } from "kysely";
import type { DateOnly, DefaultTimestamp, NullableTimestamp } from "./columns";

// Buyers and matching (2026_11_28_120000_create_buyer_matching): shortlists, inquiries with a thread per producer
// addressed and deal outcomes (the inquiry throttle lives in throttle_events, db/schema/accounts.ts).

export interface ShortlistsTable {
  id: Generated<number>;
  token_hash: string | null;
  user_id: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ShortlistItemsTable {
  shortlist_id: number;
  product_id: number;
  added_at: DefaultTimestamp;
}

export interface InquiriesTable {
  id: Generated<number>;
  buyer_token_hash: string;
  buyer_user_id: number | null;
  buyer_name: string;
  buyer_organization: string | null;
  buyer_email: string | null;
  buyer_phone: string | null;
  /** 微信号, optional (booth leads) */
  buyer_wechat: string | null;
  // null only for booth leads (2026_11_28_150000_add_event_leads)
  quantity: ColumnType<string | null, string | number | null, string | number | null>;
  quantity_unit: string | null;
  delivery_from: DateOnly | null;
  delivery_to: DateOnly | null;
  destination_province: string | null;
  target_price: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  sample_wanted: Generated<boolean>;
  message: string | null;
  created_at: DefaultTimestamp;
  source: Generated<InquirySource>;
  event_id: number | null;
  /** personal data erased (retention period passed, or the sender deleted their account) */
  anonymised_at: NullableTimestamp;
}

/** 'booth': a lead left by scanning an exhibitor's booth QR code at a fair (产销对接会), tagged with the event. */
export type InquirySource = "shortlist" | "booth";

/** 'held': a booth lead that arrived past a limit, kept until the exhibitor or fair staff accept it (issue 19). */
/** 'read': the producer opened it; 'deal': a deal was recorded on it (2026_12_08_300000_inquiry_lines). */
export type InquiryStatus = "new" | "read" | "replied" | "quoted" | "deal" | "closed" | "held";

export interface InquiryRecipientsTable {
  id: Generated<number>;
  inquiry_id: number;
  organization_id: number;
  status: Generated<InquiryStatus>;
  /** which limit a held lead passed: per device, per booth or per address */
  held_reason: "device" | "booth" | "address" | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface InquiryProductsTable {
  id: Generated<number>;
  recipient_id: number;
  product_id: number | null;
  product_name_zh: string;
  product_name_en: string | null;
  // the line's need (2026_12_08_300000_inquiry_lines); all null for a booth lead's products
  quantity: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  quantity_unit: string | null;
  target_price: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  sample_wanted: Generated<boolean>;
  delivery_from: DateOnly | null;
  delivery_to: DateOnly | null;
  destination_province: string | null;
}

/** A producer's answer to one line; every quote is kept, the latest is the current one. */
export interface InquiryLineQuotesTable {
  id: Generated<number>;
  inquiry_product_id: number;
  quoted_price: ColumnType<string, string | number, string | number>;
  price_unit: string;
  moq: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  lead_time_days: number | null;
  note: string | null;
  author_user_id: number | null;
  created_at: DefaultTimestamp;
}

export type StatusChangeRole = "buyer" | "producer" | "staff" | "system";

export interface InquiryStatusChangesTable {
  id: Generated<number>;
  recipient_id: number;
  from_status: InquiryStatus | null;
  to_status: InquiryStatus;
  by_role: StatusChangeRole;
  by_user_id: number | null;
  created_at: DefaultTimestamp;
}

export interface InquiryMessagesTable {
  id: Generated<number>;
  recipient_id: number;
  author: "buyer" | "producer";
  author_user_id: number | null;
  body: string;
  quoted_price: ColumnType<string | null, string | number | null | undefined, string | number | null>;
  created_at: DefaultTimestamp;
}

export type DealKind = "intent" | "signed";
export type DealRecorder = "producer" | "buyer" | "fair_staff" | "admin";

export interface DealsTable {
  id: Generated<number>;
  kind: DealKind;
  organization_id: number;
  product_id: number | null;
  product_name_zh: string;
  inquiry_recipient_id: number | null;
  amount_cny: ColumnType<string, string | number, string | number>;
  deal_date: DateOnly;
  // references events(id) on delete set null (2026_11_28_170000_link_deals_to_events)
  event_id: number | null;
  note: string | null;
  recorded_by: DealRecorder;
  recorded_by_user_id: number | null;
  created_at: DefaultTimestamp;
}

export interface MatchingTables {
  shortlists: ShortlistsTable;
  shortlist_items: ShortlistItemsTable;
  inquiries: InquiriesTable;
  inquiry_recipients: InquiryRecipientsTable;
  inquiry_products: InquiryProductsTable;
  inquiry_messages: InquiryMessagesTable;
  inquiry_line_quotes: InquiryLineQuotesTable;
  inquiry_status_changes: InquiryStatusChangesTable;
  deals: DealsTable;
}
