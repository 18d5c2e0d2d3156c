import type { ColumnType, Generated } from "kysely";
import type { DefaultTimestamp, NullableTimestamp } from "./columns";

// Accounts (2026_11_28_100000_create_accounts): users, sessions, reset tokens, sign-in attempts, and the revisions
// producers' edits of published records wait in; throttle events and account notices
// (2026_11_28_190000_consolidate_throttles).

export type Role = "producer" | "buyer" | "reviewer" | "fair_staff" | "admin";

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  phone: string | null;
  password_hash: string;
  display_name: string | null;
  role: Generated<Role>;
  organization_id: number | null;
  /** the language of this person's e-mail (2026_12_08_200000_mail_queue_and_notifications); null: zh-CN */
  locale: ColumnType<"zh-CN" | "en" | null, "zh-CN" | "en" | null | undefined, "zh-CN" | "en" | null>;
  disabled_at: NullableTimestamp;
  is_sample: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** the owner deleted the account: every personal field is erased, the row stays for what points at it */
  deleted_at: NullableTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  user_agent: string | null;
  client_address: string | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: number;
  created_by: number | null;
  created_at: DefaultTimestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: NullableTimestamp;
}

export interface SignInAttemptsTable {
  id: Generated<number>;
  account_key: string;
  client_key: string;
  succeeded: boolean;
  created_at: DefaultTimestamp;
}

/** One event counted by a PostgreSQL sliding-window throttle (app/platform/throttle.server.ts); key_hash is a SHA-256. */
export interface ThrottleEventsTable {
  id: Generated<number>;
  scope: string;
  key_hash: string;
  created_at: DefaultTimestamp;
}

/** Something the account's owner is shown at the next sign-in (no e-mail or SMS yet). */
export interface AccountNoticesTable {
  id: Generated<number>;
  user_id: number;
  kind: "signup_attempt";
  times: Generated<number>;
  first_at: DefaultTimestamp;
  last_at: DefaultTimestamp;
  seen_at: NullableTimestamp;
}

export type RevisionEntity = "organization" | "trademark" | "product" | "gi_authorised_user" | "regional_brand_licence";
export type RevisionStatus = "draft" | "submitted" | "approved" | "rejected" | "changes_requested";

export interface RecordRevisionsTable {
  id: Generated<number>;
  entity_type: RevisionEntity;
  entity_id: number;
  data: ColumnType<Record<string, unknown>, Record<string, unknown>, Record<string, unknown>>;
  status: Generated<RevisionStatus>;
  created_by: number | null;
  submitted_at: NullableTimestamp;
  reviewed_by: number | null;
  reviewed_at: NullableTimestamp;
  review_comment: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** 采购商 profile (2026_12_08_100000_buyer_accounts): what producers see of a buyer besides the inquiry's own fields. */
export interface BuyerProfilesTable {
  user_id: number;
  name: string;
  province: string | null;
  city: string | null;
  categories: ColumnType<string[], string[] | undefined, string[]>;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  updated_at: DefaultTimestamp;
}

export type ConsentPurpose = "account" | "buyer_profile" | "inquiry" | "lead";

/** A consent given on a form that collects personal information (PIPL), with the version of the text shown. */
export interface ConsentsTable {
  id: Generated<number>;
  purpose: ConsentPurpose;
  text_version: string;
  user_id: number | null;
  inquiry_id: number | null;
  given_at: DefaultTimestamp;
}

export interface PrivacySettingsTable {
  id: Generated<number>;
  anonymous_retention_months: Generated<number>;
  updated_by: number | null;
  updated_at: DefaultTimestamp;
}

export interface AccountTables {
  consents: ConsentsTable;
  privacy_settings: PrivacySettingsTable;
  buyer_profiles: BuyerProfilesTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  throttle_events: ThrottleEventsTable;
  account_notices: AccountNoticesTable;
  record_revisions: RecordRevisionsTable;
}
