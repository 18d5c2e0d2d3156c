import type { Settings } from "meilisearch";
import type { SearchContext } from "./client.server";
import { synonymMap } from "./synonyms";
import type { SearchEntityType } from "../../db/schema";

/**
 * One index for every record type, with `type` as a facet (docs/decisions/006-one-search-index.md): facet counts,
 * pagination and ranking then span types without merging federated results.
 */
export interface CatalogDocument {
  id: string;
  type: SearchEntityType;
  record_id: number;
  name_zh: string;
  name_en: string | null;
  description_zh: string | null;
  description_en: string | null;
  county: string | null;
  county_en: string | null;
  category: string | null;
  gi_schemes: string[];
  nice_classes: number[];
  certifications: string[];
  availability_months: number[];
  well_known: boolean;
  reg_no: string | null;
  credit_code: string | null;
  is_sample: boolean;
  /** medium/low-confidence reference facts not yet checked by staff (待核实) */
  unverified: boolean;
  url: string;
  image: string | null;
  name_sort: string;
  updated_at: number;
  // search-only fields, never displayed
  name_substrings: string[];
  pinyin: string;
  pinyin_joined: string[];
  pinyin_initials: string[];
}

const displayed: (keyof CatalogDocument)[] = [
  "id", "type", "record_id", "name_zh", "name_en", "description_zh", "description_en", "county", "county_en", "category",
  "gi_schemes", "nice_classes", "certifications", "availability_months", "well_known", "reg_no", "credit_code",
  "is_sample", "unverified", "url", "image", "updated_at",
];

export const FILTERABLE = ["type", "county", "gi_schemes", "nice_classes", "certifications", "availability_months", "well_known", "is_sample"] as const;
export type FilterableAttribute = (typeof FILTERABLE)[number];

export const catalogSettings: Settings = {
  // Order matters: whole names first, then pinyin, then descriptions, and character substrings last, so a
  // whole-word match always ranks above a substring-only match.
  searchableAttributes: [
    "name_zh", "name_en", "reg_no", "credit_code", "pinyin_joined", "pinyin_initials", "pinyin", "county", "county_en",
    "category", "description_zh", "description_en", "name_substrings",
  ],
  displayedAttributes: displayed,
  filterableAttributes: [...FILTERABLE],
  sortableAttributes: ["name_sort", "updated_at"],
  synonyms: synonymMap(),
  typoTolerance: {
    // an exact registration number or credit code must find its own record, not a neighbour one digit away
    disableOnAttributes: ["reg_no", "credit_code", "name_substrings", "pinyin_initials"],
    disableOnNumbers: true,
  },
  localizedAttributes: [
    { attributePatterns: ["name_zh", "description_zh", "county", "name_substrings"], locales: ["cmn"] },
    { attributePatterns: ["name_en", "description_en", "county_en"], locales: ["eng"] },
  ],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 10000 },
};

/** Creates the index if needed and applies settings; settings always land before any document. */
export async function ensureCatalogIndex(ctx: SearchContext, indexName = ctx.indexName) {
  const exists = await ctx.client
    .getIndex(indexName)
    .then(() => true)
    .catch((e: { cause?: { code?: string } }) => {
      if (e?.cause?.code === "index_not_found") return false;
      throw e;
    });
  if (!exists) await ctx.client.createIndex(indexName, { primaryKey: "id" }).waitTask({ timeout: 30_000 });
  await ctx.client.index(indexName).updateSettings(catalogSettings).waitTask({ timeout: 60_000 });
}
