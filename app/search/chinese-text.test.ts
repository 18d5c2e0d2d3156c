import { describe, expect, it } from "vitest";
import { chineseSubstrings, pinyinFields } from "./chinese-text";

describe("chineseSubstrings", () => {
  it("holds cross-word substrings and single characters", () => {
    const subs = chineseSubstrings("互助青稞酒");
    expect(subs).toContain("稞酒");
    expect(subs).toContain("酒");
    expect(subs).toContain("互助青稞酒");
    expect(subs).toHaveLength(15);
  });
  it("ignores non-Han text", () => {
    expect(chineseSubstrings("ABC 蒜")).toEqual(["蒜"]);
  });
});

describe("pinyinFields", () => {
  it("gives full pinyin, joined runs and initials", () => {
    const f = pinyinFields("互助青稞酒");
    expect(f.pinyin).toBe("hu zhu qing ke jiu");
    expect(f.pinyin_joined).toEqual(expect.arrayContaining(["huzhu", "qingkejiu", "huzhuqingkejiu"]));
    expect(f.pinyin_initials).toContain("hzqkj");
  });
  it("reads place names with the reference overrides (乐都 is le du)", () => {
    expect(pinyinFields("乐都紫皮大蒜").pinyin).toBe("le du zi pi da suan");
  });
});
