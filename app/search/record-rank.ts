import type { CatalogHitFields } from "./catalog-hit";

// What a buyer should see first among records that match a query equally well (docs/decisions/039): the official
// record before the commercial one, and the real catalogue before its samples. Meilisearch ranks on it through the
// `record_rank:asc` rule; the PostgreSQL fallback orders by the same number.
//
//   GI products (地理标志产品)            0
//   regional public brands (区域公用品牌) 1
//   producers' products                   2
//   trademarks and producers              3
//
// Within a kind, a record with facts not yet checked by staff (待核实) comes after the checked ones: the official record
// stays first while its sources are being checked (most reference GIs are), since it is still the record a buyer
// means. Every sample record (示例) comes after every real one.

const KIND_RANK: Record<CatalogHitFields["type"], number> = { gi: 0, regional_brand: 1, product: 2, trademark: 3, organization: 3 };

export function recordRank(r: Pick<CatalogHitFields, "type" | "is_sample" | "unverified">): number {
  return (r.is_sample ? 20 : 0) + KIND_RANK[r.type] * 2 + (r.unverified ? 1 : 0);
}

type RankedRecord = Pick<CatalogHitFields, "type" | "is_sample" | "unverified">;

/** Every combination recordRank distinguishes: the PostgreSQL fallback turns the rule into a lookup table from these. */
export function allRankedRecords(): RankedRecord[] {
  const out: RankedRecord[] = [];
  for (const type of Object.keys(KIND_RANK) as RankedRecord["type"][])
    for (const is_sample of [false, true]) for (const unverified of [false, true]) out.push({ type, is_sample, unverified });
  return out;
}
