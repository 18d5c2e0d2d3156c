import type { Db } from "../../db/client";
import { suggestionVocabulary, type VocabularyName } from "../../db/queries/search-vocabulary";
import { pinyinFields } from "./chinese-text";
import { editDistance } from "./edit-distance";
import { recordRank } from "./record-rank";
import { synonymGroups } from "./synonyms";

// Did-you-mean for a query that found nothing or only some of its words: the names of real official records (GI
// products, regional brands, trademarks, counties), their pinyin and initials, and the words of the reviewed synonym
// groups, compared by edit distance. Each suggestion says what it is (a record's name, pinyin, English, Chinese).

export type SuggestionKind = "name" | "pinyin" | "initials" | "english" | "chinese";

export interface Suggestion {
  kind: SuggestionKind;
  q: string;
}

interface Entry {
  q: string;
  kind: SuggestionKind;
  /** lower first: the order of record-rank.ts, then words from the synonym groups */
  rank: number;
  /** what a Latin query is compared with: pinyin of a Chinese entry, or the English word itself */
  latin: string[];
  /** pinyin initials of a whole Chinese name (循化花椒 → xhhj) */
  initials?: string;
}

const HAN = /\p{Script=Han}/u;
const LATIN_QUERY = /^[\p{Script=Latin}\s'’-]+$/u;
const compact = (s: string) => s.toLowerCase().replace(/[\s'’-]+/g, "");

function chineseEntry(q: string, kind: SuggestionKind, rank: number): Entry {
  const p = pinyinFields(q, 20);
  const syllables = p.pinyin.split(" ").filter(Boolean);
  return {
    q,
    kind,
    rank,
    latin: syllables.length ? [syllables.join("")] : [],
    initials: syllables.length >= 2 ? syllables.map((s) => s[0]).join("") : undefined,
  };
}

export function buildVocabulary(names: readonly VocabularyName[]): Entry[] {
  const entries: Entry[] = [];
  const pinyinOfNames = new Set<string>();
  for (const n of names) {
    const rank = n.type === "county" ? 2 : recordRank({ type: n.type, is_sample: false, unverified: false });
    const e = chineseEntry(n.name_zh, "name", rank);
    entries.push(e);
    for (const syllableRun of pinyinFields(n.name_zh).pinyin_joined) pinyinOfNames.add(syllableRun);
  }
  const latinWords = new Set<string>();
  for (const n of names) for (const w of (n.name_en ?? "").toLowerCase().match(/\p{Script=Latin}{3,}/gu) ?? []) latinWords.add(w);
  for (const group of synonymGroups) {
    for (const word of group) {
      if (HAN.test(word)) entries.push(chineseEntry(word, "chinese", 5));
      else latinWords.add(word.toLowerCase());
    }
  }
  for (const w of latinWords) entries.push({ q: w, kind: pinyinOfNames.has(compact(w)) ? "pinyin" : "english", rank: 6, latin: [compact(w)] });
  return entries;
}

/** How many edits a word of this length may be off and still be the word meant. */
function allowedEdits(length: number): number {
  return length < 3 ? 0 : length <= 5 ? 1 : 2;
}

interface Candidate extends Suggestion {
  distance: number;
  rank: number;
}

function latinCandidates(text: string, vocabulary: readonly Entry[]): Candidate[] {
  const whole = compact(text);
  const out: Candidate[] = [];
  for (const e of vocabulary) {
    if (e.initials && whole.length >= 2) {
      // initials exactly, or one letter off when there are five or more (xhxljj for 循化线辣椒, xhxlj)
      const d = e.initials === whole ? 0 : whole.length >= 5 ? editDistance(whole, e.initials, 1) : 2;
      if (d <= 1) out.push({ q: e.q, kind: e.kind, distance: d, rank: e.rank });
    }
    for (const key of e.latin) {
      const d = editDistance(whole, key, allowedEdits(whole.length));
      if (d >= 1 && d <= allowedEdits(whole.length))
        out.push({ q: e.kind === "name" || e.kind === "chinese" ? e.q : key, kind: e.kind, distance: d, rank: e.rank });
    }
  }
  // several words ("sichuan peper"): each unknown word replaced by its nearest English or pinyin word
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 1) {
    const latin = vocabulary.filter((e) => e.kind === "english" || e.kind === "pinyin");
    let total = 0;
    const fixed = words.map((w) => {
      if (latin.some((e) => e.q === w)) return w;
      let best: { word: string; d: number } | undefined;
      for (const e of latin) {
        const d = editDistance(w, e.q, allowedEdits(w.length));
        if (d <= allowedEdits(w.length) && (!best || d < best.d)) best = { word: e.q, d };
      }
      total += best?.d ?? 0;
      return best?.word ?? w;
    });
    if (total > 0) out.push({ q: fixed.join(" "), kind: "english", distance: total, rank: 6 });
  }
  return out;
}

function chineseCandidates(text: string, vocabulary: readonly Entry[]): Candidate[] {
  const chars = [...text.replace(/\s+/g, "")];
  if (chars.length < 2) return [];
  const inOrder = (name: string) => {
    let i = 0;
    for (const c of name) if (c === chars[i]) i++;
    return i === chars.length;
  };
  return vocabulary
    .filter((e) => (e.kind === "name" || e.kind === "chinese") && e.q !== text && inOrder(e.q))
    .map((e) => ({ q: e.q, kind: e.kind, distance: [...e.q].length - chars.length, rank: e.rank }));
}

function ordered(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return candidates
    .sort((a, b) => a.distance - b.distance || a.rank - b.rank || a.q.length - b.q.length)
    .filter((c) => (seen.has(c.q) ? false : (seen.add(c.q), true)));
}

/** Suggestions for `q`, nearest first. */
export function suggestFrom(vocabulary: readonly Entry[], q: string, max = 5): Suggestion[] {
  const text = q.trim();
  if (!text) return [];
  const candidates = LATIN_QUERY.test(text) ? latinCandidates(text, vocabulary) : HAN.test(text) ? chineseCandidates(text, vocabulary) : [];
  return ordered(candidates)
    .slice(0, max)
    .map(({ q: s, kind }) => ({ q: s, kind }));
}

/**
 * The one spelling a query that found nothing surely meant, or nothing: Latin queries only (a typo in English or
 * pinyin, or pinyin initials), and only when no other candidate is as near. The search then shows that spelling's
 * results and says so.
 */
export function correctionFrom(vocabulary: readonly Entry[], q: string): Suggestion | undefined {
  const text = q.trim();
  if (!LATIN_QUERY.test(text)) return undefined;
  const [best, next] = ordered(latinCandidates(text, vocabulary));
  if (!best) return undefined;
  if (next && next.distance === best.distance && next.rank === best.rank) return undefined;
  return { q: best.q, kind: best.kind };
}

// Each server process keeps the list for a few minutes: it changes when staff publish a GI product or a brand, rarely.
const TTL_MS = 5 * 60_000;
let cached: { at: number; entries: Promise<Entry[]> } | undefined;

export function vocabulary(db: Db): Promise<Entry[]> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const entries = suggestionVocabulary(db).then(buildVocabulary);
    cached = { at: Date.now(), entries };
    entries.catch(() => (cached = undefined));
  }
  return cached.entries;
}
