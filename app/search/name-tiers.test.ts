import { describe, expect, it } from "vitest";
import { byNameTier, namedKey } from "./name-tiers";

const hit = (name_zh: string, extra: Partial<{ name_en: string; trademark: string; is_sample: boolean; _matchesPosition: Record<string, unknown> }> = {}) => ({
  name_zh,
  name_en: extra.name_en ?? null,
  trademark: extra.trademark ?? null,
  regional_brand: null,
  reg_no: null,
  is_sample: extra.is_sample ?? false,
  _matchesPosition: extra._matchesPosition,
});
const order = (hits: ReturnType<typeof hit>[], q: string) => byNameTier(hits, namedKey(q, "relevance")).map((h) => h.name_zh);

describe("the first results, re-ordered by what the buyer named", () => {
  it("puts the record named as typed first, then names holding the words, then mere mentions", () => {
    const hits = [hit("青海青稞酒传统酿造技艺"), hit("互助威远青稞酒业酿造有限公司"), hit("天佑德")];
    expect(order(hits, "天佑德")).toEqual(["天佑德", "青海青稞酒传统酿造技艺", "互助威远青稞酒业酿造有限公司"]);
    expect(order([hit("互助蚕豆"), hit("威远青稞酒")], "威远")).toEqual(["威远青稞酒", "互助蚕豆"]);
  });

  it("knows a name by its pinyin, its initials and 牌", () => {
    expect(order([hit("平安驿·河湟民俗文化体验地"), hit("天佑德")], "tyd")).toEqual(["天佑德", "平安驿·河湟民俗文化体验地"]);
    expect(order([hit("互助青稞酒"), hit("互助")], "互助牌")).toEqual(["互助", "互助青稞酒"]);
  });

  it("counts a synonym in the name as the word (土豆 in 互助马铃薯)", () => {
    expect(order([hit("高原硒都·健康平安"), hit("互助马铃薯")], "土豆")).toEqual(["互助马铃薯", "高原硒都·健康平安"]);
  });

  it("keeps every sample after every real record, and Meilisearch's order within a tier", () => {
    expect(order([hit("示例循化大红袍花椒", { is_sample: true }), hit("循化花椒")], "大红袍")).toEqual(["循化花椒", "示例循化大红袍花椒"]);
    expect(order([hit("互助青稞酒"), hit("威远青稞酒")], "青稞")).toEqual(["互助青稞酒", "威远青稞酒"]);
  });

  it("leaves a county browse, and a sort the buyer chose, in Meilisearch's order", () => {
    expect(namedKey("互助", "relevance")).toBeUndefined();
    expect(namedKey("huzhu", "relevance")).toBeUndefined();
    expect(namedKey("天佑德", "name")).toBeUndefined();
    expect(order([hit("互助青稞酒"), hit("互助")], "互助")).toEqual(["互助青稞酒", "互助"]);
  });
});
