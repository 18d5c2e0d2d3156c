import { pinyinFields } from "./chinese-text";
import { synonymsOf } from "./synonyms";

export interface SpellingSuggestion {
  kind: "pinyin" | "initials" | "english" | "chinese";
  q: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /^[\p{Script=Latin}\d\s'’-]+$/u;

/**
 * Other spellings of a query that found nothing: pinyin (joined and initials) for Chinese, the English and Chinese
 * words of its synonym group. Only offered as links; never applied silently.
 */
export function spellingSuggestions(q: string, max = 6): SpellingSuggestion[] {
  const text = q.trim();
  if (!text) return [];
  const out: SpellingSuggestion[] = [];
  const add = (kind: SpellingSuggestion["kind"], value: string) => {
    const v = value.trim();
    if (v && v.toLowerCase() !== text.toLowerCase() && !out.some((s) => s.q.toLowerCase() === v.toLowerCase())) out.push({ kind, q: v });
  };
  const words = text.split(/\s+/);
  for (const word of words.length > 1 ? [text, ...words] : [text]) {
    for (const alt of synonymsOf(word).slice(1)) add(HAN.test(alt) ? "chinese" : "english", alt);
  }
  if (HAN.test(text)) {
    const p = pinyinFields(text.replace(/\s+/g, ""), 20);
    const joined = p.pinyin.replace(/\s+/g, "");
    if (joined) add("pinyin", joined);
    const initials = p.pinyin
      .split(" ")
      .filter(Boolean)
      .map((s) => s[0])
      .join("");
    if (initials.length >= 2) add("initials", initials);
  } else if (LATIN.test(text) && text.includes(" ")) {
    add("pinyin", text.replace(/\s+/g, ""));
  }
  return out.slice(0, max);
}
