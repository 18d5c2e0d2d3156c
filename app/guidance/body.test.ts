import { describe, expect, it } from "vitest";
import { firstParagraph, inlineParts, parseGuidanceBody } from "./body";

describe("the guidance body format", () => {
  it("reads paragraphs and '- ' bullets, and keeps markup as text", () => {
    expect(parseGuidanceBody("第一段\n接着\n\n- 甲\n- <b>乙</b>\n尾")).toEqual([
      { kind: "p", lines: [[{ text: "第一段" }], [{ text: "接着" }]] },
      { kind: "ul", items: [[{ text: "甲" }], [{ text: "<b>乙</b>" }]] },
      { kind: "p", lines: [[{ text: "尾" }]] },
    ]);
  });

  it("links https URLs only, without the sentence's full stop", () => {
    expect(inlineParts("见 https://sbj.cnipa.gov.cn。")).toEqual([{ text: "见 " }, { href: "https://sbj.cnipa.gov.cn" }, { text: "。" }]);
    expect(inlineParts("see https://sbj.cnipa.gov.cn.")).toEqual([{ text: "see " }, { href: "https://sbj.cnipa.gov.cn" }, { text: "." }]);
    expect(inlineParts("http://example.cn javascript:alert(1)")).toEqual([{ text: "http://example.cn javascript:alert(1)" }]);
  });

  it("summarises a topic by its first paragraph", () => {
    expect(firstParagraph("要点。\n\n- 细节")).toEqual([[{ text: "要点。" }]]);
    expect(firstParagraph("")).toEqual([]);
  });
});
