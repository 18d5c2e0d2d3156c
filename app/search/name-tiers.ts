import { NAME_ATTRIBUTES } from "./catalog-index.server";
import { syllables } from "./chinese-text";
import { brandName, isCountyWord, nameKey, normaliseQuery, withoutRegionWords } from "./query-text";
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

/** Where a match names the record rather than mentions it (the index's name attributes and its name substrings). */
const NAMED_IN = new Set<string>([...NAME_ATTRIBUTES, "name_substrings"]);

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
const LATIN = /^[\p{Script=Latin}\d]+$/u;

// Result names repeat from search to search: their readings are kept (bounded, per process) rather than re-read.
const readings = new Map<string, string[]>();
function syllablesOf(name: string): string[] {
  let s = readings.get(name);
  if (!s) {
    if (readings.size >= 20_000) readings.clear();
    s = syllables(name);
    readings.set(name, s);
  }
  return s;
}

function tier(hit: RankedHit, key: string, words: readonly string[]): number {
  // pinyin of the name only when the buyer typed Latin letters: one reading per hit, not one per rule
  const latin = words.some((w) => LATIN.test(w));
  const s = latin ? syllablesOf(hit.name_zh) : [];
  const joined = s.join("");
  const initials = s.map((x) => x[0]).join("");
  const exact = [nameKey(hit.name_zh), hit.name_en ? nameKey(hit.name_en) : "", s.length >= 2 ? joined : "", s.length >= 3 ? initials : ""];
  if (exact.includes(key)) return 1;
  // every query word (or a synonym of it) in one of the record's names, as written or as pinyin
  const names = [hit.name_zh, hit.name_en, hit.trademark, hit.regional_brand, hit.reg_no].filter((n): n is string => !!n).map(compact);
  if (latin) names.push(joined, initials);
  if (words.every((w) => synonymsOf(w).some((syn) => compact(syn) !== "" && names.some((n) => n.includes(compact(syn)))))) return 2;
  // one Latin word Meilisearch matched in a name with a typo it tolerated (potatoe, walnutt)
  const matched = Object.keys(hit._matchesPosition ?? {}).map((a) => a.split(".")[0]!);
  return words.length === 1 && LATIN.test(words[0]!) && matched.some((a) => NAMED_IN.has(a)) ? 2 : 3;
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
