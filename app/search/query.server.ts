import type { MultiSearchQuery, SearchResponse } from "meilisearch";
import type { Db } from "../../db/client";
import { requestLogger } from "../platform/log.server";
import { HIT_ATTRIBUTES, toCatalogHit, type CatalogDocument, type CatalogHit } from "./catalog-hit";
import type { SearchContext } from "./client.server";
import { fallbackCatalog } from "./fallback.server";
import { FACET_NAMES, FACETS, SORT_EXPRESSIONS, type FacetName, type SortValue } from "./facets";
import { buildFilter, type FilterSelection, type FilterValue } from "./filter";
import { MARK_END, MARK_START } from "./highlight";
import type { SearchParams } from "./params";

export type FacetFilters = Partial<Record<FacetName, readonly FilterValue[]>>;

export interface CatalogQuery {
  q: string;
  /** facet parameter name → selected values (OR within a facet, AND across facets) */
  filters?: FacetFilters;
  sort?: SortValue;
  page: number;
  perPage: number;
  /** which facet counts to compute (default: all) */
  facets?: readonly FacetName[];
}

export interface CatalogResult {
  hits: CatalogHit[];
  total: number;
  /** facet parameter name → value → count; in degraded mode only type and county */
  facets: Partial<Record<FacetName, Record<string, number>>>;
  degraded: boolean;
  /** no record held every query word, so records holding some of them are shown */
  relaxed: boolean;
}

/** Facet parameters → Meilisearch attributes, leaving out one facet (its own counts must ignore its own selection). */
function selection(filters: FacetFilters, except?: FacetName): FilterSelection {
  const out: FilterSelection = {};
  for (const facet of FACET_NAMES) {
    const values = filters[facet];
    if (facet !== except && values && values.length > 0) out[FACETS[facet]] = values;
  }
  return out;
}

function marked(formatted: unknown): string | undefined {
  return typeof formatted === "string" && formatted.includes(MARK_START) ? formatted : undefined;
}

/**
 * The multi-search body for one catalogue query: the page of hits with every wanted facet, plus one facet-only query per
 * selected facet. Exported so the benchmark's baseline sends Meilisearch exactly what the app sends.
 */
export function meiliSearchQueries(indexName: string, query: CatalogQuery, strategy: "all" | "last"): MultiSearchQuery[] {
  const filters = query.filters ?? {};
  const wanted = query.facets ?? FACET_NAMES;
  const base = { indexUid: indexName, q: query.q, matchingStrategy: strategy } satisfies MultiSearchQuery;
  const main: MultiSearchQuery = {
    ...base,
    filter: buildFilter(selection(filters)),
    facets: wanted.map((f) => FACETS[f]),
    page: query.page,
    hitsPerPage: query.perPage,
    sort: SORT_EXPRESSIONS[query.sort ?? "relevance"],
    attributesToRetrieve: [...HIT_ATTRIBUTES],
    attributesToHighlight: ["name_zh", "name_en"],
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
  };
  // Disjunctive facets: a selected facet's counts come from the search without its own selection, so a buyer who
  // ticked 乐都区 still sees how many records the other counties hold.
  const own = selectedFacets(query);
  return [main, ...own.map((f) => ({ ...base, filter: buildFilter(selection(filters, f)), facets: [FACETS[f]], limit: 0 }))];
}

function selectedFacets(query: CatalogQuery): FacetName[] {
  const filters = query.filters ?? {};
  return (query.facets ?? FACET_NAMES).filter((f) => (filters[f]?.length ?? 0) > 0);
}

async function searchMeilisearch(search: SearchContext, query: CatalogQuery, strategy: "all" | "last") {
  const wanted = query.facets ?? FACET_NAMES;
  const own = selectedFacets(query);
  const { results } = await search.client.multiSearch<{ queries: MultiSearchQuery[] }, CatalogDocument>({
    queries: meiliSearchQueries(search.indexName, query, strategy),
  });
  const [first, ...rest] = results as SearchResponse<CatalogDocument>[];
  const facets: CatalogResult["facets"] = {};
  for (const f of wanted) facets[f] = first?.facetDistribution?.[FACETS[f]] ?? {};
  own.forEach((f, i) => (facets[f] = rest[i]?.facetDistribution?.[FACETS[f]] ?? {}));
  const hits = (first?.hits ?? []).map((h) =>
    toCatalogHit(h, { name_zh_marked: marked(h._formatted?.name_zh), name_en_marked: marked(h._formatted?.name_en) }),
  );
  return { hits, total: first?.totalHits ?? 0, facets };
}

let lastLogged = { message: "", at: 0 };
function logDegraded(error: unknown) {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // one line per distinct failure per minute, not one per keystroke while Meilisearch is down
  if (message === lastLogged.message && Date.now() - lastLogged.at < 60_000) return;
  lastLogged = { message, at: Date.now() };
  requestLogger().warn({ event: "search.degraded", reason: message }, `search degraded to PostgreSQL: ${message}`);
}

/**
 * Searches Meilisearch (every word must match; if nothing does, most words); when it is unreachable, slow (the
 * client gives up after MEILI_TIMEOUT_MS, default 1 s) or failing, answers from PostgreSQL with `degraded: true`.
 */
export async function searchCatalog(db: Db, search: SearchContext, query: CatalogQuery): Promise<CatalogResult> {
  try {
    const strict = await searchMeilisearch(search, query, "all");
    if (strict.total > 0 || !query.q.trim()) return { ...strict, degraded: false, relaxed: false };
    const loose = await searchMeilisearch(search, query, "last");
    return { ...(loose.total > 0 ? loose : strict), degraded: false, relaxed: loose.total > 0 };
  } catch (error) {
    logDegraded(error);
    return fallbackCatalog(db, query);
  }
}

/** The search a parsed /search or /api/v1/search request asks for. */
export function catalogQueryFromParams(params: SearchParams): CatalogQuery {
  return {
    q: params.q,
    filters: {
      type: params.type,
      county: params.county,
      township: params.township,
      gi_scheme: params.gi_scheme,
      nice_class: params.nice_class,
      certification: params.certification,
      month: params.month,
      well_known: params.well_known === undefined ? [] : [params.well_known],
    },
    sort: params.sort,
    page: params.page,
    perPage: params.per_page,
    facets: params.facets,
  };
}
