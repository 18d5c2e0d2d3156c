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
import { correctionFrom, vocabulary, type Suggestion } from "./did-you-mean.server";
import { markName } from "./name-marks.server";
import { byNameTier, namedKey, rerankWindow } from "./name-tiers";
import { joinedSyllables, matchText, normaliseQuery, withoutPlaceWords, withoutRegionWords } from "./query-text";

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
  /** only these products (the kiosk: an event's exhibited products); none found when empty */
  productIds?: readonly number[];
}

export interface CatalogResult {
  hits: CatalogHit[];
  total: number;
  /** facet parameter name → value → count; in degraded mode only type and county */
  facets: Partial<Record<FacetName, Record<string, number>>>;
  degraded: boolean;
  /** no record held every query word, so records holding some of them are shown */
  relaxed: boolean;
  /** nothing matched the query as typed; these are the results of the spelling it surely meant (did-you-mean) */
  corrected?: Suggestion;
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

/**
 * The filter of a query: its facet selection (one facet left out, see selection), ANDed with its restriction to
 * products: type = product and record_id one of productIds (an empty list matches nothing: ids start at 1).
 */
function queryFilter(query: CatalogQuery, except?: FacetName): string[][] {
  const facets = buildFilter(selection(query.filters ?? {}, except));
  if (query.productIds === undefined) return facets;
  const ids = query.productIds.length > 0 ? query.productIds : [0];
  return [...facets, ...buildFilter({ type: ["product"], record_id: ids })];
}

function marked(formatted: unknown): string | undefined {
  return typeof formatted === "string" && formatted.includes(MARK_START) ? formatted : undefined;
}

/** Whether this page lies in the first results that are re-ordered by name tier (name-tiers.ts). */
function reranked(query: CatalogQuery): boolean {
  return namedKey(query.q, query.sort) !== undefined && query.page * query.perPage <= rerankWindow(query.perPage);
}

/**
 * The multi-search body for one catalogue query: the page of hits with every wanted facet, plus one facet-only query per
 * selected facet. Every query word must match. A page within the first results asks for all of them, which
 * name-tiers.ts re-orders. Exported so the benchmark's baseline sends Meilisearch exactly what the app sends.
 */
export function meiliSearchQueries(indexName: string, query: CatalogQuery): MultiSearchQuery[] {
  const wanted = query.facets ?? FACET_NAMES;
  const base = { indexUid: indexName, q: matchText(query.q), matchingStrategy: "all" } satisfies MultiSearchQuery;
  const main: MultiSearchQuery = {
    ...base,
    filter: queryFilter(query),
    facets: wanted.map((f) => FACETS[f]),
    ...(reranked(query) ? { page: 1, hitsPerPage: rerankWindow(query.perPage), showMatchesPosition: true } : { page: query.page, hitsPerPage: query.perPage }),
    sort: SORT_EXPRESSIONS[query.sort ?? "relevance"],
    attributesToRetrieve: [...HIT_ATTRIBUTES],
    attributesToHighlight: ["name_zh", "name_en"],
    highlightPreTag: MARK_START,
    highlightPostTag: MARK_END,
  };
  // Disjunctive facets: a selected facet's counts come from the search without its own selection, so a buyer who
  // ticked 乐都区 still sees how many records the other counties hold.
  const own = selectedFacets(query);
  return [main, ...own.map((f) => ({ ...base, filter: queryFilter(query, f), facets: [FACETS[f]], limit: 0 }))];
}

/**
 * The query a search that found nothing retries with: its place words dropped (乐都花椒 → 花椒), never its product
 * words. Meilisearch's own `last` and `frequency` strategies were tried and measured on the judged set: they also
 * drop the product (葡萄酒 fell back to every record with 酒), docs/search-relevance.md.
 */
export function relaxedQuery(q: string): string | undefined {
  return withoutPlaceWords(withoutRegionWords(normaliseQuery(q)));
}

function selectedFacets(query: CatalogQuery): FacetName[] {
  const filters = query.filters ?? {};
  return (query.facets ?? FACET_NAMES).filter((f) => (filters[f]?.length ?? 0) > 0);
}

async function searchMeilisearch(search: SearchContext, query: CatalogQuery) {
  const wanted = query.facets ?? FACET_NAMES;
  const own = selectedFacets(query);
  const { results } = await search.client.multiSearch<{ queries: MultiSearchQuery[] }, CatalogDocument>({
    queries: meiliSearchQueries(search.indexName, query),
  });
  const [first, ...rest] = results as SearchResponse<CatalogDocument>[];
  const facets: CatalogResult["facets"] = {};
  for (const f of wanted) facets[f] = first?.facetDistribution?.[FACETS[f]] ?? {};
  own.forEach((f, i) => (facets[f] = rest[i]?.facetDistribution?.[FACETS[f]] ?? {}));
  const all = first?.hits ?? [];
  // a re-ranked window came back whole (see meiliSearchQueries): order it by name tier, then cut the page
  const start = (query.page - 1) * query.perPage;
  const page = reranked(query) ? byNameTier(all, namedKey(query.q, query.sort)).slice(start, start + query.perPage) : all;
  const hits = page.map((h) =>
    toCatalogHit(h, {
      name_zh_marked: markName(h.name_zh, query.q, marked(h._formatted?.name_zh)),
      name_en_marked: markName(h.name_en, query.q, marked(h._formatted?.name_en)),
    }),
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
export async function searchCatalog(db: Db, search: SearchContext, typed: CatalogQuery): Promise<CatalogResult> {
  const query = { ...typed, q: normaliseQuery(typed.q) };
  try {
    const joined = joinedSyllables(query.q);
    if (joined) {
      const asOneWord = await searchMeilisearch(search, { ...query, q: joined });
      if (asOneWord.total > 0) return { ...asOneWord, degraded: false, relaxed: false };
    }
    const strict = await searchMeilisearch(search, query);
    if (strict.total > 0 || !query.q) return { ...strict, degraded: false, relaxed: false };
    const relaxed = relaxedQuery(query.q);
    if (relaxed) {
      const loose = await searchMeilisearch(search, { ...query, q: relaxed });
      if (loose.total > 0) return { ...loose, degraded: false, relaxed: true };
    }
    const correction = await correctionFor(db, query.q);
    if (correction) {
      const corrected = await searchMeilisearch(search, { ...query, q: correction.q });
      if (corrected.total > 0) return { ...corrected, degraded: false, relaxed: false, corrected: correction };
    }
    return { ...strict, degraded: false, relaxed: false };
  } catch (error) {
    logDegraded(error);
    return fallbackCatalog(db, query);
  }
}

async function correctionFor(db: Db, q: string): Promise<Suggestion | undefined> {
  try {
    return correctionFrom(await vocabulary(db), q);
  } catch (error) {
    // did-you-mean is a help, never a reason for a search to fail
    requestLogger().warn({ event: "search.vocabulary_failed", reason: String(error) }, "did-you-mean vocabulary could not be read");
    return undefined;
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
