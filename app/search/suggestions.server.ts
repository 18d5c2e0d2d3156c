import type { Db } from "../../db/client";
import { requestLogger } from "../platform/log.server";
import { pinyinFields } from "./chinese-text";
import { suggestFrom, vocabulary, type Suggestion } from "./did-you-mean.server";
import { synonymGroups, synonymsOf } from "./synonyms";

export type { Suggestion } from "./did-you-mean.server";

const HAN = /\p{Script=Han}/u;
const LATIN = /^[\p{Script=Latin}\d\s'’-]+$/u;

/** A Latin word of a synonym group that is the pinyin of the group's Chinese (mingliu for 酩馏) is pinyin, not English. */
const PINYIN_WORDS = new Set(synonymGroups.flatMap((group) => group.filter((w) => HAN.test(w)).flatMap((w) => [pinyinFields(w).pinyin.replace(/\s+/g, "")])));
const latinKind = (word: string): Suggestion["kind"] => (PINYIN_WORDS.has(word.toLowerCase().replace(/[\s'’-]+/g, "")) ? "pinyin" : "english");

/**
 * Other spellings of a query that found nothing: pinyin (joined and initials) for Chinese, the English, pinyin and
 * Chinese words of its synonym group. Only offered as links; never applied silently.
 */
export function spellingSuggestions(q: string, max = 6): Suggestion[] {
  const text = q.trim();
  if (!text) return [];
  const out: Suggestion[] = [];
  const add = (kind: Suggestion["kind"], value: string) => {
    const v = value.trim();
    if (v && v.toLowerCase() !== text.toLowerCase() && !out.some((s) => s.q.toLowerCase() === v.toLowerCase())) out.push({ kind, q: v });
  };
  const words = text.split(/\s+/);
  for (const word of words.length > 1 ? [text, ...words] : [text]) {
    for (const alt of synonymsOf(word).slice(1)) add(HAN.test(alt) ? "chinese" : latinKind(alt), alt);
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

/**
 * What the results page offers under a search that found nothing or only some of its words: did-you-mean (names of
 * real records, their pinyin, English words, by edit distance and initials) first, then other spellings.
 */
export async function searchSuggestions(db: Db, q: string, { otherSpellings = true, max = 6 } = {}): Promise<Suggestion[]> {
  let near: Suggestion[] = [];
  try {
    near = suggestFrom(await vocabulary(db), q);
  } catch (error) {
    requestLogger().warn({ event: "search.vocabulary_failed", reason: String(error) }, "did-you-mean vocabulary could not be read");
  }
  const out: Suggestion[] = [];
  // under results (relaxed or corrected), only records the buyer may have meant: the query's own pinyin finds what it found
  for (const s of [...near, ...(otherSpellings ? spellingSuggestions(q) : [])]) {
    if (s.q.toLowerCase() !== q.trim().toLowerCase() && !out.some((o) => o.q.toLowerCase() === s.q.toLowerCase())) out.push(s);
  }
  return out.slice(0, max);
}
