import type { Db } from "../../db/client";
import {
  giRecords,
  organizationRecords,
  productRecords,
  regionalBrandRecords,
  trademarkRecords,
  type GiRecordRow,
  type OpenDataType,
  type OrganizationRecordRow,
  type ProductRecordRow,
  type RegionalBrandRecordRow,
  type TrademarkRecordRow,
} from "../../db/queries/open-data";
import type { ImageVariant } from "../../db/schema";
import { trademarkValidity } from "../domain/trademark-validity";
import type { GiProductRecord, OrganizationRecord, ProductRecord, RegionalBrandRecord, TrademarkRecord } from "./schemas";
import { isUnverified, type VerificationFacts } from "../domain/verification";

// Read-model rows → the public JSON records of the API and the bulk dumps (one mapping for both).

export const RECORD_PATHS: Record<OpenDataType, string> = {
  gi: "/gi",
  trademarks: "/trademarks",
  "regional-brands": "/regional-brands",
  products: "/products",
  organizations: "/organizations",
};

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const place = (zh: string | null, en: string | null) => (zh ? { name_zh: zh, name_en: en } : null);
const verified = (r: VerificationFacts) => !isUnverified(r);
const confidence = (c: string) => (c === "high" || c === "low" ? c : "medium");
const num = (v: string | number | null) => (v === null ? null : Number(v));

function common(
  type: OpenDataType,
  r: {
    id: number | string;
    name_zh: string;
    name_en: string | null;
    confidence: string;
    last_verified_at: Date | string | null;
    is_sample: boolean;
    updated_at: Date | string;
  },
) {
  return {
    id: Number(r.id),
    url: `${RECORD_PATHS[type]}/${r.id}`,
    name_zh: r.name_zh,
    name_en: r.name_en,
    confidence: confidence(r.confidence),
    verified: verified(r),
    is_sample: r.is_sample,
    updated_at: iso(r.updated_at),
  } as const;
}

export function giRecord(r: GiRecordRow): GiProductRecord {
  return {
    ...common("gi", r),
    pinyin: r.pinyin,
    category: r.category,
    county: place(r.county_zh, r.county_en),
    holder_name: r.holder_name,
    quality_zh: r.quality_zh,
    quality_en: r.quality_en,
    standard: r.standard,
    schemes: r.schemes.map((s) => ({
      scheme: s.scheme,
      name_zh: s.name_zh,
      name_en: s.name_en,
      reg_no: s.reg_no,
      reg_date: s.reg_date,
      approval_year: s.approval_year,
    })),
    sources: r.source,
  };
}

export function trademarkRecord(r: TrademarkRecordRow, today: string): TrademarkRecord {
  const v = trademarkValidity(r.registration_date, r.legal_status, today);
  return {
    ...common("trademarks", r),
    reg_no: r.reg_no,
    mark_type: r.mark_type,
    goods: r.goods,
    holder_name: r.holder_org_name ?? r.holder_name,
    county: place(r.county_zh, r.county_en),
    application_date: r.application_date,
    registration_date: r.registration_date,
    legal_status: r.legal_status,
    validity:
      v.state === "not_registered"
        ? { state: v.state, expires_on: null, renewal_opens_on: null, grace_ends_on: null }
        : { state: v.state, expires_on: v.expiresOn, renewal_opens_on: v.renewalOpensOn, grace_ends_on: v.graceEndsOn },
    well_known: r.well_known,
    well_known_year: r.well_known_year,
    provincial_famous: r.provincial_famous,
    nice_classes: r.classes.map((c) => ({ class_no: c.class_no, goods: c.goods })),
    sources: r.source,
  };
}

export function regionalBrandRecord(r: RegionalBrandRecordRow): RegionalBrandRecord {
  return {
    ...common("regional-brands", r),
    brand_type: r.brand_type,
    owner_name: r.owner_name,
    scope: r.scope,
    slogan: r.slogan,
    description_zh: r.description_zh,
    description_en: r.description_en,
    launched_on: r.launched_on,
    sources: r.source,
  };
}

