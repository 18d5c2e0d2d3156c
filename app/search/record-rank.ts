import type { CatalogHitFields } from "./catalog-hit";

// The trust/kind order of search results (issue 17): one rule for the PostgreSQL fallback (stored as
// search_records.kind_rank, see db/queries/search-table.ts) and for Meilisearch, so both sides rank alike.
// Safe for the browser bundle.

export interface RankedRecord {
  type: CatalogHitFields["type"];
  is_sample: boolean;
  /** 待核实: medium/low-confidence facts not yet checked by staff (app/domain/verification.ts) */
  unverified: boolean;
}

/** The order of record kinds among verified, real records: what a buyer can rely on most comes first. */
const KIND_ORDER: Record<CatalogHitFields["type"], number> = {
  gi: 0,
  regional_brand: 0,
  product: 1,
  trademark: 2,
  organization: 2,
};

/** One past the highest rank a real record can have: every sample record ranks at or after it. */
export const SAMPLE_RANK_OFFSET = 4;

/**
 * Lower ranks first: verified GI products and regional brands (0), then verified products (1), then trademarks and
 * organisations (2), then any record still 待核实 (3); sample records (示例数据) always after every real record
 * (the same order again, shifted by SAMPLE_RANK_OFFSET).
 */
export function recordRank(r: RankedRecord): number {
  const base = r.unverified ? 3 : KIND_ORDER[r.type];
  return (r.is_sample ? SAMPLE_RANK_OFFSET : 0) + base;
}

/** Every (type, is_sample, unverified) combination, for callers that tabulate the rule (the SQL twin). */
export function allRankedRecords(): RankedRecord[] {
  const out: RankedRecord[] = [];
  for (const type of Object.keys(KIND_ORDER) as RankedRecord["type"][])
    for (const is_sample of [false, true]) for (const unverified of [false, true]) out.push({ type, is_sample, unverified });
  return out;
}
