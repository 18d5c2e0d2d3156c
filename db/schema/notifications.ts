import type { ColumnType, Generated } from "kysely";
import type { DefaultJson, DefaultTimestamp, NullableTimestamp } from "./columns";

// Mail and in-site notifications (2026_12_08_200000_mail_queue_and_notifications, issue 18 items 5 and 6).

export type MailLocale = "zh-CN" | "en";
/** 'kept': no SMTP_URL configured; the message stays in the table and staff read it at /staff/outbox */
export type MailStatus = "queued" | "sending" | "sent" | "failed" | "kept";
export type NotificationKind = "new_inquiry" | "new_lead" | "inquiry_reply" | "review_decision" | "password_reset";

export interface MailQueueTable {
  id: Generated<number>;
  idempotency_key: string;
  to_address: string;
  user_id: number | null;
  locale: MailLocale;
  kind: NotificationKind;
  subject: string;
  body_text: string;
  message_id: string;
  status: Generated<MailStatus>;
  attempts: Generated<number>;
  next_attempt_at: DefaultTimestamp;
  lease_until: NullableTimestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  created_at: DefaultTimestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  event_key: string;
  params: DefaultJson<Record<string, string | number>>;
  link_path: string | null;
  created_at: DefaultTimestamp;
  read_at: NullableTimestamp;
}

export interface MailPreferencesTable {
  address: string;
  all_off: Generated<boolean>;
  off_kinds: ColumnType<string[], string[] | undefined, string[]>;
  updated_at: DefaultTimestamp;
}

export interface InquiryBuyerMailTable {
  inquiry_id: number;
  locale: MailLocale;
  sealed_link: string | null;
}

export interface NotificationTables {
  mail_queue: MailQueueTable;
  notifications: NotificationsTable;
  mail_preferences: MailPreferencesTable;
  inquiry_buyer_mail: InquiryBuyerMailTable;
}