/** The largest JPEG variant (what Open Graph and most consumers can show), else the largest of any format. */
export function bestVariant(variants: ImageVariant[]): ImageVariant | undefined {
  const bySize = [...variants].sort((a, b) => b.width - a.width);
  return bySize.find((v) => v.format === "jpeg") ?? bySize[0];
}

export function productRecord(r: ProductRecordRow, today: string): ProductRecord {
  return {
    ...common("products", r),
    category: r.category,
    organization: { id: Number(r.organization_id), name_zh: r.organization_zh, name_en: r.organization_en, url: `/organizations/${r.organization_id}` },
    county: place(r.county_zh, r.county_en),
    township: r.township_zh,
    gi: r.gi_id
      ? {
          id: Number(r.gi_id),
          name_zh: r.gi_name_zh ?? "",
          url: `/gi/${r.gi_id}`,
          schemes: r.gi_schemes.map((s) => s.scheme),
          authorised: Boolean(r.gi_authorised),
        }
      : null,
    regional_brand: r.regional_brand_id
      ? {
          id: Number(r.regional_brand_id),
          name_zh: r.regional_brand_zh ?? "",
          url: `/regional-brands/${r.regional_brand_id}`,
          licensed: Boolean(r.regional_brand_licensed),
        }
      : null,
    trademark: r.trademark_id ? { id: Number(r.trademark_id), name_zh: r.trademark_zh ?? "", url: `/trademarks/${r.trademark_id}` } : null,
    availability_months: r.availability_months,
    annual_volume: num(r.annual_volume),
    volume_unit: r.volume_unit,
    min_order_qty: num(r.min_order_qty),
    min_order_unit: r.min_order_unit,
    pack_sizes: r.pack_sizes,
    storage: r.storage,
    price_band: r.price_band,
    provinces_served: r.provinces_served,
    samples_available: r.samples_available,
    description_zh: r.description_zh,
    description_en: r.description_en,
    certifications: r.certifications
      .filter((c) => !c.expires_on || c.expires_on >= today)
      .map((c) => ({ kind: c.kind, certificate_no: c.certificate_no, expires_on: c.expires_on })),
    images: r.images.flatMap((i) => {
      const v = bestVariant(i.variants);
      return v ? [{ url: `/images/${v.key}`, width: v.width, height: v.height, alt_zh: i.alt_zh, alt_en: i.alt_en }] : [];
    }),
    sources: r.source,
  };
}

export function organizationRecord(r: OrganizationRecordRow): OrganizationRecord {
  return {
    ...common("organizations", r),
    credit_code: r.credit_code,
    org_type: r.org_type,
    county: place(r.county_zh, r.county_en),
    township: r.township_zh,
    address: r.address,
    website: r.website,
    contacts: r.contacts,
    description_zh: r.description_zh,
    description_en: r.description_en,
    sources: r.source,
  };
}

export type OpenDataRecord = GiProductRecord | TrademarkRecord | RegionalBrandRecord | ProductRecord | OrganizationRecord;

/** The public records of one type, in id order: the given ids, or all of them (bulk dumps). */
export async function loadRecords(db: Db, type: OpenDataType, today: string, ids?: number[]): Promise<OpenDataRecord[]> {
  switch (type) {
    case "gi":
      return (await giRecords(db, ids)).map(giRecord);
    case "trademarks":
      return (await trademarkRecords(db, ids)).map((r) => trademarkRecord(r, today));
    case "regional-brands":
      return (await regionalBrandRecords(db, ids)).map(regionalBrandRecord);
    case "products":
      return (await productRecords(db, ids)).map((r) => productRecord(r, today));
    case "organizations":
      return (await organizationRecords(db, ids)).map(organizationRecord);
  }
}
