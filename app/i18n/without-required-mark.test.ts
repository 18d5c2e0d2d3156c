import { describe, expect, it } from "vitest";
import { en, zhCN } from "./messages";
import { withoutRequiredMark } from "./i18n";

describe("a form label read back as a name (issue 21: read-only labels kept the asterisk)", () => {
  it("drops the required mark in both languages and leaves other labels alone", () => {
    expect(withoutRequiredMark(zhCN["deal.amount"])).toBe("金额(元)");
    expect(withoutRequiredMark(en["deal.amount"])).not.toMatch(/\*/);
    expect(withoutRequiredMark(zhCN["report.placeKind"])).not.toMatch(/[*＊]/);
    expect(withoutRequiredMark("备注")).toBe("备注");
    expect(withoutRequiredMark("a * b")).toBe("a * b");
  });
});
