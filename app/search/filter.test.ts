import { describe, expect, it } from "vitest";
import { buildFilter, quoteFilterValue } from "./filter";
import { highlightToHtml, MARK_END, MARK_START } from "./highlight";

describe("quoteFilterValue", () => {
  it("escapes quotes and backslashes", () => {
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue("a\\")).toBe('"a\\\\"');
  });
});

describe("buildFilter", () => {
  it("ORs within an attribute and ANDs across attributes", () => {
    expect(buildFilter({ type: ["gi", "product"], county: ["乐都区"] })).toEqual([
      ['type = "gi"', 'type = "product"'],
      ['county = "乐都区"'],
    ]);
  });
  it("drops empty selections", () => {
    expect(buildFilter({ type: [] })).toEqual([]);
  });
});

describe("highlightToHtml", () => {
  it("escapes stored markup before adding marks", () => {
    expect(highlightToHtml(`<img src=x onerror=alert(1)>${MARK_START}青稞${MARK_END}`)).toBe(
      "&#60;img src=x onerror=alert(1)&#62;<mark>青稞</mark>",
    );
  });
});
