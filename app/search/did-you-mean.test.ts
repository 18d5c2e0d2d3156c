import { describe, expect, it } from "vitest";
import { buildVocabulary, correctionFrom, suggestFrom } from "./did-you-mean.server";
import { spellingSuggestions } from "./suggestions.server";

const vocabulary = buildVocabulary([
  { type: "gi", name_zh: "循化花椒", name_en: "Xunhua Sichuan Pepper" },
  { type: "gi", name_zh: "互助青海白牦牛", name_en: "Huzhu Qinghai White Yak" },
  { type: "gi", name_zh: "乐都紫皮大蒜", name_en: "Ledu Purple Garlic" },
  { type: "trademark", name_zh: "天佑德", name_en: null },
  { type: "county", name_zh: "循化", name_en: "Xunhua Salar Autonomous County" },
]);

describe("did-you-mean for a query that found nothing", () => {
  it("corrects an English typo to the word of a real record or synonym (yka → yak)", () => {
    expect(correctionFrom(vocabulary, "yka")).toEqual({ q: "yak", kind: "english" });
    expect(correctionFrom(vocabulary, "garlik")).toEqual({ q: "garlic", kind: "english" });
  });

  it("turns pinyin initials and mistyped pinyin into the record's name", () => {
    expect(correctionFrom(vocabulary, "xhhj")).toEqual({ q: "循化花椒", kind: "name" });
    expect(correctionFrom(vocabulary, "tianyode")).toEqual({ q: "天佑德", kind: "name" });
    expect(suggestFrom(vocabulary, "ldzpds")[0]).toEqual({ q: "乐都紫皮大蒜", kind: "name" });
  });

  it("offers a record whose name holds the typed characters in order, labelled as a name", () => {
    expect(suggestFrom(vocabulary, "循化椒")).toContainEqual({ q: "循化花椒", kind: "name" });
  });

  it("corrects nothing that is not near a catalogue word", () => {
    expect(correctionFrom(vocabulary, "coffee")).toBeUndefined();
    expect(correctionFrom(vocabulary, "茶叶")).toBeUndefined();
    expect(suggestFrom(vocabulary, "zzzzqqqq")).toEqual([]);
  });

  it("labels a synonym's pinyin as pinyin, not English (mingliu for 酩馏)", () => {
    expect(spellingSuggestions("酩馏酒")).toContainEqual({ q: "mingliu", kind: "pinyin" });
    expect(spellingSuggestions("核桃")).toContainEqual({ q: "walnut", kind: "english" });
  });
});
