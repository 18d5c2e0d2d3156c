import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { giSearchRows } from "../../db/queries/gi-products";
import { productSearchRows } from "../../db/queries/products";
import { organizationSearchRows } from "../../db/queries/organizations";
import { regionalBrandSearchRows } from "../../db/queries/regional-brands";
import { trademarkSearchRows } from "../../db/queries/trademarks";
import type { CatalogDocument } from "./catalog-index.server";
import { chineseSubstrings, pinyinFields } from "./chinese-text";

type Common = Pick<CatalogDocument, "record_id" | "type" | "name_zh" | "name_en" | "is_sample" | "url"> & {
  confidence: string;
  last_verified_at: Date | string | null;
  updated_at: Date | string;
};

function base(c: Common): CatalogDocument {
  return {
    id: `${c.type}-${c.record_id}`,
    type: c.type,
    record_id: c.record_id,
    name_zh: c.name_zh,
    name_en: c.name_en,
    description_zh: null,
    description_en: null,
    county: null,
    county_en: null,
    category: null,
    gi_schemes: [],
    nice_classes: [],
    certifications: [],
    availability_months: [],
    well_known: false,
    reg_no: null,
    credit_code: null,
    is_sample: c.is_sample,
    unverified: c.confidence !== "high" && !c.last_verified_at,
    url: c.url,
    image: null,
    name_sort: pinyinFields(c.name_zh).pinyin || c.name_zh,
    updated_at: new Date(c.updated_at).getTime(),
    name_substrings: chineseSubstrings(c.name_zh),
    ...pinyinFields(c.name_zh),
  };
}

type Builder = (db: Db, ids: number[] | undefined) => Promise<CatalogDocument[]>;

/** One builder per record type: read the current published rows (never trust the event payload) and shape them. */
export const documentBuilders: Record<SearchEntityType, Builder> = {
  gi: async (db, ids) =>
    (await giSearchRows(db, ids)).map((r) => ({
      ...base({ ...r, record_id: r.id, type: "gi", url: `/gi/${r.id}` }),
      description_zh: r.quality_zh,
      description_en: r.quality_en,
      county: r.county_zh,
      county_en: r.county_en,
      category: r.category,
      gi_schemes: r.schemes.map((s) => s.scheme),
    })),
  trademark: async (db, ids) =>
    (await trademarkSearchRows(db, ids)).map((r) => ({
      ...base({ ...r, record_id: r.id, type: "trademark", url: `/trademarks/${r.id}` }),
      description_zh: [r.goods, r.holder_org_name ?? r.holder_name].filter(Boolean).join(" · ") || null,
      county: r.county_zh,
      county_en: r.county_en,
      nice_classes: r.classes.map((k) => k.class_no),
      well_known: r.well_known,
      reg_no: r.reg_no,
    })),
  organization: async (db, ids) =>
    (await organizationSearchRows(db, ids)).map((r) => ({
      ...base({ ...r, record_id: r.id, type: "organization", url: `/organizations/${r.id}` }),
      description_zh: r.description_zh,
      description_en: r.description_en,
      county: r.county_zh,
      county_en: r.county_en,
      credit_code: r.credit_code,
    })),
  regional_brand: async (db, ids) =>
    (await regionalBrandSearchRows(db, ids)).map((r) => ({
      ...base({ ...r, record_id: r.id, type: "regional_brand", url: `/regional-brands/${r.id}` }),
      description_zh: r.description_zh,
      description_en: r.description_en,
      category: r.brand_type,
    })),
  product: async (db, ids) => {
    const today = new Date().toISOString().slice(0, 10);
    return (await productSearchRows(db, ids)).map((r) => ({
      ...base({ ...r, record_id: r.id, type: "product", url: `/products/${r.id}` }),
      description_zh: [r.organization_zh, r.description_zh].filter(Boolean).join(" · "),
      description_en: [r.organization_en, r.description_en].filter(Boolean).join(" · ") || null,
      county: r.county_zh,
      county_en: r.county_en,
      category: r.category,
      // a GI facet/badge only where the producer's authorised use is verified and valid today
      gi_schemes: r.gi_authorised ? r.gi_schemes.map((s) => s.scheme) : [],
      certifications: r.certifications.filter((c) => !c.expires_on || c.expires_on >= today).map((c) => c.kind),
      availability_months: r.availability_months,
      image: r.images[0]?.storage_key ?? null,
    }));
  },
};

export const ENTITY_TYPES = Object.keys(documentBuilders) as SearchEntityType[];
