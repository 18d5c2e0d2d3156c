import { describe, expect, it } from "vitest";
import { COUNTY_OPTIONS } from "./places.server";
import { synonymGroups, synonymMap, synonymsOf } from "./synonyms";

// The reviewed synonym list: what buyers type must be in it, and it must stay unambiguous (a word in two groups would
// make Meilisearch and the PostgreSQL fallback expand it differently, and floods results).

const sameGroup = (a: string, b: string) =>
  synonymsOf(a)
    .map((w) => w.toLowerCase())
    .includes(b.toLowerCase());

describe("synonym groups", () => {
  it("hold every word once, trimmed and lower-case (Meilisearch compares synonyms lower-case)", () => {
    const words = synonymGroups.flat();
    expect(words.filter((w) => w !== w.trim().toLowerCase() || w === "")).toEqual([]);
    const seen = new Set<string>();
    const repeated = words.filter((w) => (seen.has(w) ? true : (seen.add(w), false)));
    expect(repeated).toEqual([]);
    expect(synonymGroups.filter((g) => g.length < 2)).toEqual([]);
  });

  it.each([
    ["土豆", "洋芋"],
    ["土豆", "马铃薯"],
    ["洋芋", "potato"],
    ["青稞", "highland barley"],
    ["青稞", "qingke"],
    ["青稞酒", "highland barley wine"],
    ["牦牛", "yak"],
    ["辣椒", "chili"],
    ["辣椒", "hot pepper"],
    ["辣椒", "辣子"],
    ["花椒", "sichuan pepper"],
    ["核桃", "walnut"],
    ["大蒜", "garlic"],
    ["沙果", "crabapple"],
    ["沙棘", "sea buckthorn"],
    ["地理标志", "地标"],
    ["富硒", "selenium"],
  ])("%s finds %s, and the other way round", (a, b) => {
    expect(sameGroup(a, b)).toBe(true);
    expect(sameGroup(b, a)).toBe(true);
  });

  it.each(COUNTY_OPTIONS.filter((c) => c.short_zh !== c.name_zh))("$name_zh: short, full and pinyin names are one group", (county) => {
    const pinyinName = county.name_en.split(/\s+/)[0]!.toLowerCase().replace("'", "");
    expect(sameGroup(county.short_zh, county.name_zh)).toBe(true);
    expect(sameGroup(county.name_zh, pinyinName)).toBe(true);
  });

  it("keeps unrelated produce apart (花椒 is not 辣椒; bare pepper is in neither, as it is the English of both)", () => {
    expect(sameGroup("花椒", "辣椒")).toBe(false);
    expect(sameGroup("pepper", "花椒")).toBe(false);
    expect(sameGroup("pepper", "辣椒")).toBe(false);
    expect(sameGroup("牦牛", "牛肉")).toBe(false);
  });

  it("gives Meilisearch each word's whole group except itself", () => {
    const map = synonymMap();
    expect(map["土豆"]).toEqual(expect.arrayContaining(["洋芋", "马铃薯", "potato"]));
    expect(map["土豆"]).not.toContain("土豆");
    expect(Object.keys(map)).toHaveLength(synonymGroups.flat().length);
  });
});
