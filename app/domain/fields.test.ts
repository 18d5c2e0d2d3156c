import { describe, expect, it } from "vitest";
import { translateMessage, translator } from "../i18n/i18n";
import { z } from "zod";
import { creditCode, httpUrl, isoDate, markType, niceClassList, plainNumber, requiredText, typedNumber } from "./fields";

const zh = translator("zh-CN");
const en = translator("en");
function errorOf(result: { success: boolean; error?: { issues: { message: string }[] } }, t = zh) {
  expect(result.success).toBe(false);
  return translateMessage(t, result.error!.issues[0]!.message);
}

describe("shared field rules", () => {
  it("reject control characters and over-long text, in the user's language", () => {
    expect(errorOf(requiredText(10).safeParse("a\u0007b"))).toBe("含有不允许的控制字符");
    expect(errorOf(requiredText(3).safeParse("青稞酒好"), en)).toBe("must be at most 3 characters");
    expect(requiredText(10).parse("  互助  ")).toBe("互助");
  });
  it("accept only http(s) links", () => {
    expect(httpUrl.safeParse("https://example.cn/a").success).toBe(true);
    // typed without the scheme, as on a business card: https:// is added
    expect(httpUrl.parse("www.huzhu-qingke.example.cn")).toBe("https://www.huzhu-qingke.example.cn");
    expect(httpUrl.parse("shop.example.cn/products?id=3")).toBe("https://shop.example.cn/products?id=3");
    expect(httpUrl.parse("http://example.cn")).toBe("http://example.cn");
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x", "//evil.example", "not a site", "example"]) {
      expect(errorOf(httpUrl.safeParse(bad))).toMatch(/网址/);
    }
  });
  it("read numbers as people type them: full-width digits, thousands separators grouped by three", () => {
    expect(typedNumber(" 1,200 ")).toBe("1200");
    expect(typedNumber("1,200.50")).toBe("1200.50");
    expect(typedNumber("-12,345,678.9")).toBe("-12345678.9");
    expect(typedNumber("１，２００．５")).toBe("1200.5");
    // a comma that does not group thousands is left for the rule to refuse, never guessed at
    expect(typedNumber("1,2")).toBe("1,2");
    expect(typedNumber("12,00")).toBe("12,00");
    expect(typedNumber("1234,567")).toBe("1234,567");
    const n = plainNumber(z.number());
    expect(n.parse("2,500")).toBe(2500);
    expect(n.safeParse("2,50").success).toBe(false);
    expect(n.safeParse("1e3").success).toBe(false);
  });
  it("check dates and Nice classes", () => {
    expect(errorOf(isoDate.safeParse("2024-02-30"))).toMatch(/YYYY-MM-DD/);
    expect(niceClassList.parse("30;29；30")).toEqual([29, 30]);
    expect(errorOf(niceClassList.safeParse("29;46"))).toBe("尼斯分类应为 1 到 45 之间的整数");
  });
  it("say when the credit code's check character is wrong", () => {
    expect(creditCode.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    expect(errorOf(creditCode.safeParse("91350100M000100Y44"))).toMatch(/校验位/);
  });
  it("accept Chinese and English enum spellings", () => {
    expect(markType.parse("证明商标")).toBe("certification");
    expect(markType.parse("Collective")).toBe("collective");
    expect(errorOf(markType.safeParse("驰名"), en)).toMatch(/must be one of/);
  });
});
