// The search facets, shared by the index settings, the filter builder, the parameter schema and the page. Safe for the
// browser bundle (no server imports). Parameter names are what /search and /api/v1/search accept and what
// `facets` in their answers is keyed by; attributes are the Meilisearch document fields behind them.

import type { CatalogHitFields } from "./catalog-hit";

export const ENTITY_TYPE_VALUES = ["gi", "trademark", "regional_brand", "product", "organization"] as const;
export type EntityTypeValue = (typeof ENTITY_TYPE_VALUES)[number];

export const GI_SCHEME_VALUES = ["protected_product", "certification_mark", "collective_mark", "agricultural"] as const;
export const CERTIFICATION_VALUES = ["green_food", "organic", "selenium_rich", "famous_special", "geo_origin", "other"] as const;

/** facet parameter name → document attribute */
export const FACETS = {
  type: "type",
  county: "county",
  township: "township",
  gi_scheme: "gi_schemes",
  nice_class: "nice_classes",
  certification: "certifications",
  month: "availability_months",
  well_known: "well_known",
} as const satisfies Record<string, keyof CatalogHitFields>;

export type FacetName = keyof typeof FACETS;
export const FACET_NAMES = Object.keys(FACETS) as FacetName[];

/**
 * Attributes a query may be restricted by that are not a facet anyone picks: `record_id`, for a search within a set of
 * products (the kiosk's: an event's exhibited products, CatalogQuery.productIds).
 */
export const RESTRICTIONS = ["record_id"] as const satisfies readonly (keyof CatalogHitFields)[];

/** The only attributes a filter may name (the index's filterableAttributes): those behind a facet, and the restrictions. */
export type FilterableAttribute = (typeof FACETS)[FacetName] | (typeof RESTRICTIONS)[number];
export const FILTERABLE = [...Object.values(FACETS), ...RESTRICTIONS] as readonly FilterableAttribute[];

export function isFacetName(name: string): name is FacetName {
  return Object.prototype.hasOwnProperty.call(FACETS, name);
}

export const SORT_VALUES = ["relevance", "name", "newest"] as const;
export type SortValue = (typeof SORT_VALUES)[number];

/** Meilisearch sort expressions per sort option (relevance: none). */
export const SORT_EXPRESSIONS: Record<SortValue, string[] | undefined> = {
  relevance: undefined,
  name: ["name_sort:asc"],
  newest: ["updated_at:desc"],
};
