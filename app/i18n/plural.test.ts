import { describe, expect, it } from "vitest";
import { en, zhCN } from "./messages";
import { interpolate, translator } from "./i18n";

// Issue 18 item 7: English pages said "sent to 1 producers". Counts go through Intl.PluralRules in the ICU form.

describe("an English reader sees counts that agree with their nouns", () => {
  const t = translator("en");

  it("says 1 producer and 2 producers", () => {
    expect(t("inquiry.sent", { count: 1 })).toBe("Your inquiry was sent to 1 producer.");
    expect(t("inquiry.sent", { count: 2 })).toBe("Your inquiry was sent to 2 producers.");
    expect(t("inquiry.sent", { count: 0 })).toBe("Your inquiry was sent to 0 producers.");
  });

  it("keeps the verb with the noun", () => {
    expect(t("handoff.gone", { count: 1 })).toMatch(/^1 product is no longer/);
    expect(t("handoff.gone", { count: 3 })).toMatch(/^3 products are no longer/);
  });

  it("shows the Chinese sentence unchanged, with its number", () => {
    expect(translator("zh-CN")("inquiry.sent", { count: 1 })).toContain("1");
    expect(translator("zh-CN")("inquiry.sent", { count: 1 })).not.toMatch(/plural|#/);
  });

  it("leaves a plural block whose number is missing visible rather than guessing", () => {
    expect(interpolate("en", "{count, plural, one {# item} other {# items}}", {})).toBe("{count, plural, one {# item} other {# items}}");
  });

  it("has no English count left as '{count} things' for a number that can be 1", () => {
    // a placeholder directly followed by a plural noun; max/limit/page are never 1 in these sentences
    const bare = Object.entries(en).filter(([, text]) =>
      /\{(?!max\}|limit\}|page|pages\}|n\})\w+\} [a-z]+s\b(?<!\bis|\bwas|\bhas|\bits|\bthis|\blies)/.test(
        text.replace(/\{\w+, plural,(?:[^{}]|\{[^{}]*\})*\}/g, ""),
      ),
    );
    expect(bare.map(([key]) => key)).toEqual([]);
  });

  it("writes every plural block with an 'other' form, in both languages", () => {
    for (const text of [...Object.values(en), ...Object.values(zhCN)]) {
      for (const block of text.match(/\{\w+, plural,(?:[^{}]|\{[^{}]*\})*\}/g) ?? []) expect(block).toMatch(/other \{/);
    }
  });
});
