import type { Db } from "../../db/client";
import { fallbackSearch } from "../../db/queries/search-fallback";
import { recordPath } from "../records/paths";
import { catalogDocumentId, toCatalogHit } from "./catalog-hit";
import { FACET_NAMES, type FacetName } from "./facets";
import { markName } from "./name-marks.server";
import type { CatalogQuery, CatalogResult } from "./query.server";
import { matchText } from "./query-text";
import { synonymsOf } from "./synonyms";

// The degraded mode's side of a catalogue search (docs/decisions/005 and 040): a CatalogQuery answered from
// PostgreSQL's search table (db/queries/search-fallback.ts) when Meilisearch cannot answer.

/** Whole-query spellings and per-word spellings (synonym groups) for the PostgreSQL fallback. */
export function fallbackMatch(q: string): { anyOf: string[]; allOf: string[][] } {
  const text = q.trim();
  if (!text) return { anyOf: [], allOf: [] };
  const words = text.split(/\s+/).slice(0, 6);
  return { anyOf: synonymsOf(text), allOf: words.length > 1 ? words.map((w) => synonymsOf(w)) : [] };
}

export async function fallbackCatalog(db: Db, query: CatalogQuery): Promise<CatalogResult> {
  const filters = query.filters ?? {};
  const strings = (f: FacetName) => (filters[f] ?? []).map(String);
  const numbers = (f: FacetName) => (filters[f] ?? []).map(Number);
  // the same rewriting as Meilisearch's side: simplified characters, no province or city words, 互助牌 as 互助
  const text = matchText(query.q);
  const match = fallbackMatch(text);
  const wellKnown = filters.well_known?.length === 1 ? filters.well_known[0] === true || filters.well_known[0] === "true" : undefined;
  const res = await fallbackSearch(db, {
    ...match,
    rankText: text,
    types: strings("type"),
    counties: strings("county"),
    townships: strings("township"),
    giSchemes: strings("gi_scheme"),
    niceClasses: numbers("nice_class"),
    certifications: strings("certification"),
    months: numbers("month"),
    wellKnown,
    productIds: query.productIds,
    sort: query.sort ?? "relevance",
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const wanted = query.facets ?? FACET_NAMES;
  const facets: CatalogResult["facets"] = {};
  if (wanted.includes("type")) facets.type = res.facets.type;
  if (wanted.includes("county")) facets.county = res.facets.county;
  return {
    hits: res.hits.map((h) =>
      toCatalogHit(
        { ...h, record_id: Number(h.record_id), id: catalogDocumentId(h.type, h.record_id), url: recordPath(h.type, h.record_id) },
        { name_zh_marked: markName(h.name_zh, text), name_en_marked: markName(h.name_en, text) },
      ),
    ),
    total: res.total,
    facets,
    degraded: true,
    relaxed: false,
  };
}
