import type { Db } from "../../db/client";
import type { SearchEntityType } from "../../db/schema";
import { fallbackSearch } from "../../db/queries/search-fallback";
import type { CatalogDocument } from "./catalog-index.server";
import type { SearchContext } from "./client.server";
import { buildFilter } from "./filter";
import { MARK_END, MARK_START } from "./highlight";

export interface CatalogQuery {
  q: string;
  types: SearchEntityType[];
  counties: string[];
  page: number;
  perPage: number;
}

export interface CatalogHit {
  id: string;
  type: SearchEntityType;
  record_id: number;
  name_zh: string;
  name_en: string | null;
  county: string | null;
  county_en: string | null;
  url: string;
  is_sample: boolean;
  unverified: boolean;
  gi_schemes: string[];
  /** name_zh with match markers (see highlight.ts); absent in degraded mode */
  name_zh_marked?: string;
  name_en_marked?: string;
}

export interface CatalogResult {
  hits: CatalogHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
  degraded: boolean;
}

const URL_PREFIX: Record<SearchEntityType, string> = {
  gi: "/gi/",
  trademark: "/trademarks/",
  organization: "/organizations/",
  regional_brand: "/regional-brands/",
  product: "/products/",
};

/** Searches Meilisearch; when it is unreachable, slow or failing, answers from PostgreSQL with `degraded: true`. */
export async function searchCatalog(db: Db, search: SearchContext, query: CatalogQuery): Promise<CatalogResult> {
  try {
    const res = await search.client.index<CatalogDocument>(search.indexName).search(query.q, {
      filter: buildFilter({ type: query.types, county: query.counties }),
      facets: ["type", "county", "gi_schemes"],
      page: query.page,
      hitsPerPage: query.perPage,
      attributesToHighlight: ["name_zh", "name_en"],
      highlightPreTag: MARK_START,
      highlightPostTag: MARK_END,
    });
    return {
      hits: res.hits.map((h) => ({
        id: h.id,
        type: h.type,
        record_id: h.record_id,
        name_zh: h.name_zh,
        name_en: h.name_en,
        county: h.county,
        county_en: h.county_en,
        url: h.url,
        is_sample: h.is_sample,
        unverified: h.unverified,
        gi_schemes: h.gi_schemes,
        name_zh_marked: h._formatted?.name_zh ?? undefined,
        name_en_marked: h._formatted?.name_en ?? undefined,
      })),
      total: res.totalHits ?? 0,
      facets: res.facetDistribution ?? {},
      degraded: false,
    };
  } catch {
    const { hits, total } = await fallbackSearch(db, {
      q: query.q,
      types: query.types,
      counties: query.counties,
      limit: query.perPage,
      offset: (query.page - 1) * query.perPage,
    });
    return {
      hits: hits.map((h) => ({ ...h, id: `${h.type}-${h.record_id}`, url: `${URL_PREFIX[h.type]}${h.record_id}`, gi_schemes: [] })),
      total,
      facets: {},
      degraded: true,
    };
  }
}
