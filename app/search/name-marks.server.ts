import { charSyllables } from "./chinese-text";
import { MARK_END, MARK_START } from "./highlight";
import { synonymsOf } from "./synonyms";

// Which characters of a result's name the query matched, as the marked text highlight.ts renders. Meilisearch marks
// whole tokens of its own segmentation, so 稞酒 marked only 酒 of 互助青稞酒 and pinyin initials marked nothing; here
// the query's own words (and their synonyms) are found in the name as substrings, pinyin runs and initials, and
// Meilisearch's marks (typos, English words) are kept beside them. Punctuation is never marked, so a mark never runs
// across "qingke) liquor".

const PUNCTUATION = /[\p{P}\p{S}\s]/u;
const LATIN_WORD = /^[a-z]+$/;

function markedIndexes(formatted: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!formatted) return out;
  let i = 0;
  let on = false;
  for (const ch of formatted) {
    if (ch === MARK_START) on = true;
    else if (ch === MARK_END) on = false;
    else {
      if (on) out.add(i);
      i++;
    }
  }
  return out;
}

function markSubstrings(chars: string[], needle: string, into: Set<number>) {
  const n = [...needle.toLowerCase()];
  if (n.length === 0) return;
  const lower = chars.map((c) => c.toLowerCase());
  // a Latin word matches from the start of a word (qingke in "Qingke", not ke in it), Chinese anywhere
  const latin = /^\p{Script=Latin}/u.test(n[0]!);
  for (let i = 0; i + n.length <= lower.length; i++) {
    if (latin && i > 0 && /\p{L}/u.test(lower[i - 1]!)) continue;
    if (n.every((c, k) => lower[i + k] === c)) for (let k = 0; k < n.length; k++) into.add(i + k);
  }
}

/** Runs of Han characters whose joined pinyin, or whose initials, spell `word`. */
function markPinyin(chars: string[], syllables: string[], word: string, into: Set<number>) {
  for (let i = 0; i < chars.length; i++) {
    let joined = "";
    let initials = "";
    for (let j = i; j < chars.length && syllables[j]; j++) {
      joined += syllables[j];
      initials += syllables[j]![0];
      if (joined === word || (word.length >= 2 && initials === word)) for (let k = i; k <= j; k++) into.add(k);
      if (joined.length >= word.length && initials.length >= word.length) break;
    }
  }
}

export function markName(name: string | null, query: string, meiliFormatted?: string): string | undefined {
  if (!name) return undefined;
  const chars = [...name];
  const marks = markedIndexes(meiliFormatted);
  const words = query.trim().split(/\s+/).filter(Boolean);
  const needles = new Set<string>();
  for (const w of [query.trim(), ...words]) for (const s of synonymsOf(w)) if (s) needles.add(s);
  for (const needle of needles) markSubstrings(chars, needle, marks);
  const syllables = charSyllables(name);
  if (syllables.some(Boolean)) {
    const latin = [query.toLowerCase().replace(/[\s'’-]+/g, ""), ...words.map((w) => w.toLowerCase())];
    for (const word of new Set(latin)) if (LATIN_WORD.test(word)) markPinyin(chars, syllables, word, marks);
  }
  for (const i of [...marks]) if (PUNCTUATION.test(chars[i]!) && !(chars[i] === " " && marks.has(i - 1) && marks.has(i + 1))) marks.delete(i);
  if (marks.size === 0) return undefined;
  let out = "";
  chars.forEach((c, i) => {
    const on = marks.has(i);
    if (on && !marks.has(i - 1)) out += MARK_START;
    out += c;
    if (on && !marks.has(i + 1)) out += MARK_END;
  });
  return out;
}
