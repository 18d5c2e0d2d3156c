import type { Settings } from "meilisearch";
import type { SearchContext } from "./client.server";
import { FILTERABLE } from "./facets";
import { synonymMap } from "./synonyms";
import { DISPLAYED_ATTRIBUTES } from "./catalog-hit";

export { FILTERABLE, type FilterableAttribute } from "./facets";

// The document itself is defined in catalog-hit.ts; the settings here say how Meilisearch ranks and filters it.

/**
 * The attributes that hold what a record is called: its names, numbers, pinyin, and its brand's and trademark's names.
 * A match here names the record; a match elsewhere mentions it (name-tiers.ts), along with `name_substrings`.
 */
export const NAME_ATTRIBUTES = [
  "name_zh",
  "name_en",
  "reg_no",
  "credit_code",
  "certificate_nos",
  "pinyin_joined",
  "pinyin_initials",
  "pinyin",
  "trademark",
  "regional_brand",
] as const;

export const catalogSettings: Settings = {
  // Order matters (the `attribute` rule): whole names first, then identifiers and pinyin, then place, brand and
  // labels, descriptions, and the Chinese character substrings last, so a whole-word match always ranks above a
  // substring-only match (稞酒 finds 互助青稞酒, but below records whose name holds the word).
  searchableAttributes: [
    ...NAME_ATTRIBUTES,
    "county",
    "county_en",
    "township",
    "category",
    "labels_zh",
    "labels_en",
    "description_zh",
    "description_en",
    "name_substrings",
  ],
  displayedAttributes: [...DISPLAYED_ATTRIBUTES],
  filterableAttributes: [...FILTERABLE, "is_sample"],
  sortableAttributes: ["name_sort", "updated_at"],
  // `sort` first: a buyer who asks for name or newest order gets exactly that order over the matching records;
  // without a sort parameter the rule does nothing and relevance decides. `record_rank` right after `words`: among
  // records holding as many of the query's words, the official record (GI product, regional brand) comes before
  // products, trademarks and producers, and real records before samples (record-rank.ts, decision 039).
  rankingRules: ["sort", "words", "record_rank:asc", "typo", "proximity", "attribute", "exactness"],
  synonyms: synonymMap(),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    // an exact registration number or credit code must find its own record, not a neighbour one digit away;
    // substrings and initials are already fuzzy by construction; descriptions are long prose where a tolerated typo
    // finds a different word ("organic" found "organises")
    disableOnAttributes: ["reg_no", "credit_code", "certificate_nos", "name_substrings", "pinyin_initials", "description_zh", "description_en"],
    disableOnNumbers: true,
  },
  localizedAttributes: [
    {
      attributePatterns: ["name_zh", "description_zh", "county", "township", "trademark", "regional_brand", "labels_zh", "name_substrings"],
      locales: ["cmn"],
    },
    { attributePatterns: ["name_en", "description_en", "county_en", "labels_en"], locales: ["eng"] },
  ],
  faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
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
  const task = await ctx.client.index(indexName).updateSettings(catalogSettings).waitTask({ timeout: 60_000 });
  if (task.status !== "succeeded") throw new Error(`index settings ${task.status}: ${task.error?.message ?? ""}`);
}
