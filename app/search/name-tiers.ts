import { pinyinFields } from "./chinese-text";
import { brandName, isCountyWord, nameKey, nameKeys, normaliseQuery, withoutRegionWords } from "./query-text";
import { synonymsOf } from "./synonyms";

// Among the first results, what the buyer named comes before what merely mentions it (decision 039). Meilisearch ranks
// the official record first among equally good matches (record_rank), which also lifted a GI product whose description
// mentions 威远镇 above the trademark 威远青稞酒, and a brand whose text names 天佑德 above the mark 天佑德. So the top of
// the list is re-ordered, keeping Meilisearch's order within each tier:
//   1. the record named exactly as typed (its Chinese or English name, whole pinyin or initials; 互助牌 → the mark 互助);
//   2. records that matched in a name (their own, their brand's or trademark's, pinyin, numbers);
//   3. records that matched only elsewhere (descriptions, labels, places);
// and every sample (示例) record after every real one.
// A county on its own (互助, huzhu) is browsing, not naming: its order stays Meilisearch's, county GI products first. A
// township's name is also a brand's often enough (威远镇, 威远青稞酒) to be treated as a name.

/** How many first results are re-ordered: a whole number of pages, about 50 records. */
export function rerankWindow(perPage: number): number {
  return perPage * Math.ceil(50 / perPage);
}

/** The attributes that hold a record's names (see searchableAttributes); a match elsewhere is a mention. */
const NAME_ATTRIBUTES = new Set([
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
  "name_substrings",
]);

/** The name a query may be typed as, or undefined when it names no record (empty, a place, a sort the buyer chose). */
export function namedKey(q: string, sort: string | undefined): string | undefined {
  if ((sort ?? "relevance") !== "relevance") return undefined;
  const text = withoutRegionWords(normaliseQuery(q));
  const brand = brandName(text);
  if (brand) return nameKey(brand);
  return text && !isCountyWord(text) ? nameKey(text) : undefined;
}

interface RankedHit {
  name_zh: string;
  name_en?: string | null;
  trademark?: string | null;
  regional_brand?: string | null;
  reg_no?: string | null;
  is_sample?: boolean;
  _matchesPosition?: Record<string, unknown>;
}

const compact = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** Every query word (or a synonym of it) is in one of the record's names, as written or as pinyin. */
function namesHoldEveryWord(hit: RankedHit, words: readonly string[]): boolean {
  const p = pinyinFields(hit.name_zh, 20);
  const names = [hit.name_zh, hit.name_en, hit.trademark, hit.regional_brand, hit.reg_no, p.pinyin, p.pinyin_initials.join(" ")]
    .filter((n): n is string => !!n)
    .map(compact);
  return words.every((w) => synonymsOf(w).some((s) => compact(s) !== "" && names.some((n) => n.includes(compact(s)))));
}

function tier(hit: RankedHit, key: string, words: readonly string[]): number {
  if (nameKeys(hit.name_zh, hit.name_en ?? null).includes(key)) return 1;
  if (namesHoldEveryWord(hit, words)) return 2;
  // one word Meilisearch matched in a name with a typo it tolerated (potatoe, walnutt)
  const matched = Object.keys(hit._matchesPosition ?? {}).map((a) => a.split(".")[0]!);
  return words.length === 1 && /^[\p{Script=Latin}\d]+$/u.test(words[0]!) && matched.some((a) => NAME_ATTRIBUTES.has(a)) ? 2 : 3;
}

/** The hits in tier order, Meilisearch's order kept within a tier (a stable sort). */
export function byNameTier<T extends RankedHit>(hits: readonly T[], key: string | undefined): T[] {
  if (key === undefined) return [...hits];
  const words = key.split(" ").filter(Boolean);
  return (
    hits
      // a sample (示例) record stays after every real one, whatever it is named
      .map((hit, i) => ({ hit, i, t: tier(hit, key, words) + (hit.is_sample ? 10 : 0) }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((x) => x.hit)
  );
}
