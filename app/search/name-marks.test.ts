import { describe, expect, it } from "vitest";
import { highlightToHtml } from "./highlight";
import { markName } from "./name-marks.server";

const html = (name: string, q: string, meili?: string) => {
  const marked = markName(name, q, meili);
  return marked === undefined ? undefined : highlightToHtml(marked);
};

describe("what a result's name highlights", () => {
  it("marks a Chinese substring whole (稞酒 in 互助青稞酒), not only the token Meilisearch matched", () => {
    expect(html("互助青稞酒", "稞酒", "互助青稞\uE000酒\uE001")).toBe("互助青<mark>稞酒</mark>");
  });

  it("marks the characters that pinyin and pinyin initials spell", () => {
    expect(html("互助青稞酒", "hzqkj")).toBe("<mark>互助青稞酒</mark>");
    expect(html("循化花椒", "huajiao")).toBe("循化<mark>花椒</mark>");
    expect(html("乐都紫皮大蒜", "ledu")).toBe("<mark>乐都</mark>紫皮大蒜");
    expect(html("互助青稞酒", "huzhu qingke")).toBe("<mark>互助青稞</mark>酒");
  });

  it("marks a synonym found in the name (土豆 → 马铃薯)", () => {
    expect(html("互助马铃薯", "土豆")).toBe("互助<mark>马铃薯</mark>");
  });

  it("never runs a mark across punctuation", () => {
    expect(html("Huzhu Qingke Liquor (highland-barley baijiu)", "qingke", "Huzhu \uE000Qingke) liquor\uE001")).not.toContain(")</mark>");
    expect(html("Huzhu Qingke Liquor (highland-barley baijiu)", "huzhu")).toBe("<mark>Huzhu</mark> Qingke Liquor (highland-barley baijiu)");
    expect(html("Huzhu Qingke Liquor", "ke")).toBeUndefined();
  });

  it("keeps Meilisearch's own marks (a typo it tolerated) and escapes the name", () => {
    expect(html("Walnuts <b>", "walnutt", "\uE000Walnuts\uE001 <b>")).toBe("<mark>Walnuts</mark> &#60;b&#62;");
    expect(markName("互助青稞酒", "xyz")).toBeUndefined();
  });
});
