import { customPinyin, pinyin } from "pinyin-pro";
import reference from "../../db/seed/haidong.json";

// Place names read differently from everyday words (乐都 is lè dū, not lè dōu): the reference file's overrides win.
// Produce names read differently too: 藏香猪 is the Tibetan pig (zàng), not 藏 as in hiding (cáng).
const PRODUCE_READINGS: Record<string, string> = { 藏香猪: "zàng xiāng zhū" };
customPinyin({ ...PRODUCE_READINGS, ...Object.fromEntries(reference.pinyin_overrides.map((o) => [o.text, o.pinyin])) });

const HAN = /\p{Script=Han}/u;

/**
 * Every substring of each Han run in `text`, shortest first. Jieba segmentation alone cannot find 稞酒 in 互助青稞酒 or
 * 蒜 in 乐都紫皮大蒜; indexing the substrings (in a low-ranked attribute) can.
 */
export function chineseSubstrings(text: string, maxLength = 12): string[] {
  const runs = text.match(/\p{Script=Han}+/gu) ?? [];
  const out = new Set<string>();
  for (const run of runs) {
    const chars = [...run].slice(0, 40);
    for (let len = 1; len <= Math.min(maxLength, chars.length); len++) {
      for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(""));
    }
  }
  return [...out];
}

export function syllables(text: string): string[] {
  if (!HAN.test(text)) return [];
  return pinyin(text, { toneType: "none", type: "array", nonZh: "removed", v: true })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /^[a-z]+$/.test(s));
}

export interface PinyinFields {
  /** "hu zhu qing ke jiu": each syllable a word, for "huzhu qingke"-style queries split differently. */
  pinyin: string;
  /** Every run of consecutive syllables joined: "huzhu", "qingkejiu", "huzhuqingkejiu" … */
  pinyin_joined: string[];
  /** Initials of every run of two or more syllables: "hzqkj", "qkj" … */
  pinyin_initials: string[];
}

export function pinyinFields(text: string, maxRun = 10): PinyinFields {
  const s = syllables(text);
  const joined = new Set<string>();
  const initials = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    for (let j = i + 1; j <= Math.min(s.length, i + maxRun); j++) {
      const run = s.slice(i, j);
      joined.add(run.join(""));
      if (run.length >= 2) initials.add(run.map((x) => x[0]).join(""));
    }
  }
  return { pinyin: s.join(" "), pinyin_joined: [...joined], pinyin_initials: [...initials] };
}

/** The pinyin of each code point of `text`, tone-free and lower-case ("" for anything not Han), read in context. */
export function charSyllables(text: string): string[] {
  const chars = [...text];
  const read = pinyin(text, { toneType: "none", type: "array", nonZh: "spaced", v: true });
  // one item per code point; if the library ever merges items, fall back to reading each character alone
  const items = read.length === chars.length ? read : chars.map((c) => (HAN.test(c) ? pinyin(c, { toneType: "none", v: true }) : c));
  return items.map((s, i) => (HAN.test(chars[i]!) ? s.trim().toLowerCase() : ""));
}
