import * as OpenCC from "opencc-js/t2cn";
import { pinyin } from "pinyin-pro";
import { syllables as nameSyllables } from "./chinese-text";
import reference from "../../db/seed/haidong.json";
import { TOWNSHIPS } from "../../db/seed/townships";

// What of a buyer's query the index should match on: one home for rewriting what was typed into what the catalogue
// holds (decision 039).

// Traditional characters (樂都藏香豬, 土族盤繡) as Taiwan, Hong Kong and overseas buyers type them: the catalogue is
// written in simplified characters, and Meilisearch does not convert them.
// Built on first use (about 130 ms): a server or test process that never sees Chinese input does not pay for it.
let converter: ((text: string) => string) | undefined;
const toSimplified = (text: string) => (converter ??= OpenCC.Converter({ from: "t", to: "cn" }))(text);
const HAN = /\p{Script=Han}/u;
// pinyin typed with tone numbers (qing1ke1jiu3): every digit 1–5 follows a letter, and nothing else is in the query
const TONE_NUMBERED = /^(?:[a-zü:]+[1-5]?[\s']*)+$/i;

/** Simplified characters, tone numbers dropped; what the index and every later rule compare with. */
export function normaliseQuery(q: string): string {
  let text = q.trim();
  if (HAN.test(text)) text = toSimplified(text);
  if (/[a-zü:][1-5]/i.test(text) && TONE_NUMBERED.test(text)) text = text.replace(/([a-zü:])[1-5]/gi, "$1");
  return text;
}

// Every record in the catalogue is in 海东, 青海: a buyer who types the package's "青海互助青稞酒" or "海东 拉面" means the
// product, and requiring the province or city word would keep only the records that happen to spell it (companies
// named 青海…) and lose the GI product itself.
const REGION_PREFIXES = ["青海省", "青海", "海东市", "海东"];
const REGION_WORDS = new Set([...REGION_PREFIXES, "qinghai", "haidong"]);
const HAN_START = /^\p{Script=Han}/u;
// words that begin like a region word but name something else (青海湖 is the lake, not the province)
const NOT_REGION = ["青海湖"];

/** The query without province and city words, as long as something else is left; otherwise the query as typed. */
export function withoutRegionWords(q: string): string {
  return withoutWords(q, REGION_WORDS, REGION_PREFIXES);
}

// District, county and township names, full and short, and the counties' pinyin: the words a buyer puts before the
// product ("乐都花椒", "高庙沙果", "huzhu garlic").
const PLACE_PREFIXES = [
  ...reference.counties.flatMap((c) => [c.name_zh, c.name_zh.replace(/(回族土族自治县|土族自治县|回族自治县|撒拉族自治县|区|县)$/, "")]),
  ...Object.values(TOWNSHIPS)
    .flat()
    .flatMap((t) => [t.name_zh, t.name_zh.replace(/(镇|乡|街道)$/, ""), ...(t.alias ? [t.alias] : [])]),
  ...REGION_PREFIXES,
]
  .filter((p) => [...p].length >= 2)
  .sort((a, b) => b.length - a.length);
const PLACE_WORDS = new Set([...PLACE_PREFIXES, "qinghai", "haidong", "ledu", "pingan", "ping'an", "minhe", "huzhu", "hualong", "xunhua"]);

/**
 * The query without place words, for a search in which no record held every word: in 乐都花椒 the buyer wants 花椒
 * even where no 乐都 record has it. Only places are dropped (never the product), so 葡萄酒 does not fall back to
 * every record with 酒 in it. Undefined when there is no place word to drop, or nothing else would be left.
 */
export function withoutPlaceWords(q: string): string | undefined {
  const rest = withoutWords(q, PLACE_WORDS, PLACE_PREFIXES);
  return rest !== q.trim() && rest !== "" && !PLACE_WORDS.has(rest) ? rest : undefined;
}

function withoutWords(q: string, words: ReadonlySet<string>, prefixes: readonly string[]): string {
  const typed = q.trim().split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const word of typed) {
    if (words.has(word.toLowerCase())) continue;
    const prefix = NOT_REGION.some((w) => word.startsWith(w)) ? undefined : prefixes.find((p) => word.startsWith(p) && HAN_START.test(word.slice(p.length)));
    kept.push(prefix ? word.slice(prefix.length) : word);
  }
  return kept.length > 0 ? kept.join(" ") : q.trim();
}

const COUNTY_WORDS = new Set([
  ...reference.counties.flatMap((c) => [c.name_zh, c.name_zh.replace(/(回族土族自治县|土族自治县|回族自治县|撒拉族自治县|区|县)$/, "")]),
  ...[...REGION_WORDS],
  ...["ledu", "pingan", "ping'an", "minhe", "huzhu", "hualong", "xunhua"],
]);

/** A county, the city or the province on its own (乐都, 互助县, huzhu, 海东): a buyer browsing a place. */
export function isCountyWord(q: string): boolean {
  return COUNTY_WORDS.has(q.trim().toLowerCase());
}

/**
 * A record's name, or a query, as compared for "the buyer typed exactly this record's name": lower case, compatibility
 * forms folded (全角 letters), spaces collapsed.
 */
export function nameKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

let syllableSet: Set<string> | undefined;
/** Every Mandarin syllable (about 450), read once from the common characters when first needed. */
function syllables(): Set<string> {
  if (!syllableSet) {
    let chars = "";
    for (let c = 0x4e00; c <= 0x9fa5; c++) chars += String.fromCodePoint(c);
    syllableSet = new Set(pinyin(chars, { toneType: "none", type: "array", v: true }).map((s) => s.toLowerCase()));
  }
  return syllableSet;
}

/**
 * Pinyin typed syllable by syllable ("xun hua hua jiao") as one joined word ("xunhuahuajiao"), which the index holds
 * for every run of a name's syllables: matched word by word, the syllables would also find 循化线辣椒 (xun hua … jiao).
 * Undefined unless there are several words and each is one syllable.
 */
export function joinedSyllables(q: string): string | undefined {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length < 2 || !words.every((w) => /^[a-zü]{1,6}$/.test(w))) return undefined;
  const known = syllables();
  return words.every((w) => known.has(w.replace("ü", "v"))) ? words.join("") : undefined;
}

/** "互助牌" is the brand (trademark) 互助: the name without 牌, when something is left. */
export function brandName(q: string): string | undefined {
  const text = q.trim();
  // 品牌 and 名牌 are the words "brand" and "famous brand", not a brand's name followed by 牌
  return /^\p{Script=Han}{2,}牌$/u.test(text) && !/(品|名)牌$/u.test(text) ? text.slice(0, -1) : undefined;
}

/**
 * Every way a buyer may type a record's whole name: the Chinese and English names, and the Chinese name's pinyin
 * joined (tianyoude) and, from three syllables, its initials (tyd for 天佑德).
 */
export function nameKeys(nameZh: string, nameEn: string | null): string[] {
  const s = nameSyllables(nameZh);
  const keys = [nameZh, ...(nameEn ? [nameEn] : []), ...(s.length >= 2 ? [s.join("")] : []), ...(s.length >= 3 ? [s.map((x) => x[0]).join("")] : [])];
  return [...new Set(keys.map(nameKey))];
}

/** What a search engine is asked to match: simplified, without province or city words, 互助牌 as 互助. */
export function matchText(q: string): string {
  const text = withoutRegionWords(normaliseQuery(q));
  return brandName(text) ?? text;
}
