import { describe, expect, it } from "vitest";
import { brandName, joinedSyllables, nameKeys, normaliseQuery, withoutPlaceWords, withoutRegionWords } from "./query-text";

describe("the province and city words of a query", () => {
  it("are dropped when a buyer types the package's full name", () => {
    expect(withoutRegionWords("青海互助青稞酒")).toBe("互助青稞酒");
    expect(withoutRegionWords("青海省 互助青稞酒")).toBe("互助青稞酒");
    expect(withoutRegionWords("海东市乐都紫皮大蒜")).toBe("乐都紫皮大蒜");
    expect(withoutRegionWords("qinghai highland barley")).toBe("highland barley");
  });

  it("stay when nothing else is asked, or when they are part of another word", () => {
    expect(withoutRegionWords("青海")).toBe("青海");
    expect(withoutRegionWords(" haidong ")).toBe("haidong");
    expect(withoutRegionWords("海东市")).toBe("海东市");
    expect(withoutRegionWords("青海湖")).toBe("青海湖");
    expect(withoutRegionWords("青海湖裸鲤")).toBe("青海湖裸鲤");
  });
});

describe("a query in which no record holds every word", () => {
  it("keeps the product and drops the place (county, township, pinyin)", () => {
    expect(withoutPlaceWords("乐都花椒")).toBe("花椒");
    expect(withoutPlaceWords("乐都区花椒")).toBe("花椒");
    expect(withoutPlaceWords("高庙沙果")).toBe("沙果");
    expect(withoutPlaceWords("循化撒拉族自治县 花椒")).toBe("花椒");
    expect(withoutPlaceWords("huzhu garlic")).toBe("garlic");
  });

  it("has nothing to drop when no place is named, or when only a place is", () => {
    expect(withoutPlaceWords("葡萄酒")).toBeUndefined();
    expect(withoutPlaceWords("乐都")).toBeUndefined();
    expect(withoutPlaceWords("乐都区")).toBeUndefined();
  });
});

describe("what a buyer typed, as the catalogue writes it", () => {
  it("turns traditional characters into simplified ones", () => {
    expect(normaliseQuery("樂都藏香豬")).toBe("乐都藏香猪");
    expect(normaliseQuery("土族盤繡")).toBe("土族盘绣");
    expect(normaliseQuery("互助青稞酒")).toBe("互助青稞酒");
  });

  it("drops tone numbers from pinyin, and only from pinyin", () => {
    expect(normaliseQuery("qing1ke1jiu3")).toBe("qingkejiu");
    expect(normaliseQuery("hu4 zhu4")).toBe("hu zhu");
    expect(normaliseQuery("LB-33-2101630001")).toBe("LB-33-2101630001");
    expect(normaliseQuery("500ml")).toBe("500ml");
  });
});

describe("pinyin typed syllable by syllable", () => {
  it("is searched as one word, so the syllables cannot match across another name", () => {
    expect(joinedSyllables("xun hua hua jiao")).toBe("xunhuahuajiao");
    expect(joinedSyllables("hu zhu qing ke jiu")).toBe("huzhuqingkejiu");
  });

  it("leaves English and whole pinyin words alone", () => {
    expect(joinedSyllables("dried chili")).toBeUndefined();
    expect(joinedSyllables("huzhu qingke")).toBeUndefined();
    expect(joinedSyllables("qingke")).toBeUndefined();
  });
});

describe("a brand typed with 牌", () => {
  it("names the brand", () => {
    expect(brandName("互助牌")).toBe("互助");
    expect(brandName("天佑德牌")).toBe("天佑德");
    expect(brandName("牌")).toBeUndefined();
    expect(brandName("互助")).toBeUndefined();
    expect(brandName("区域公用品牌")).toBeUndefined();
    expect(brandName("知名品牌")).toBeUndefined();
  });
});

describe("the ways a record's whole name may be typed", () => {
  it("are its names, its pinyin and, from three syllables, its initials", () => {
    expect(nameKeys("天佑德", "Tianyoude")).toEqual(["天佑德", "tianyoude", "tyd"]);
    expect(nameKeys("互助", null)).toEqual(["互助", "huzhu"]);
    expect(nameKeys("互助青稞酒", "Huzhu  Qingke Liquor")).toEqual(["互助青稞酒", "huzhu qingke liquor", "huzhuqingkejiu", "hzqkj"]);
  });
});
