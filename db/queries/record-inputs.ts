// What the producer's record queries write. These are plain data shapes owned by db/: the forms in app/domain are
// validated into values that must fit them (the compiler checks it where a route passes a form's value), so the data
// layer never depends on how a screen is built.

import type { ColumnType } from "kysely";
import type { Contact, OrganizationsTable, ProductCertificationsTable, TrademarksTable } from "../schema";

type Unwrapped<T> = T extends ColumnType<infer S, unknown, unknown> ? S : T;

/** A certificate as the form lists it; rows without a kind are dropped before they reach the database. */
export type Certification = { kind: ProductCertificationsTable["kind"] | null; number: string | null; expires: string | null };

export interface ProductInput {
  name_zh: string;
  name_en: string | null;
  category: string;
  gi_product_id: number | null;
  regional_brand_id: number | null;
  trademark_id: number | null;
  availability_months: number[];
  annual_volume: number | null;
  volume_unit: string | null;
  min_order_qty: number | null;
  min_order_unit: string | null;
  pack_sizes: string[];
  storage: "ambient" | "chilled" | "frozen" | null;
  price_band: string | null;
  provinces_served: string[];
  samples_available: boolean;
  description_zh: string | null;
  description_en: string | null;
  certifications: Certification[];
}

export interface OrganizationInput {
  name_zh: string;
  name_en: string | null;
  credit_code: string;
  org_type: Unwrapped<OrganizationsTable["org_type"]>;
  county_id: number;
  address: string | null;
  website: string | null;
  /** only the filled-in ways to reach the organisation, each marked public or not */
  contacts: Contact[];
  description_zh: string | null;
  description_en: string | null;
}

export interface TrademarkInput {
  reg_no: string | null;
  name_zh: string;
  name_en: string | null;
  mark_type: Unwrapped<TrademarksTable["mark_type"]>;
  nice_classes: number[];
  goods: string | null;
  application_date: string | null;
  registration_date: string | null;
  legal_status: Unwrapped<TrademarksTable["legal_status"]>;
  well_known: boolean;
  well_known_year: number | null;
  provincial_famous: boolean;
}
