import type { Db } from "../../db/client";
import { fallbackSearch } from "../../db/queries/search-fallback";
import { recordPath } from "../records/paths";
import { catalogDocumentId, toCatalogHit } from "./catalog-hit";
import { FACET_NAMES, type FacetName } from "./facets";
import { MARK_END, MARK_START } from "./highlight";
import type { CatalogQuery, CatalogResult } from "./query.server";
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

function markPlain(text: string | null, needles: string[]): string | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  for (const n of needles) {
    const i = n ? lower.indexOf(n.toLowerCase()) : -1;
    // only where lower-casing kept the length, so the offsets still line up
    if (i >= 0 && lower.length === text.length) {
      return `${text.slice(0, i)}${MARK_START}${text.slice(i, i + n.length)}${MARK_END}${text.slice(i + n.length)}`;
    }
  }
  return undefined;
}

export async function fallbackCatalog(db: Db, query: CatalogQuery): Promise<CatalogResult> {
  const filters = query.filters ?? {};
  const strings = (f: FacetName) => (filters[f] ?? []).map(String);
  const numbers = (f: FacetName) => (filters[f] ?? []).map(Number);
  const match = fallbackMatch(query.q);
  const wellKnown = filters.well_known?.length === 1 ? filters.well_known[0] === true || filters.well_known[0] === "true" : undefined;
  const res = await fallbackSearch(db, {
    ...match,
    rankText: query.q,
    types: strings("type"),
    counties: strings("county"),
    townships: strings("township"),
    giSchemes: strings("gi_scheme"),
    niceClasses: numbers("nice_class"),
    certifications: strings("certification"),
    months: numbers("month"),
    wellKnown,
    sort: query.sort ?? "relevance",
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  });
  const needles = [...match.anyOf, ...match.allOf.flat()].sort((a, b) => b.length - a.length);
  const wanted = query.facets ?? FACET_NAMES;
  const facets: CatalogResult["facets"] = {};
  if (wanted.includes("type")) facets.type = res.facets.type;
  if (wanted.includes("county")) facets.county = res.facets.county;
  return {
    hits: res.hits.map((h) =>
      toCatalogHit(
        { ...h, record_id: Number(h.record_id), id: catalogDocumentId(h.type, h.record_id), url: recordPath(h.type, h.record_id) },
        { name_zh_marked: markPlain(h.name_zh, needles), name_en_marked: markPlain(h.name_en, needles) },
      ),
    ),
    total: res.total,
    facets,
    degraded: true,
    relaxed: false,
  };
}
