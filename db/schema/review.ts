import type { ColumnType, Generated } from "kysely";
import type { DateOnly, DefaultTimestamp } from "./columns";

// Review and trust (2026_11_28_110000_create_review_and_trust): append-only audit log and misuse reports.

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number;
  field: string | null;
  before: ColumnType<unknown, unknown, never>;
  after: ColumnType<unknown, unknown, never>;
  note: string | null;
}

export type MisuseReportStatus = "new" | "investigating" | "referred" | "closed";

export interface MisuseReportsTable {
  id: Generated<number>;
  case_no: string;
  status_token_hash: string;
  status: Generated<MisuseReportStatus>;
  what_seen: string;
  gi_product_id: number | null;
  place_kind: "shop" | "market" | "online";
  place_name: string | null;
  online_url: string | null;
  seen_on: DateOnly | null;
  contact: string | null;
  client_key: string;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MisuseReportNotesTable {
  id: Generated<number>;
  report_id: number;
  author_id: number | null;
  body: string;
  status_from: MisuseReportStatus | null;
  status_to: MisuseReportStatus | null;
  created_at: DefaultTimestamp;
}

export interface ReviewTables {
  audit_log: AuditLogTable;
  misuse_reports: MisuseReportsTable;
  misuse_report_notes: MisuseReportNotesTable;
}
