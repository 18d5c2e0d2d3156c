import { z } from "zod";
import { ENTITY_TYPE_VALUES } from "./facets";

// The one definition of a catalogue search document and of the hit cut from it. The Meilisearch document type, the
// displayed and retrieved attribute lists, the hit type, the copy of a raw hit and the PostgreSQL fallback's column
// list are all derived from these three objects, so adding a field or facet means adding it here (plus the code
// that fills it: documents.server.ts and the fallback's candidates). Safe for the browser bundle.

const text = z.string().nullable().default(null);
const texts = z.array(z.string()).default([]);
const numbers = z.array(z.number()).default([]);

/** What a result card and the search API show; field order is the API's JSON order. */
const HIT_FIELDS = {
  id: z.string(),
  type: z.enum(ENTITY_TYPE_VALUES),
  record_id: z.number(),
  name_zh: z.string(),
  name_en: text,
  county: text,
  county_en: text,
  /** 乡镇 of the producer (products, organisations) where the data has it */
  township: text,
  township_en: text,
  category: text,
  url: z.string(),
  gi_schemes: texts,
  nice_classes: numbers,
  certifications: texts,
  availability_months: numbers,
  well_known: z.boolean().default(false),
  /** trademark registration number, or a GI's registration/announcement numbers */
  reg_no: text,
  /** a product's regional public brand, only while its licence is verified and valid */
  regional_brand: text,
  regional_brand_en: text,
  /** a product's trademark */
  trademark: text,
  is_sample: z.boolean(),
  /** medium/low-confidence reference facts not yet checked by staff (待核实), see app/domain/verification.ts */
  unverified: z.boolean(),
} as const;

/** Public fields stored for other readers of the index (open data, the PDF) but not on a result card. */
const DISPLAYED_ONLY_FIELDS = {
  description_zh: text,
  description_en: text,
  credit_code: text,
  image: text,
  updated_at: z.number(),
} as const;

/** Search-only helpers: ranked and matched on, never displayed or retrieved, so they need no runtime list. */
interface SearchOnlyFields {
  name_sort: string;
  /** the order of equally good matches (record-rank.ts): official records first, samples last */
  record_rank: number;
  /** certificate numbers of a product's certifications (绿色食品 LB-…), found when typed exactly */
  certificate_nos: string[];
  name_substrings: string[];
  pinyin: string;
  pinyin_joined: string[];
  pinyin_initials: string[];
  /** what the record is, in words buyers type: 地理标志产品 / GI product, 绿色食品 / green food, 驰名商标 … */
  labels_zh: string[];
  labels_en: string[];
}

const HIT = z.object(HIT_FIELDS);

/**
 * One index for every record type, with `type` as a facet (docs/decisions/006-one-search-index.md): facet counts,
 * pagination and ranking then span types without merging federated results.
 */
export type CatalogDocument = z.output<z.ZodObject<typeof HIT_FIELDS & typeof DISPLAYED_ONLY_FIELDS>> & SearchOnlyFields;
export type CatalogHitFields = z.output<typeof HIT>;

export interface CatalogHit extends CatalogHitFields {
  /** name_zh with match markers (see highlight.ts); absent when nothing is marked */
  name_zh_marked?: string;
  name_en_marked?: string;
}

type Keys<T> = readonly (keyof T & string)[];
const keys = <T extends object>(o: T) => Object.keys(o) as unknown as Keys<T>;

/** attributesToRetrieve: exactly what a hit carries. */
export const HIT_ATTRIBUTES = keys(HIT_FIELDS);
/** displayedAttributes: public fields only, so search-only helpers never leave Meilisearch. */
export const DISPLAYED_ATTRIBUTES = [...HIT_ATTRIBUTES, ...keys(DISPLAYED_ONLY_FIELDS)] as const;
/** What the PostgreSQL fallback selects per hit: everything but the id and URL, which follow from type and record id. */
export const FALLBACK_HIT_COLUMNS = HIT_ATTRIBUTES.filter((k): k is Exclude<keyof CatalogHitFields, "id" | "url"> => k !== "id" && k !== "url");
export type FallbackHit = Pick<CatalogHitFields, (typeof FALLBACK_HIT_COLUMNS)[number]>;

/** The document's primary key: one index holds every type, so the type is part of it. */
export function catalogDocumentId(type: CatalogHitFields["type"], recordId: number | string): string {
  return `${type}-${recordId}`;
}

/** A raw hit (a Meilisearch document, a fallback row) cut down to the hit's fields, with the defaults for absent ones. */
export function toCatalogHit(raw: unknown, marks: Pick<CatalogHit, "name_zh_marked" | "name_en_marked">): CatalogHit {
  return { ...HIT.parse(raw), ...marks };
}
