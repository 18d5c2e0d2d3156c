import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

// The typed shape of the database. Keep in step with db/migrations (the migrations are the source of truth).


/** timestamps with a database default: optional on insert */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type DateOnly = string;
/** jsonb: write through `jsonb(value)` from db/json.ts (postgres.js would otherwise store a JSON string) */

type DefaultJson<T> = ColumnType<T, T | undefined, T>;

export type RecordStatus = "draft" | "submitted" | "published" | "rejected" | "archived";
export type Confidence = "high" | "medium" | "low";

interface RecordColumns {
  status: Generated<RecordStatus>;
  is_sample: Generated<boolean>;
  source: DefaultJson<string[]>;
  confidence: Generated<Confidence>;
  last_verified_at: NullableTimestamp;
  last_verified_by: number | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

interface ReviewColumns {
  review_comment: string | null;
  submitted_at: NullableTimestamp;
}

export interface PlacesTable {
  id: Generated<number>;
  kind: "county" | "township" | "park";
  parent_id: number | null;
  name_zh: string;
  short_zh: string | null;
  name_en: string | null;
  pinyin: string | null;
  is_administrative_division: Generated<boolean>;
  confidence: Generated<string>;
  source: DefaultJson<string[]>;
  notes: string | null;
}

export interface NiceClassesTable {
  class_no: number;
  kind: "goods" | "services";
  name_zh: string;
  name_en: string;
}

export interface GiSchemesTable {
  code: GiSchemeCode;
  name_zh: string;
  name_en: string;
  authority: string | null;
  description: string | null;
  source: DefaultJson<string[]>;
}

export type GiSchemeCode = "protected_product" | "certification_mark" | "collective_mark" | "agricultural";

export interface Contact {
  kind: "phone" | "mobile" | "email" | "wechat" | "person";
  value: string;
  public: boolean;
}

export interface OrganizationsTable extends RecordColumns, ReviewColumns {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  credit_code: string | null;
  org_type: Generated<"company" | "cooperative" | "family_farm" | "association" | "government" | "other">;
  county_id: number | null;
  township_id: number | null;
  address: string | null;
  contacts: DefaultJson<Contact[]>;
  website: string | null;
  credit_status: Generated<"normal" | "abnormal" | "serious">;
  credit_status_source: string | null;
  credit_status_date: DateOnly | null;
  description_zh: string | null;
  description_en: string | null;
}

export interface TrademarksTable extends RecordColumns, ReviewColumns {
  id: Generated<number>;
  reg_no: string | null;
  name_zh: string;
  name_en: string | null;
  mark_type: Generated<"ordinary" | "collective" | "certification">;
  goods: string | null;
  holder_org_id: number | null;
  holder_name: string | null;
  county_id: number | null;
  application_date: DateOnly | null;
  registration_date: DateOnly | null;
  legal_status: Generated<"applied" | "registered" | "expired" | "revoked">;
  well_known: Generated<boolean>;
  well_known_year: number | null;
  provincial_famous: Generated<boolean>;
  notes: string | null;
}

export interface TrademarkClassesTable {
  trademark_id: number;
  class_no: number;
  goods: string | null;
}

export interface GiProductsTable extends RecordColumns {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  pinyin: string | null;
  category: string | null;
  county_id: number | null;
  holder_name: string | null;
  holder_org_id: number | null;
  quality_zh: string | null;
  quality_en: string | null;
  standard: string | null;
  notes: string | null;
}

export interface GiProductSchemesTable {
  gi_product_id: number;
  scheme: GiSchemeCode;
  reg_no: string | null;
  reg_date: DateOnly | null;
  approval_year: number | null;
  source_text: string | null;
}

export interface GiProtectedPlacesTable {
  gi_product_id: number;
  place_id: number;
}

export type Verification = "pending" | "verified" | "rejected" | "revoked";

export interface GiAuthorisedUsersTable {
  id: Generated<number>;
  gi_product_id: number;
  organization_id: number;
  basis: "announcement" | "collective_member" | "certification_licence" | "other_record";
  basis_reference: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  verification: Generated<Verification>;
  verified_at: NullableTimestamp;
  verified_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface RegionalBrandsTable extends RecordColumns {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  brand_type: string | null;
  owner_name: string | null;
  owner_org_id: number | null;
  scope: string | null;
  slogan: string | null;
  description_zh: string | null;
  description_en: string | null;
  launched_on: DateOnly | null;
}

export interface RegionalBrandLicencesTable {
  id: Generated<number>;
  regional_brand_id: number;
  organization_id: number;
  licence_no: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  verification: Generated<Verification>;
  verified_at: NullableTimestamp;
  verified_by: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface ProductsTable extends RecordColumns, ReviewColumns {
  id: Generated<number>;
  organization_id: number;
  name_zh: string;
  name_en: string | null;
  category: string | null;
  trademark_id: number | null;
  gi_product_id: number | null;
  regional_brand_id: number | null;
  availability_months: Generated<number[]>;
  annual_volume: string | null;
  volume_unit: string | null;
  min_order_qty: string | null;
  min_order_unit: string | null;
  pack_sizes: Generated<string[]>;
  storage: "ambient" | "chilled" | "frozen" | null;
  price_band: string | null;
  provinces_served: Generated<string[]>;
  samples_available: Generated<boolean>;
  description_zh: string | null;
  description_en: string | null;
}

export interface ProductCertificationsTable {
  id: Generated<number>;
  product_id: number;
  kind: "green_food" | "organic" | "selenium_rich" | "famous_special" | "geo_origin" | "other";
  certificate_no: string | null;
  expires_on: DateOnly | null;
}

export interface ImageVariant {
  width: number;
  height: number;
  format: "webp" | "avif" | "jpeg";
  key: string;
}

export interface ImagesTable {
  id: Generated<number>;
  owner_type: "organization" | "trademark" | "gi_product" | "regional_brand" | "product" | "report";
  owner_id: number;
  storage_key: string;
  width: number;
  height: number;
  variants: DefaultJson<ImageVariant[]>;
  placeholder: string | null;
  alt_zh: string;
  alt_en: string | null;
  sort_order: Generated<number>;
  created_at: DefaultTimestamp;
}

export type FigureValue = number | Record<string, string | number>;

export interface FiguresTable {
  id: Generated<number>;
  metric: string;
  value: ColumnType<FigureValue, FigureValue, FigureValue>;
  unit: string | null;
  as_of: string | null;
  scope: string | null;
  confidence: Generated<string>;
  source: DefaultJson<string[]>;
}

export type SearchEntityType = "gi" | "trademark" | "regional_brand" | "product" | "organization";

export interface SearchOutboxTable {
  id: Generated<number>;
  entity_type: SearchEntityType;
  entity_id: number;
  created_at: DefaultTimestamp;
  available_at: DefaultTimestamp;
  locked_until: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
  processed_at: NullableTimestamp;
}

export type Role = "producer" | "reviewer" | "fair_staff" | "admin";

export interface UsersTable {
  id: Generated<number>;
  email: string | null;
  phone: string | null;
  password_hash: string;
  display_name: string | null;
  role: Generated<Role>;
  organization_id: number | null;
  disabled_at: NullableTimestamp;
  is_sample: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  sign_in_attempts: SignInAttemptsTable;
  record_revisions: RecordRevisionsTable;
  places: PlacesTable;
  nice_classes: NiceClassesTable;
  gi_schemes: GiSchemesTable;
  organizations: OrganizationsTable;
  trademarks: TrademarksTable;
  trademark_classes: TrademarkClassesTable;
  gi_products: GiProductsTable;
  gi_product_schemes: GiProductSchemesTable;
  gi_protected_places: GiProtectedPlacesTable;
  gi_authorised_users: GiAuthorisedUsersTable;
  regional_brands: RegionalBrandsTable;
  regional_brand_licences: RegionalBrandLicencesTable;
  products: ProductsTable;
  product_certifications: ProductCertificationsTable;
  images: ImagesTable;
  figures: FiguresTable;
  search_outbox: SearchOutboxTable;
  audit_log: AuditLogTable;
  misuse_reports: MisuseReportsTable;
  misuse_report_notes: MisuseReportNotesTable;
}

export type GiProduct = Selectable<GiProductsTable>;
export type NewGiProduct = Insertable<GiProductsTable>;
export type GiProductUpdate = Updateable<GiProductsTable>;
export type Place = Selectable<PlacesTable>;

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

// Buyers and matching (2026_11_28_120000_create_buyer_matching): shortlists, inquiries with a thread per producer
// addressed, deal outcomes and the inquiry throttle. Declared as a merge of `Database` so the block stays self-contained.

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
}

/** 'booth': a lead left by scanning an exhibitor's booth QR code at a fair (产销对接会), tagged with the event. */
export type InquirySource = "shortlist" | "booth";

export type InquiryStatus = "new" | "replied" | "quoted" | "closed";

export interface InquiryRecipientsTable {
  id: Generated<number>;
  inquiry_id: number;
  organization_id: number;
  status: Generated<InquiryStatus>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface InquiryProductsTable {
  id: Generated<number>;
  recipient_id: number;
  product_id: number | null;
  product_name_zh: string;
  product_name_en: string | null;
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
  event_id: number | null;
  note: string | null;
  recorded_by: DealRecorder;
  recorded_by_user_id: number | null;
  created_at: DefaultTimestamp;
}

export interface MatchingThrottleEventsTable {
  id: Generated<number>;
  action: "inquiry" | "reply";
  client_key: string;
  created_at: DefaultTimestamp;
}

export interface Database {
  shortlists: ShortlistsTable;
  shortlist_items: ShortlistItemsTable;
  inquiries: InquiriesTable;
  inquiry_recipients: InquiryRecipientsTable;
  inquiry_products: InquiryProductsTable;
  inquiry_messages: InquiryMessagesTable;
  deals: DealsTable;
  matching_throttle_events: MatchingThrottleEventsTable;
}

// Trade fairs (2026_11_28_140000_create_events): events, exhibitors, curated catalogue with frozen versions, kiosk.

export type EventStatus = "draft" | "published" | "closed";

export interface EventsTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  starts_on: DateOnly;
  ends_on: DateOnly;
  venue_zh: string;
  venue_en: string | null;
  organiser_zh: string;
  organiser_en: string | null;
  status: Generated<EventStatus>;
  is_sample: Generated<boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface EventExhibitorsTable {
  id: Generated<number>;
  event_id: number;
  organization_id: number;
  hall: string | null;
  booth: string;
}

export interface SavedQuery {
  q?: string;
  county_id?: number;
  category?: string;
}

export interface EventSectionsTable {
  id: Generated<number>;
  event_id: number;
  title_zh: string;
  title_en: string | null;
  position: number;
  saved_query: ColumnType<SavedQuery | null, SavedQuery | null | undefined, SavedQuery | null>;
  created_at: DefaultTimestamp;
}

export interface EventEntriesTable {
  id: Generated<number>;
  section_id: number;
  product_id: number;
  position: number;
  note_zh: string | null;
  note_en: string | null;
  added_at: DefaultTimestamp;
}

export interface EventCatalogueVersionsTable {
  id: Generated<number>;
  event_id: number;
  version: number;
  cutoff_at: ColumnType<Date, Date | string, Date | string>;
  created_at: DefaultTimestamp;
}

export interface EventCatalogueRowsTable {
  version_id: number;
  section_id: number | null;
  section_title_zh: string;
  section_title_en: string | null;
  section_position: number;
  product_id: number;
  position: number;
  note_zh: string | null;
  note_en: string | null;
}

export interface KioskSessionsTable {
  id: Generated<number>;
  event_id: number;
  token_hash: string;
  created_at: DefaultTimestamp;
}

export interface KioskShortlistItemsTable {
  kiosk_session_id: number;
  product_id: number;
  added_at: DefaultTimestamp;
}

export interface KioskHandoffsTable {
  token_hash: string;
  event_id: number;
  product_ids: number[];
  created_at: DefaultTimestamp;
  used_at: NullableTimestamp;
}

export interface Database {
  events: EventsTable;
  event_exhibitors: EventExhibitorsTable;
  event_sections: EventSectionsTable;
  event_entries: EventEntriesTable;
  event_catalogue_versions: EventCatalogueVersionsTable;
  event_catalogue_rows: EventCatalogueRowsTable;
  kiosk_sessions: KioskSessionsTable;
  kiosk_shortlist_items: KioskShortlistItemsTable;
  kiosk_handoffs: KioskHandoffsTable;
}

// Booth leads (2026_11_28_150000_add_event_leads): booth-page views per exhibitor per day, no visitor data.

export interface EventBoothViewsTable {
  exhibitor_id: number;
  day: DateOnly;
  views: Generated<number>;
}

export interface Database {
  event_booth_views: EventBoothViewsTable;
}
