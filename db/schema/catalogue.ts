import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { DateOnly, DefaultJson, DefaultTimestamp, NullableTimestamp, RecordColumns, RecordStatus, ReviewColumns } from "./columns";

// Catalogue tables (2026_11_28_090000_create_catalogue): places, Nice classes, GI schemes, organisations, trademarks,
// GI products, regional brands, products, images, figures and the search outbox.

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
  /** the protected area in words where the sources list no townships (gi_protected_places holds those listed) */
  area_zh: string | null;
  area_en: string | null;
  /** 登记情况: what is and is not documented about the registration */
  register_zh: string | null;
  register_en: string | null;
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

/** superseded: a verified authorisation replaced by its verified renewal (renews_id on the renewal, until verified). */
export type Verification = "pending" | "verified" | "rejected" | "revoked" | "superseded";

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
  /** a pending (or rejected) renewal: the authorisation it will supersede when verified */
  renews_id: Generated<number | null>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

/** A file backing a claim (exactly one of the two claim ids is set); the file itself lives in private storage. */
export interface ClaimEvidenceTable {
  id: Generated<number>;
  gi_authorised_user_id: number | null;
  regional_brand_licence_id: number | null;
  storage_key: string;
  content_type: "application/pdf" | "image/jpeg";
  file_name: string;
  byte_size: number;
  uploaded_by: number | null;
  created_at: DefaultTimestamp;
}

export interface RegionalBrandsTable extends RecordColumns {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  /** the type in English; brand_type_zh in Chinese */
  brand_type: string | null;
  brand_type_zh: string | null;
  /** scope is Chinese */
  scope_en: string | null;
  county_id: number | null;
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
  /** a pending (or rejected) renewal: the authorisation it will supersede when verified */
  renews_id: Generated<number | null>;
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
  /** set while the product is in the producer's recycle bin (status is then 'archived'); purged 30 days later */
  deleted_at: NullableTimestamp;
  /** the status restoring from the bin gives back; set exactly when deleted_at is */
  status_before_delete: RecordStatus | null;
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

/** The city's official figure for a metric and year, entered by staff (app/domain/official-figures.ts). */
export interface OfficialFiguresTable {
  id: Generated<number>;
  metric: string;
  year: number;
  value: number;
  source_text: string;
  source_url: string | null;
  entered_by: number | null;
  entered_at: DefaultTimestamp;
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

export type GiProduct = Selectable<GiProductsTable>;
export type NewGiProduct = Insertable<GiProductsTable>;
export type GiProductUpdate = Updateable<GiProductsTable>;
export type Place = Selectable<PlacesTable>;

export interface CatalogueTables {
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
  claim_evidence: ClaimEvidenceTable;
  regional_brands: RegionalBrandsTable;
  regional_brand_licences: RegionalBrandLicencesTable;
  products: ProductsTable;
  product_certifications: ProductCertificationsTable;
  images: ImagesTable;
  figures: FiguresTable;
  official_figures: OfficialFiguresTable;
  search_outbox: SearchOutboxTable;
}
