// What of a buyer's query the index should match on. Every record in the catalogue is in 海东, 青海: a buyer who types
// the package's "青海互助青稞酒" or "海东 拉面" means the product, and requiring the province or city word would keep
// only the records that happen to spell it (companies named 青海…) and lose the GI product itself.

const REGION_PREFIXES = ["青海省", "青海", "海东市", "海东"];
const REGION_WORDS = new Set([...REGION_PREFIXES, "qinghai", "haidong"]);
const HAN_START = /^\p{Script=Han}/u;
// words that begin like a region word but name something else (青海湖 is the lake, not the province)
const NOT_REGION = ["青海湖"];

/** The query without province and city words, as long as something else is left; otherwise the query as typed. */
export function withoutRegionWords(q: string): string {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const word of words) {
    if (REGION_WORDS.has(word.toLowerCase())) continue;
    const prefix = NOT_REGION.some((w) => word.startsWith(w))
      ? undefined
      : REGION_PREFIXES.find((p) => word.startsWith(p) && HAN_START.test(word.slice(p.length)));
    kept.push(prefix ? word.slice(prefix.length) : word);
  }
  return kept.length > 0 ? kept.join(" ") : q.trim();
}
