import { describe, expect, it } from "vitest";
import { labelLines } from "./charts";

// Chart labels are wrapped, never cut (issue 21: "2025 年目标:全市商标有效…" hid which figure the bar was).
const units = (s: string) => [...s].reduce((n, c) => n + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);

describe("chart labels", () => {
  it.each([
    "2025 年目标:全市商标有效注册量",
    "中国驰名商标(2022 年 12 月报道)",
    "of which verified as registered and valid today",
    "2025 target: valid trademark registrations in Haidong",
    "目录收录的商标",
  ])("%s keeps every character, on lines that fit the label column", (label) => {
    const lines = labelLines(label);
    expect(lines.join("").replace(/\s/g, "")).toBe(label.replace(/\s/g, ""));
    for (const line of lines) expect(units(line)).toBeLessThanOrEqual(26);
  });

  it("breaks before the bracket that dates a report, so the two 驰名商标 bars read apart", () => {
    expect(labelLines("中国驰名商标(2022 年 12 月报道)")).toEqual(["中国驰名商标", "(2022 年 12 月报道)"]);
    expect(labelLines("目录收录的商标")).toEqual(["目录收录的商标"]);
  });
});
